package com.contactcenter.billing.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The forecast tests' tenant with a weekly rhythm. Eight weeks before {@code today} (from Sun
 * 2026-09-20) hold, per day, outgoing SMS: 10 on weekdays, 4 on Saturdays, 2 on Sundays; outgoing
 * WhatsApp: 5 on Tuesday to Friday, 1 on Saturdays, none on Sundays, and on the Mondays from Sep 21
 * 3, 7, 7, 3 in turn (mean 5, no trend). Today holds one SMS at 10:00 in Bogota.
 */
public final class SteadyTenant {

    public static final LocalDate HISTORY_FROM = LocalDate.parse("2026-09-20");
    /** Today's one SMS, 10:00 in Bogota on 2026-11-15. */
    public static final Instant TODAYS_SMS = Instant.parse("2026-11-15T15:00:00Z");

    private SteadyTenant() {}

    /** The history up to yesterday and today's SMS, the tenant's first channel being SMS. */
    public static WeeklyTenant upTo(LocalDate today) {
        return new WeeklyTenant()
                .days(HISTORY_FROM, today.minusDays(1), SteadyTenant::sms, SteadyTenant::whatsapp)
                .messages(1, TODAYS_SMS, 1);
    }

    public static long sms(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> 4;
            case SUNDAY -> 2;
            default -> 10;
        };
    }

    public static long whatsapp(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case MONDAY -> {
                long week = ChronoUnit.WEEKS.between(LocalDate.parse("2026-09-21"), day) % 4;
                yield week == 1 || week == 2 ? 7 : 3;
            }
            case SATURDAY -> 1;
            case SUNDAY -> 0;
            default -> 5;
        };
    }
}
