package com.contactcenter.billing.report.pdf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/**
 * How the report writes figures: es-CO conventions ({@code $ 1.234.567,50}) unless the report is in
 * English, then the English locale's ({@code en} alone counts as {@code en-US}). Money keeps the
 * pricing scale; dates are ISO local dates and instants ISO UTC, as in the export. Not thread-safe
 * (NumberFormat): one per document.
 */
final class Figures {

    static final Locale SPANISH = Locale.forLanguageTag("es-CO");

    private static final DateTimeFormatter SPANISH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter SPANISH_DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
    private static final DateTimeFormatter SPANISH_MINUTE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter ENGLISH_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter ENGLISH_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final char NO_BREAK_SPACE = '\u00a0';

    private final Locale locale;
    private final NumberFormat counts;
    private final NumberFormat money;
    private final Optional<ZoneId> zone;

    private Figures(Locale locale, NumberFormat counts, NumberFormat money, Optional<ZoneId> zone) {
        this.locale = locale;
        this.counts = counts;
        this.money = money;
        this.zone = zone;
    }

    static Figures of(Locale requested, String currency, int scale, String timeZone) {
        Locale locale = formatLocale(requested);
        return new Figures(
                locale, NumberFormat.getIntegerInstance(locale), moneyFormat(locale, currency, scale), zone(timeZone));
    }

    /** The locale whose number conventions a report in {@code requested} uses. */
    static Locale formatLocale(Locale requested) {
        if (!Labels.isEnglish(requested)) {
            return SPANISH;
        }
        return requested.getCountry().isEmpty() ? Locale.US : requested;
    }

    Locale locale() {
        return locale;
    }

    String count(long value) {
        return counts.format(value);
    }

    String money(BigDecimal amount) {
        return money.format(amount);
    }

    /** A local date: 30/11/2026 in Spanish, 2026-11-30 in English. */
    String date(LocalDate date) {
        return english() ? date.toString() : SPANISH_DATE.format(date);
    }

    /** An instant's wall-clock time in the tenant's zone (UTC if the zone is unknown), to the second. */
    String instant(Instant instant) {
        return (english() ? ENGLISH_DATE_TIME : SPANISH_DATE_TIME).format(instant.atZone(zoneOrUtc()));
    }

    /** An instant's wall-clock time in the tenant's zone (UTC if the zone is unknown), to the minute. */
    String minute(Instant instant) {
        return (english() ? ENGLISH_MINUTE : SPANISH_MINUTE).format(instant.atZone(zoneOrUtc()));
    }

    /** The zone instants are written in: the tenant's, UTC if Java does not know it. */
    ZoneId zoneOrUtc() {
        return zone.orElse(UTC);
    }

    /** A last-login instant in the tenant's zone to the minute (UTC if the zone is unknown); a dash for never. */
    String lastLogin(Instant instant) {
        if (instant == null) {
            return "—";
        }
        return minute(instant);
    }

    /** A fraction of one hundred with one decimal and its sign: "+12,3 %", "-4,0 %", "0,0 %". */
    String percent(BigDecimal percent) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return (percent.signum() > 0 ? "+" : "") + format.format(percent) + NO_BREAK_SPACE + "%";
    }

    private boolean english() {
        return Labels.isEnglish(locale);
    }

    private static NumberFormat moneyFormat(Locale locale, String currency, int scale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        try {
            format.setCurrency(Currency.getInstance(currency));
        } catch (IllegalArgumentException | NullPointerException unknownCurrency) {
            format = NumberFormat.getNumberInstance(locale);
            if (format instanceof DecimalFormat decimal && currency != null) {
                decimal.setPositivePrefix(currency + NO_BREAK_SPACE);
                decimal.setNegativePrefix("-" + currency + NO_BREAK_SPACE);
            }
        }
        int digits = Math.max(0, scale);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        format.setRoundingMode(RoundingMode.HALF_UP);
        if (format instanceof DecimalFormat decimal) {
            // "COP1,234.50" reads badly: a code as prefix gets the space a symbol gets in es-CO.
            decimal.setPositivePrefix(spaced(decimal.getPositivePrefix()));
            decimal.setNegativePrefix(spaced(decimal.getNegativePrefix()));
        }
        return format;
    }

    private static String spaced(String prefix) {
        return !prefix.isEmpty() && Character.isLetter(prefix.charAt(prefix.length() - 1))
                ? prefix + NO_BREAK_SPACE
                : prefix;
    }

    private static Optional<ZoneId> zone(String timeZone) {
        try {
            return timeZone == null ? Optional.empty() : Optional.of(ZoneId.of(timeZone));
        } catch (DateTimeException unknownZone) {
            return Optional.empty();
        }
    }
}
