package com.contactcenter.billing.report;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * How fresh the figures are, in words, from a snapshot's as-of in the tenant's zone: "Datos
 * sincronizados hasta 29/11/2026 14:30" (Spanish, the default) or "Data synced up to 2026-11-29
 * 14:30" (a locale whose language is English). The time is cut to the minute, never rounded up,
 * so the text never claims data newer than the as-of. The reports and the dashboard both use it.
 */
public final class Freshness {

    private static final DateTimeFormatter SPANISH_DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter ENGLISH_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final ZoneId UTC = ZoneId.of("UTC");

    private Freshness() {}

    /** "Datos sincronizados hasta 29/11/2026 14:30": the as-of's local date and time in {@code zone}. */
    public static String text(Instant asOf, ZoneId zone, Locale locale) {
        ZonedDateTime local = local(asOf, zone);
        return english(locale)
                ? "Data synced up to " + ENGLISH_DATE_TIME.format(local)
                : "Datos sincronizados hasta " + SPANISH_DATE_TIME.format(local);
    }

    /**
     * As {@link #text(Instant, ZoneId, Locale)}, but only the time when the as-of falls on
     * {@code today} (in {@code zone}): "Datos sincronizados hasta las 14:30", "Data synced up to 14:30
     * today".
     */
    public static String text(Instant asOf, ZoneId zone, Locale locale, LocalDate today) {
        ZonedDateTime local = local(asOf, zone);
        if (!local.toLocalDate().equals(today)) {
            return text(asOf, zone, locale);
        }
        return english(locale)
                ? "Data synced up to " + TIME.format(local) + " today"
                : "Datos sincronizados hasta las " + TIME.format(local);
    }

    /**
     * The reports' line: the full text followed by the zone it is read in, "Datos sincronizados
     * hasta 29/11/2026 14:30 (America/Bogota)". A zone id Java does not know is read as UTC.
     */
    public static String withZone(Instant asOf, String zoneId, Locale locale) {
        ZoneId zone = zone(zoneId);
        return text(asOf, zone, locale) + " (" + zone.getId() + ")";
    }

    /** The tenant's zone; a zone id Java does not know (or none) is read as UTC. */
    public static ZoneId zone(String zoneId) {
        try {
            return ZoneId.of(zoneId);
        } catch (DateTimeException | NullPointerException unknown) {
            return UTC;
        }
    }

    /** "08/09/2026 03:30" (Spanish) or "2026-09-08 03:30" (English): an instant's wall-clock time in {@code zone}. */
    public static String dateTime(Instant instant, ZoneId zone, Locale locale) {
        ZonedDateTime local = local(instant, zone);
        return english(locale) ? ENGLISH_DATE_TIME.format(local) : SPANISH_DATE_TIME.format(local);
    }

    /** As {@link #dateTime}, followed by the zone: "08/09/2026 03:30 (America/Santiago)". */
    public static String dateTimeWithZone(Instant instant, String zoneId, Locale locale) {
        ZoneId zone = zone(zoneId);
        return dateTime(instant, zone, locale) + " (" + zone.getId() + ")";
    }

    private static ZonedDateTime local(Instant asOf, ZoneId zone) {
        return Objects.requireNonNull(asOf, "asOf").atZone(Objects.requireNonNull(zone, "zone"));
    }

    private static boolean english(Locale locale) {
        return locale != null && Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }
}
