package com.contactcenter.billing.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The edge tenant of {@code fixtures/edge-tenant.sql} (America/Bogota, UTC-5) and its figures for
 * October 2026, {@code [2026-10-01T05:00:00Z, 2026-11-01T05:00:00Z)}, synced as of
 * 2026-11-01T03:00:00Z, priced with {@code edge-tenant-pricing.properties}. The whole export by
 * month is {@code expected/edge-tenant-2026-10-by-month.json}.
 *
 * <p>Row by row (October local days; "future" = stamped after the as-of):
 * <pre>
 * users      billable: 1, 2 (created 1 ms before the end), 4 (deactivated exactly at the start), 6 (mid-period),
 *            7 (NULL role), 8 (role 99), 10, 11. Not: 3 (created at the end), 5 (deactivated 1 ms before
 *            the start), 9 (deactivated before created: deactivated_before_created 1). 7 and 8: unknown_role 2.
 *            By role: Administrador 4, 6 = 2; Agente 1, 2, 10, 11 = 4; Sin rol 7, 8 = 2; Supervisor 0.
 * channels   user 1: channel 1, channel 3 (assigned 1 ms before the end) = 2 (99 does not exist);
 *            user 2: channel 1 assigned at the end = 0; user 10: channel 7 = 1.
 * sessions   user 1: 1 (at the start), 2, 3 (1 ms before the end) = 3; 4 is on Sep 30 local. user 4: 1.
 * messages   1 whatsapp out (user 1) Oct 1 00:00 local; 2 is Sep 30 local; 4 is Nov 1 local.
 *            3 whatsapp in, Oct 31 23:59:59.999 local, future.        5 sms out 3 segments (user 1) Oct 10.
 *            6 sms out 0 segments: bad_segments.                       7 'IN', 8 'in ', 9 'Out': bad_direction.
 *            10 channel 8 typed 'WhatsApp': unknown_channel_type.     11 channel 42: unknown_channel.
 *            12 email out (user 1) Oct 13.  13 webchat out (user 10): messagesSent only.  14 email in: nothing.
 *            15 telegram + 'x': unknown_channel_type (first reason). 16 sms 'Out' 0 segments: bad_direction.
 *            17 whatsapp out (user 11) Oct 20.  18 sms out 2 segments (user 1) Oct 15.
 *            20 whatsapp in exactly at the as-of: valid, Oct 31.  21 1 ms after the as-of: future.
 *            22 sms 0 segments, future: bad_segments (first reason).  23 webchat in: nothing.
 * calls      1 voice 61 s = 2 min, 2 voice 60 s = 1 min (user 1, Oct 10); 3 voice 0 s: not answered, nothing.
 *            4 -5 s: negative_duration.  5 video 1 s = 1 min (user 10) Oct 11.  6 'IN' -3 s: bad_direction.
 *            7 on a whatsapp channel: no service.  8 channel 42: unknown_channel.
 *            9 voice 3600 s = 60 min, no user, Oct 12.  10 future.  11 -1 s and future: negative_duration.
 * bots       1 whatsapp Oct 5, 2 webchat Oct 6: bot_sessions 2.  3 channel 42: unknown_channel.
 *            4 telegram: unknown_channel_type.  5 future.
 * services   sms_out 2/5, email_out 1/1, whatsapp_out 2/2, whatsapp_in 1/1, voice_minutes 3/63,
 *            video_minutes 1/1, bot_sessions 2/2 (count/units).
 * findings   unknown_channel 3 (msg 11, call 8, bot 3), unknown_channel_type 3 (msg 10, 15, bot 4),
 *            bad_direction 5 (msg 7, 8, 9, 16, call 6), negative_duration 2 (call 4, 11),
 *            bad_segments 2 (msg 6, 22), future_timestamp 4 (msg 3, 21, call 10, bot 5).
 * estimate   seats 2 x 120000 + 4 x 80000 + 2 x 0 (Sin rol, unpriced) = 560000.00;
 *            services 5 x 50 + 1 x 2.5 + 2 x 120 + 1 x 30 + 63 x 180 + 1 x 350 + 2 x 90 = 12392.50;
 *            total 572392.50.
 * </pre>
 */
public final class EdgeTenantFixture {

    public static final String SQL = "fixtures/edge-tenant.sql";
    public static final String PRICING = "classpath:edge-tenant-pricing.properties";
    public static final String EXPECTED_OCTOBER_BY_MONTH = "expected/edge-tenant-2026-10-by-month.json";

    /** The sync's clock, which becomes its as-of. */
    public static final String AS_OF = "2026-11-01T03:00:00Z";

    public static final Instant AS_OF_INSTANT = Instant.parse(AS_OF);

    /** The days synced: one day either side of October. */
    public static final LocalDate SYNC_FROM = LocalDate.parse("2026-09-30");

    public static final LocalDate SYNC_TO = LocalDate.parse("2026-11-01");

    public static final LocalDate OCTOBER_FIRST = LocalDate.parse("2026-10-01");
    public static final LocalDate OCTOBER_LAST = LocalDate.parse("2026-10-31");

    public static final String TOTAL = "572392.50";

    /** key, count, units for October, in the order the export lists them. */
    public static final List<ServiceFigure> OCTOBER_SERVICES = List.of(
            new ServiceFigure("sms_out", 2, 5),
            new ServiceFigure("email_out", 1, 1),
            new ServiceFigure("whatsapp_out", 2, 2),
            new ServiceFigure("whatsapp_in", 1, 1),
            new ServiceFigure("voice_minutes", 3, 63),
            new ServiceFigure("video_minutes", 1, 1),
            new ServiceFigure("bot_sessions", 2, 2));

    public record ServiceFigure(String key, long count, long units) {}

    private EdgeTenantFixture() {}
}
