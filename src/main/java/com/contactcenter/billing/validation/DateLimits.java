package com.contactcenter.billing.validation;

import java.text.MessageFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

/**
 * The dates a request may name, for the API and the command line alike: {@code YYYY-MM-DD} exactly
 * (a real day, four-digit year), {@code from} not after {@code to}, not before
 * {@code billing.sync.earliest-date}, not after tomorrow in the source's zone (nothing later can
 * hold data), and at most a given number of days. Refusals are worded in {@code billing.report.locale}
 * ({@code messages/dates*.properties}).
 */
public final class DateLimits {

    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final int ECHOED = 40;

    private final LocalDate earliest;
    private final int maxDaysPerRequest;
    private final ResourceBundle messages;
    private final Locale locale;
    private final Clock clock;

    public DateLimits(LocalDate earliest, int maxDaysPerRequest, Locale locale, Clock clock) {
        this.earliest = earliest;
        this.maxDaysPerRequest = maxDaysPerRequest;
        this.locale = locale;
        this.messages = ResourceBundle.getBundle(
                "messages/dates",
                locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.clock = clock;
    }

    /** The longest period a tenant's own account may ask for ({@code billing.sync.max-days-per-request}). */
    public int maxDaysPerRequest() {
        return maxDaysPerRequest;
    }

    /** A date as {@code YYYY-MM-DD}, a real day; {@code name} is the field or option as the caller wrote it. */
    public LocalDate parse(String name, String text) {
        if (text == null || text.isBlank()) {
            throw refused("date.missing", name);
        }
        String date = text.strip();
        if (DATE.matcher(date).matches()) {
            try {
                return LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                // 2026-02-30: refused below, as any other non-date
            }
        }
        throw refused("date.notADate", name, date.length() > ECHOED ? date.substring(0, ECHOED) + "…" : date);
    }

    /** Parses both dates and checks them as a range of the source in {@code zone}, of at most {@code maxDays} days. */
    public DateRange range(String fromName, String from, String toName, String to, ZoneId zone, int maxDays) {
        return range(fromName, parse(fromName, from), toName, parse(toName, to), zone, maxDays);
    }

    /** Checks a range of the source in {@code zone}, of at most {@code maxDays} days. */
    public DateRange range(String fromName, LocalDate from, String toName, LocalDate to, ZoneId zone, int maxDays) {
        if (from.isAfter(to)) {
            throw refused("date.fromAfterTo", fromName, from, toName, to);
        }
        if (from.isBefore(earliest)) {
            throw refused("date.beforeEarliest", fromName, from, earliest);
        }
        LocalDate latest = LocalDate.ofInstant(clock.instant(), zone).plusDays(1);
        if (to.isAfter(latest)) {
            throw refused("date.afterLatest", toName, to, latest, zone.getId());
        }
        DateRange range = new DateRange(from, to);
        if (range.days() > maxDays) {
            throw refused("date.tooLong", Long.toString(range.days()), Integer.toString(maxDays));
        }
        return range;
    }

    private InvalidDateException refused(String key, Object... arguments) {
        Object[] texts = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            texts[i] = String.valueOf(arguments[i]);
        }
        return new InvalidDateException(new MessageFormat(messages.getString(key), locale).format(texts));
    }

    /** Local dates of a source, both inclusive. */
    public record DateRange(LocalDate from, LocalDate to) {

        public long days() {
            return ChronoUnit.DAYS.between(from, to) + 1;
        }
    }
}
