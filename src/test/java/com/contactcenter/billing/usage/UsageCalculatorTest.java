package com.contactcenter.billing.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.usage.DayFacts.ChannelFact;
import com.contactcenter.billing.usage.DayFacts.FindingFact;
import com.contactcenter.billing.usage.DayFacts.UserFact;
import com.contactcenter.billing.usage.EstimateLine.Kind;
import com.contactcenter.billing.usage.UsageReport.AssignedChannel;
import com.contactcenter.billing.usage.UsageReport.FindingCount;
import com.contactcenter.billing.usage.UsageReport.RoleSeriesPoint;
import com.contactcenter.billing.usage.UsageReport.RoleUsers;
import com.contactcenter.billing.usage.UsageReport.SeriesPoint;
import com.contactcenter.billing.usage.UsageReport.ServiceUsage;
import com.contactcenter.billing.usage.UsageReport.UserBucket;
import com.contactcenter.billing.usage.UsageReport.UserDetail;
import com.contactcenter.billing.usage.UsageReport.WhatsappBucket;
import com.contactcenter.billing.usage.UsageReport.WhatsappChannel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsageCalculatorTest {

    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    /** [2026-10-01T05:00:00Z, 2026-11-01T05:00:00Z) */
    private static final Period OCTOBER = period("2026-10-01", "2026-10-31");

    private static final Roles ROLES = new Roles(Map.of(1, "Supervisor", 2, "Agente", 3, "Administrador", 4, "Zeta"));

    private static final Map<Integer, Channel> CHANNELS = Stream.of(
                    new Channel(1, "whatsapp", "WhatsApp Ventas", "+570001"),
                    new Channel(2, "sms", "SMS Masivo", "+570002"),
                    new Channel(3, "email", "Correo", "ventas@example.com"),
                    new Channel(4, "voice", "Voz", "+570004"),
                    new Channel(5, "video", "Video", "video"),
                    new Channel(11, "whatsapp", "WhatsApp Soporte", "+570011"),
                    new Channel(12, "whatsapp", "WhatsApp Cobros", "+570012"),
                    new Channel(20, "WhatsApp", "WhatsApp mal tipado", "+570020"))
            .collect(Collectors.toMap(Channel::id, c -> c));

    private static final List<UserRecord> USERS = List.of(
            user(1, "José Ñúñez", 2, "2026-01-01T00:00:00Z", null, "2026-10-30T22:11:05.123Z"),
            user(2, "Beto", 2, "2026-10-15T12:00:00Z", null, null),
            user(3, "Caro", 1, "2026-01-01T00:00:00Z", "2026-10-10T00:00:00Z", "2026-10-09T13:00:00Z"),
            user(4, "Dani", null, "2026-01-01T00:00:00Z", null, null),
            user(5, "Eva", 9, "2026-01-01T00:00:00Z", null, null),
            // created exactly at October's end
            user(6, "Fede", 2, "2026-11-01T05:00:00Z", null, null),
            // deactivated one ms before October's start
            user(7, "Gabi", 2, "2026-01-01T00:00:00Z", "2026-10-01T04:59:59.999Z", null),
            // deactivated before created, created inside October
            user(8, "Hugo", 2, "2026-10-10T00:00:00Z", "2026-10-05T00:00:00Z", null),
            // deactivated before created, created 2026-11-30 19:00 in Bogota
            user(9, "Iris", null, "2026-12-01T00:00:00Z", "2026-11-01T00:00:00Z", null),
            user(10, "Juan", 9, "2026-11-05T00:00:00Z", null, null));

    private static final List<UserChannel> USER_CHANNELS = List.of(
            new UserChannel(1, 1, Instant.parse("2026-09-01T00:00:00Z")),
            new UserChannel(1, 2, Instant.parse("2026-11-01T04:59:59.999Z")),
            // assigned exactly at October's end: not counted
            new UserChannel(1, 4, Instant.parse("2026-11-01T05:00:00Z")),
            // a channel that does not exist: not counted
            new UserChannel(1, 99, Instant.parse("2026-09-01T00:00:00Z")),
            new UserChannel(2, 1, Instant.parse("2026-10-20T00:00:00Z")),
            // a channel of an unknown type still exists
            new UserChannel(2, 20, Instant.parse("2026-10-01T00:00:00Z")),
            new UserChannel(6, 1, Instant.parse("2026-10-01T00:00:00Z")));

    private static final ReferenceData REFERENCE = new ReferenceData(ROLES, USERS, CHANNELS, USER_CHANNELS);

    private static final List<ChannelFact> CHANNEL_FACTS = List.of(
            new ChannelFact(day("2026-10-01"), 2, ServiceKey.SMS_OUT, 3, 5),
            new ChannelFact(day("2026-10-05"), 1, ServiceKey.WHATSAPP_OUT, 10, 10),
            new ChannelFact(day("2026-10-05"), 1, ServiceKey.WHATSAPP_IN, 7, 7),
            new ChannelFact(day("2026-10-05"), 1, ServiceKey.BOT_SESSIONS, 3, 3),
            new ChannelFact(day("2026-10-20"), 11, ServiceKey.WHATSAPP_IN, 2, 2),
            new ChannelFact(day("2026-10-31"), 4, ServiceKey.VOICE_MINUTES, 2, 9),
            // outside the period
            new ChannelFact(day("2026-09-30"), 2, ServiceKey.SMS_OUT, 100, 100),
            new ChannelFact(day("2026-11-01"), 1, ServiceKey.WHATSAPP_OUT, 50, 50));

    private static final List<FindingFact> FINDING_FACTS = List.of(
            new FindingFact(day("2026-10-31"), Finding.UNKNOWN_CHANNEL, 4),
            new FindingFact(day("2026-10-02"), Finding.BAD_DIRECTION, 2),
            new FindingFact(day("2026-11-01"), Finding.FUTURE_TIMESTAMP, 9),
            new FindingFact(day("2026-10-03"), Finding.NEGATIVE_DURATION, 1),
            new FindingFact(day("2026-09-30"), Finding.BAD_SEGMENTS, 5),
            new FindingFact(day("2026-10-15"), Finding.FUTURE_TIMESTAMP, 0),
            new FindingFact(day("2026-10-20"), Finding.UNKNOWN_CHANNEL, 1));

    private static final List<UserFact> USER_FACTS = List.of(
            new UserFact(day("2026-10-01"), 1, 2, 3, 1, 4),
            new UserFact(day("2026-10-06"), 1, 1, 5, 2, 7),
            new UserFact(day("2026-10-07"), 1, 0, 1, 0, 0),
            new UserFact(day("2026-09-30"), 1, 10, 10, 10, 10),
            new UserFact(day("2026-11-01"), 1, 20, 20, 20, 20),
            new UserFact(day("2026-10-16"), 2, 1, 0, 0, 0),
            new UserFact(day("2026-10-05"), 3, 1, 2, 0, 0),
            // a user who is not billable in October
            new UserFact(day("2026-10-02"), 7, 5, 5, 5, 5));

    private static final Pricing PRICING = pricing();

    private final UsageCalculator calculator = new UsageCalculator(PRICING);

    @ParameterizedTest(name = "{0}..{1}: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "2026-10-01 | 2026-10-31 | Administrador=0 Agente=2 Sin rol=2 Supervisor=1 Zeta=0",
                // users 6 (created at the start) and 10 join, 3 left in October
                "2026-11-01 | 2026-11-30 | Administrador=0 Agente=3 Sin rol=3 Supervisor=0 Zeta=0",
                // user 7 was deactivated one ms before October: still September's
                "2026-09-01 | 2026-09-30 | Administrador=0 Agente=2 Sin rol=2 Supervisor=1 Zeta=0",
                // created 2026-01-01T00:00Z is 2025-12-31 19:00 in Bogota
                "2025-12-31 | 2025-12-31 | Administrador=0 Agente=2 Sin rol=2 Supervisor=1 Zeta=0",
                // nobody yet: every role of the source with 0, no Sin rol
                "2025-12-30 | 2025-12-30 | Administrador=0 Agente=0 Supervisor=0 Zeta=0",
            })
    void listsEveryRoleByNameWithItsBillableUsersAndSinRolOnlyWithUsers(LocalDate from, LocalDate to, String expected) {
        // when
        UsageReport report = calculator.compute(
                new Period(from, to, BOGOTA), GroupBy.MONTH, REFERENCE, List.of(), List.of(), List.of());

        // then
        assertThat(report.usersByRole()).isEqualTo(roleUsers(expected));
    }

    @ParameterizedTest(name = "{0}..{1}: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                // Hugo (8) is deactivated before created; Dani (NULL role) and Eva (role 9) are billable
                "2026-10-01 | 2026-10-31 | deactivated_before_created=1 unknown_role=2",
                // Iris (9), created 2026-11-30 19:00 in Bogota, is now created before the end; Juan (10) is billable
                "2026-11-01 | 2026-11-30 | deactivated_before_created=2 unknown_role=3",
                // Hugo is created after September: no finding for him yet
                "2026-09-01 | 2026-09-30 | unknown_role=2",
                "2025-12-30 | 2025-12-30 | ",
            })
    void findsUserProblemsOncePerUserOverTheUsersTheRuleNames(LocalDate from, LocalDate to, String expected) {
        // when
        UsageReport report = calculator.compute(
                new Period(from, to, BOGOTA), GroupBy.MONTH, REFERENCE, List.of(), List.of(), List.of());

        // then
        assertThat(report.dataQuality()).isEqualTo(findings(expected));
    }

    @Test
    void countsOnlyReasonsAboveZeroInsideThePeriodInRuleOrder() {
        // when
        UsageReport report = calculator.compute(OCTOBER, GroupBy.WEEK, REFERENCE, List.of(), FINDING_FACTS, List.of());

        // then
        assertThat(report.dataQuality())
                .containsExactly(
                        new FindingCount(Finding.UNKNOWN_CHANNEL, 5),
                        new FindingCount(Finding.BAD_DIRECTION, 2),
                        new FindingCount(Finding.NEGATIVE_DURATION, 1),
                        new FindingCount(Finding.DEACTIVATED_BEFORE_CREATED, 1),
                        new FindingCount(Finding.UNKNOWN_ROLE, 2));
    }

    @Test
    void reportsNoDataQualityWhenNothingIsWrong() {
        // given
        ReferenceData clean = new ReferenceData(
                new Roles(Map.of(1, "Agente")),
                List.of(user(1, "Ana", 1, "2026-01-01T00:00:00Z", null, null)),
                CHANNELS,
                List.of());

        // when
        UsageReport report = calculator.compute(
                OCTOBER,
                GroupBy.MONTH,
                clean,
                List.of(),
                List.of(new FindingFact(day("2026-10-02"), Finding.BAD_DIRECTION, 0)),
                List.of());

        // then
        assertThat(report.dataQuality()).isEmpty();
        assertThat(report.usersByRole()).containsExactly(new RoleUsers("Agente", 1));
    }

    @Test
    void reportsAllSevenServicesSummedOverThePeriodsDaysOnly() {
        // when
        UsageReport report = calculator.compute(OCTOBER, GroupBy.WEEK, REFERENCE, CHANNEL_FACTS, List.of(), List.of());

        // then
        assertThat(report.services())
                .containsExactly(
                        new ServiceUsage(ServiceKey.SMS_OUT, 3, 5),
                        new ServiceUsage(ServiceKey.EMAIL_OUT, 0, 0),
                        new ServiceUsage(ServiceKey.WHATSAPP_OUT, 10, 10),
                        new ServiceUsage(ServiceKey.WHATSAPP_IN, 9, 9),
                        new ServiceUsage(ServiceKey.VOICE_MINUTES, 2, 9),
                        new ServiceUsage(ServiceKey.VIDEO_MINUTES, 0, 0),
                        new ServiceUsage(ServiceKey.BOT_SESSIONS, 3, 3));
    }

    @Test
    void reportsAllSevenServicesAtZeroWithoutFacts() {
        // when
        UsageReport report = calculator.compute(OCTOBER, GroupBy.MONTH, REFERENCE, List.of(), List.of(), List.of());

        // then
        assertThat(report.services())
                .extracting(s -> s.key().key() + "=" + s.count() + "/" + s.units())
                .containsExactly(
                        "sms_out=0/0",
                        "email_out=0/0",
                        "whatsapp_out=0/0",
                        "whatsapp_in=0/0",
                        "voice_minutes=0/0",
                        "video_minutes=0/0",
                        "bot_sessions=0/0");
    }

    @ParameterizedTest(name = "{0}: {1} buckets")
    @CsvSource({"DAY, 31", "WEEK, 5", "MONTH, 1"})
    void holdsOneSeriesEntryPerBucketAndServiceZerosIncluded(GroupBy groupBy, int expectedBuckets) {
        // when
        UsageReport report = calculator.compute(OCTOBER, groupBy, REFERENCE, CHANNEL_FACTS, List.of(), List.of());

        // then
        assertThat(report.series()).hasSize(expectedBuckets * 7);
        assertThat(report.series().stream().mapToLong(SeriesPoint::units).sum()).isEqualTo(5 + 10 + 9 + 9 + 3);
        assertThat(report.series().stream().mapToLong(SeriesPoint::count).sum()).isEqualTo(3 + 10 + 7 + 2 + 2 + 3);
    }

    @Test
    void seriesByWeekStartsAtTheClippedBucketsFirstDate() {
        // given
        List<String> buckets = List.of("2026-10-01", "2026-10-05", "2026-10-12", "2026-10-19", "2026-10-26");
        Map<String, long[]> nonZero = Map.of(
                "2026-10-01 SMS_OUT", new long[] {3, 5},
                "2026-10-05 WHATSAPP_OUT", new long[] {10, 10},
                "2026-10-05 WHATSAPP_IN", new long[] {7, 7},
                "2026-10-05 BOT_SESSIONS", new long[] {3, 3},
                "2026-10-19 WHATSAPP_IN", new long[] {2, 2},
                "2026-10-26 VOICE_MINUTES", new long[] {2, 9});
        List<SeriesPoint> expected = new ArrayList<>();
        for (String bucket : buckets) {
            for (ServiceKey key : ServiceKey.values()) {
                long[] sums = nonZero.getOrDefault(bucket + " " + key, new long[2]);
                expected.add(new SeriesPoint(day(bucket), key, sums[0], sums[1]));
            }
        }

        // when
        UsageReport report = calculator.compute(OCTOBER, GroupBy.WEEK, REFERENCE, CHANNEL_FACTS, List.of(), List.of());

        // then
        assertThat(report.series()).containsExactlyElementsOf(expected);
    }

    @Test
    void listsEveryWhatsappChannelWithZerosPerBucket() {
        // when
        UsageReport report = calculator.compute(OCTOBER, GroupBy.WEEK, REFERENCE, CHANNEL_FACTS, List.of(), List.of());

        // then
        assertThat(report.whatsapp())
                .containsExactly(
                        new WhatsappChannel(
                                1, "WhatsApp Ventas", 7, 10, whatsappBuckets(Map.of("2026-10-05", new long[] {7, 10}))),
                        new WhatsappChannel(
                                11, "WhatsApp Soporte", 2, 0, whatsappBuckets(Map.of("2026-10-19", new long[] {2, 0}))),
                        new WhatsappChannel(12, "WhatsApp Cobros", 0, 0, whatsappBuckets(Map.of())));
    }

    @Test
    void detailsEachBillableUserOverThePeriodsDaysOnly() {
        // when
        UsageReport report = calculator.compute(OCTOBER, GroupBy.WEEK, REFERENCE, List.of(), List.of(), USER_FACTS);

        // then
        assertThat(report.users())
                .containsExactly(
                        // channels 1 and 2 (assigned one ms before the end); not 4 (at the end) nor 99 (missing)
                        new UserDetail(
                                1,
                                "José Ñúñez",
                                "user1@example.com",
                                "Agente",
                                2,
                                3,
                                9,
                                3,
                                11,
                                Instant.parse("2026-10-30T22:11:05.123Z"),
                                List.of(
                                        new UserBucket(day("2026-10-01"), 2, 3, 1, 4),
                                        new UserBucket(day("2026-10-05"), 1, 6, 2, 7)),
                                List.of(
                                        new AssignedChannel(1, "WhatsApp Ventas", "whatsapp"),
                                        new AssignedChannel(2, "SMS Masivo", "sms"))),
                        // channel 20's type is not a known one: still assigned, shown with its raw type
                        new UserDetail(
                                2,
                                "Beto",
                                "user2@example.com",
                                "Agente",
                                2,
                                1,
                                0,
                                0,
                                0,
                                null,
                                List.of(new UserBucket(day("2026-10-12"), 1, 0, 0, 0)),
                                List.of(
                                        new AssignedChannel(1, "WhatsApp Ventas", "whatsapp"),
                                        new AssignedChannel(20, "WhatsApp mal tipado", "WhatsApp"))),
                        new UserDetail(
                                3,
                                "Caro",
                                "user3@example.com",
                                "Supervisor",
                                0,
                                1,
                                2,
                                0,
                                0,
                                Instant.parse("2026-10-09T13:00:00Z"),
                                List.of(new UserBucket(day("2026-10-05"), 1, 2, 0, 0)),
                                List.of()),
                        new UserDetail(
                                4, "Dani", "user4@example.com", "Sin rol", 0, 0, 0, 0, 0, null, List.of(), List.of()),
                        new UserDetail(
                                5, "Eva", "user5@example.com", "Sin rol", 0, 0, 0, 0, 0, null, List.of(), List.of()));
    }

    @Test
    void estimatesSeatsForRolesWithUsersAndEveryService() {
        // when
        UsageReport report =
                calculator.compute(OCTOBER, GroupBy.WEEK, REFERENCE, CHANNEL_FACTS, FINDING_FACTS, USER_FACTS);

        // then: a whole month is the monthly price per billable user, even for one deactivated mid-month;
        // total 160000 + 0 + 100000 + 250 + 0 + 0.13 + 0.05 + 1080 + 0 + 0
        Estimate estimate = report.estimate();
        assertThat(estimate.lines())
                .containsExactly(
                        seat("Agente", 2, "80000.00", "160000.00", true),
                        seat("Sin rol", 2, "0.00", "0.00", false),
                        seat("Supervisor", 1, "100000.00", "100000.00", true),
                        // 5 segments x 50
                        service("sms_out", 5, "50.00", "250.00", true),
                        service("email_out", 0, "0.00", "0.00", false),
                        // 10 x 0.0125 = 0.125 -> 0.13; 9 x 0.005 = 0.045 -> 0.05
                        service("whatsapp_out", 10, "0.0125", "0.13", true),
                        service("whatsapp_in", 9, "0.005", "0.05", true),
                        service("voice_minutes", 9, "120.00", "1080.00", true),
                        service("video_minutes", 0, "200.00", "0.00", true),
                        service("bot_sessions", 3, "0.00", "0.00", false));
        assertThat(estimate.total()).isEqualTo(new BigDecimal("261330.18"));
        assertThat(estimate.currency()).isEqualTo("COP");
    }

    @Test
    void proratesSeatsOverARangeSpanningTwoMonths() {
        // given 2026-10-20..2026-11-10: October part 12 of 31 days, November part 10 of 30 days
        Roles roles = new Roles(Map.of(1, "Agente", 2, "Supervisor"));
        List<UserRecord> users = List.of(
                user(1, "both parts", 1, "2026-01-01T00:00:00Z", null, null),
                user(2, "October part only", 1, "2026-01-01T00:00:00Z", "2026-10-25T00:00:00Z", null),
                user(3, "inside October part", 1, "2026-10-21T00:00:00Z", "2026-10-28T00:00:00Z", null),
                // one ms before the November part starts (2026-11-01T05:00Z)
                user(4, "October part to its last ms", 1, "2026-01-01T00:00:00Z", "2026-11-01T04:59:59.999Z", null),
                // exactly when the November part starts
                user(5, "both parts, at the edge", 2, "2026-01-01T00:00:00Z", "2026-11-01T05:00:00Z", null),
                // before the period (it starts 2026-10-20T05:00Z)
                user(6, "before", 1, "2026-01-01T00:00:00Z", "2026-10-20T04:59:59.999Z", null),
                // at the period's end (2026-11-11T05:00Z)
                user(7, "after", 1, "2026-11-11T05:00:00Z", null, null));
        ReferenceData reference = new ReferenceData(roles, users, CHANNELS, List.of());
        Pricing prices = new Pricing(
                "COP", 2, Map.of("Agente", new BigDecimal("80000"), "Supervisor", new BigDecimal("90000")), Map.of());
        Period period = period("2026-10-20", "2026-11-10");

        // when
        UsageReport report =
                new UsageCalculator(prices).compute(period, GroupBy.MONTH, reference, List.of(), List.of(), List.of());

        // then
        // Agente: 4 users in October's part, 1 in November's:
        //   4 x 80000 x 12/31 + 1 x 80000 x 10/30 = 3840000/31 + 80000/3 = 14000000/93 = 150537.6344... -> 150537.63
        // Supervisor: 1 user in each part:
        //   90000 x 12/31 + 90000 x 10/30 = 1080000/31 + 30000 = 64838.7096... -> 64838.71
        assertThat(report.usersByRole()).containsExactly(new RoleUsers("Agente", 4), new RoleUsers("Supervisor", 1));
        assertThat(report.estimate().lines().subList(0, 2))
                .containsExactly(
                        seat("Agente", 4, "80000.00", "150537.63", true),
                        seat("Supervisor", 1, "90000.00", "64838.71", true));
        assertThat(report.estimate().total()).isEqualTo(new BigDecimal("215376.34"));
        assertThat(report.usersByRoleSeries())
                .containsExactly(
                        new RoleSeriesPoint(day("2026-10-20"), "Agente", 4),
                        new RoleSeriesPoint(day("2026-10-20"), "Supervisor", 1),
                        new RoleSeriesPoint(day("2026-11-01"), "Agente", 1),
                        new RoleSeriesPoint(day("2026-11-01"), "Supervisor", 1));
    }

    @Test
    void countsBillableUsersPerRoleInEachBucket() {
        // when
        UsageReport report = calculator.compute(OCTOBER, GroupBy.WEEK, REFERENCE, List.of(), List.of(), List.of());

        // then: Beto starts 2026-10-15, Caro leaves 2026-10-10T00:00Z (2026-10-09 in Bogota)
        assertThat(report.usersByRoleSeries())
                .filteredOn(p -> p.users() > 0)
                .extracting(p -> p.bucket() + " " + p.role() + "=" + p.users())
                .containsExactly(
                        "2026-10-01 Agente=1",
                        "2026-10-01 Sin rol=2",
                        "2026-10-01 Supervisor=1",
                        "2026-10-05 Agente=1",
                        "2026-10-05 Sin rol=2",
                        "2026-10-05 Supervisor=1",
                        "2026-10-12 Agente=2",
                        "2026-10-12 Sin rol=2",
                        "2026-10-19 Agente=2",
                        "2026-10-19 Sin rol=2",
                        "2026-10-26 Agente=2",
                        "2026-10-26 Sin rol=2");
        assertThat(report.usersByRoleSeries()).hasSize(5 * 5);
    }

    @Test
    void givesTheSameReportWhateverOrderTheRowsArriveIn() {
        // given
        UsageReport inOrder =
                calculator.compute(OCTOBER, GroupBy.WEEK, REFERENCE, CHANNEL_FACTS, FINDING_FACTS, USER_FACTS);
        Random random = new Random(20261031);
        ReferenceData shuffledReference =
                new ReferenceData(ROLES, shuffled(USERS, random), CHANNELS, shuffled(USER_CHANNELS, random));

        // when
        UsageReport shuffled = calculator.compute(
                OCTOBER,
                GroupBy.WEEK,
                shuffledReference,
                shuffled(CHANNEL_FACTS, random),
                shuffled(FINDING_FACTS, random),
                shuffled(USER_FACTS, random));

        // then
        assertThat(shuffled).isEqualTo(inOrder);
        assertThat(shuffled.estimate().total()).isEqualTo(new BigDecimal("261330.18"));
    }

    private static Pricing pricing() {
        Map<ServiceKey, BigDecimal> services = new EnumMap<>(ServiceKey.class);
        services.put(ServiceKey.SMS_OUT, new BigDecimal("50"));
        services.put(ServiceKey.WHATSAPP_OUT, new BigDecimal("0.0125"));
        services.put(ServiceKey.WHATSAPP_IN, new BigDecimal("0.005"));
        services.put(ServiceKey.VOICE_MINUTES, new BigDecimal("120"));
        services.put(ServiceKey.VIDEO_MINUTES, new BigDecimal("200"));
        return new Pricing(
                "COP",
                2,
                Map.of(
                        "Agente",
                        new BigDecimal("80000"),
                        "Supervisor",
                        new BigDecimal("100000"),
                        "Administrador",
                        new BigDecimal("150000")),
                services);
    }

    private static EstimateLine seat(String role, long users, String unitPrice, String amount, boolean priced) {
        return new EstimateLine(Kind.SEAT, role, users, new BigDecimal(unitPrice), new BigDecimal(amount), priced);
    }

    private static EstimateLine service(String key, long units, String unitPrice, String amount, boolean priced) {
        return new EstimateLine(Kind.SERVICE, key, units, new BigDecimal(unitPrice), new BigDecimal(amount), priced);
    }

    private static List<WhatsappBucket> whatsappBuckets(Map<String, long[]> nonZero) {
        return Stream.of("2026-10-01", "2026-10-05", "2026-10-12", "2026-10-19", "2026-10-26")
                .map(b -> {
                    long[] sums = nonZero.getOrDefault(b, new long[2]);
                    return new WhatsappBucket(day(b), sums[0], sums[1]);
                })
                .toList();
    }

    private static List<RoleUsers> roleUsers(String spec) {
        return Stream.of(spec.trim().split(" (?=[A-Z])"))
                .map(pair -> {
                    String[] parts = pair.split("=");
                    return new RoleUsers(parts[0], Long.parseLong(parts[1]));
                })
                .toList();
    }

    private static List<FindingCount> findings(String spec) {
        if (spec == null) {
            return List.of();
        }
        return Stream.of(spec.trim().split(" "))
                .map(pair -> {
                    String[] parts = pair.split("=");
                    return new FindingCount(Finding.ofCode(parts[0]).orElseThrow(), Long.parseLong(parts[1]));
                })
                .toList();
    }

    private static <T> List<T> shuffled(List<T> list, Random random) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return copy;
    }

    private static UserRecord user(
            long id, String name, Integer roleId, String createdAt, String deactivatedAt, String lastLoginAt) {
        return new UserRecord(
                id,
                name,
                "user" + id + "@example.com",
                roleId,
                Instant.parse(createdAt),
                deactivatedAt == null ? null : Instant.parse(deactivatedAt),
                lastLoginAt == null ? null : Instant.parse(lastLoginAt));
    }

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    private static Period period(String from, String to) {
        return new Period(LocalDate.parse(from), LocalDate.parse(to), BOGOTA);
    }
}
