package com.contactcenter.billing.snapshot;

import com.contactcenter.billing.snapshot.ChangeBreakdown.BucketChange;
import com.contactcenter.billing.snapshot.ChangeBreakdown.Member;
import com.contactcenter.billing.snapshot.ChangeBreakdown.Part;
import com.contactcenter.billing.usage.ServiceKey;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * How a {@link ChangeBreakdown} reads, in the reports' language ({@code messages/diff*.properties}):
 * Spanish (Colombia: {@code 1.234.567,50}) by default, English with an English locale. The
 * command line, the API (and so the dashboard) and the workbook word the parts the same way.
 */
public final class ChangeWording {

    static final Locale SPANISH_COLOMBIA = Locale.forLanguageTag("es-CO");
    static final int NAMES_SHOWN = 10;
    static final int BUCKETS_SHOWN = 10;
    private static final DateTimeFormatter LOCAL_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ResourceBundle messages;
    private final boolean english;
    private final Locale numbers;

    private ChangeWording(Locale locale) {
        this.english = locale != null && locale.getLanguage().equals(Locale.ENGLISH.getLanguage());
        this.numbers = english ? Locale.US : SPANISH_COLOMBIA;
        this.messages = ResourceBundle.getBundle(
                "messages/diff",
                english ? Locale.ENGLISH : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static ChangeWording forLocale(Locale locale) {
        return new ChangeWording(locale);
    }

    /** A message by key; numbers given to it should be formatted already. */
    public String text(String key, Object... arguments) {
        return new MessageFormat(messages.getString(key), numbers).format(arguments);
    }

    /** "Usuarios nuevos", "Consumo"... */
    public String kind(Part part) {
        return text("diff.kind." + part.kind().code());
    }

    /** The role, or the service's name; empty for rounding. */
    public String concept(Part part) {
        if (part.key() == null) {
            return "";
        }
        return switch (part.kind()) {
            case SERVICE_PRICE, SERVICE_VOLUME -> service(part.key());
            default -> part.key();
        };
    }

    /** The part in one line: "Usuarios nuevos · Agente". */
    public String label(Part part) {
        String concept = concept(part);
        return concept.isEmpty() ? kind(part) : kind(part) + " · " + concept;
    }

    public String service(String key) {
        return ServiceKey.ofKey(key)
                .map(s -> english ? s.englishLabel() : s.spanishLabel())
                .orElse(key);
    }

    /** What changed in the part, in words: users by name and id, units per bucket, old and new prices. */
    public String detail(Part part, int scale) {
        return switch (part.kind()) {
            case SEAT_PRICE ->
                text(
                        "diff.detail.seat_price",
                        count(part.oldQuantity()),
                        price(part.oldPrice(), scale),
                        price(part.newPrice(), scale));
            case SEATS_ADDED ->
                text("diff.detail.seats_added", count(part.added().size()), names(part.added()));
            case SEATS_ENDED ->
                text("diff.detail.seats_ended", count(part.ended().size()), names(part.ended()));
            case SEATS_CHANGED ->
                text(
                        "diff.detail.seats_changed",
                        count(part.oldQuantity()),
                        count(part.newQuantity()),
                        names(part.added()),
                        names(part.ended()));
            case SERVICE_PRICE ->
                text(
                        "diff.detail.service_price",
                        count(part.oldQuantity()),
                        price(part.oldPrice(), scale),
                        price(part.newPrice(), scale));
            case SERVICE_VOLUME -> {
                String units = text("diff.detail.service_volume", count(part.oldQuantity()), count(part.newQuantity()));
                yield part.buckets().isEmpty() ? units : units + "; " + text("diff.detail.buckets", buckets(part));
            }
            case ROUNDING -> text("diff.detail.rounding");
        };
    }

    /** "Ana Gómez (7), Luis (9)", the first {@value #NAMES_SHOWN}, then how many more. */
    public String names(List<Member> members) {
        if (members.isEmpty()) {
            return text("diff.detail.nobody");
        }
        String shown = members.stream()
                .limit(NAMES_SHOWN)
                .map(m -> (m.name() == null ? text("diff.noName") : m.name()) + " (" + m.id() + ")")
                .collect(Collectors.joining(", "));
        return members.size() > NAMES_SHOWN
                ? shown + " " + text("diff.detail.more", count(members.size() - NAMES_SHOWN))
                : shown;
    }

    /** "2026-10-03: 100 → 130, ...", the first {@value #BUCKETS_SHOWN}, then how many more. */
    public String buckets(Part part) {
        List<BucketChange> all = part.buckets();
        String shown = all.stream()
                .limit(BUCKETS_SHOWN)
                .map(b -> b.bucket() + ": " + count(b.oldUnits()) + " → " + count(b.newUnits()))
                .collect(Collectors.joining(", "));
        return all.size() > BUCKETS_SHOWN
                ? shown + " " + text("diff.detail.more", count(all.size() - BUCKETS_SHOWN))
                : shown;
    }

    public String count(long value) {
        return NumberFormat.getIntegerInstance(numbers).format(value);
    }

    /** An amount grouped as the reports group it, at the estimate's scale. */
    public String money(BigDecimal amount, int scale) {
        NumberFormat format = NumberFormat.getNumberInstance(numbers);
        format.setMinimumFractionDigits(Math.max(0, scale));
        format.setMaximumFractionDigits(Math.max(0, scale));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount);
    }

    /** As {@link #money}, with a sign: "+80.000,00", "-1.500,00", "0,00". */
    public String signed(BigDecimal amount, int scale) {
        return (amount.signum() > 0 ? "+" : "") + money(amount, scale);
    }

    /** A price at the estimate's scale, or with its own decimals when it has more. */
    public String price(BigDecimal price, int scale) {
        return money(price, Math.max(scale, price.stripTrailingZeros().scale()));
    }

    /** An instant as wall-clock time in the tenant's zone, to the minute, with the zone. */
    public String instant(Instant instant, String timeZone) {
        if (instant == null) {
            return "—";
        }
        try {
            ZoneId zone = ZoneId.of(timeZone);
            return LOCAL_MINUTE.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
        } catch (DateTimeException | NullPointerException unknownZone) {
            return LOCAL_MINUTE.format(instant.atZone(ZoneId.of("UTC"))) + " (UTC)";
        }
    }

    /** The heading lines of an explanation: title, versions, totals, and the sum or why there is none. */
    public List<String> heading(ChangeBreakdown b) {
        String title = text("diff.title", b.source(), b.from().toString(), b.to().toString(), b.groupBy());
        String versions = text(
                "diff.versions",
                String.valueOf(b.older().number()),
                instant(b.older().asOf(), b.timeZone()),
                String.valueOf(b.newer().number()),
                instant(b.newer().asOf(), b.timeZone()));
        if (!b.comparable()) {
            return List.of(title, versions, text("diff.notComparable", b.oldCurrency(), b.currency()));
        }
        String totals = text(
                "diff.totals",
                money(b.oldTotal(), b.scale()) + " " + b.currency(),
                money(b.newTotal(), b.scale()) + " " + b.currency(),
                signed(b.difference(), b.scale()) + " " + b.currency());
        return List.of(title, versions, totals);
    }
}
