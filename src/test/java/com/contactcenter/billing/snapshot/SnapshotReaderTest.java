package com.contactcenter.billing.snapshot;

import static com.contactcenter.billing.support.EdgeTenantFixture.AS_OF;
import static com.contactcenter.billing.support.EdgeTenantFixture.AS_OF_INSTANT;
import static com.contactcenter.billing.support.EdgeTenantFixture.OCTOBER_FIRST;
import static com.contactcenter.billing.support.EdgeTenantFixture.OCTOBER_LAST;
import static com.contactcenter.billing.support.EdgeTenantFixture.OCTOBER_SERVICES;
import static com.contactcenter.billing.support.EdgeTenantFixture.SYNC_FROM;
import static com.contactcenter.billing.support.EdgeTenantFixture.SYNC_TO;
import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.ops.Requester;
import com.contactcenter.billing.snapshot.SnapshotFigures.Coverage;
import com.contactcenter.billing.snapshot.SnapshotFigures.Estimate;
import com.contactcenter.billing.snapshot.SnapshotFigures.EstimateLine;
import com.contactcenter.billing.snapshot.SnapshotFigures.Finding;
import com.contactcenter.billing.snapshot.SnapshotFigures.PeriodBounds;
import com.contactcenter.billing.snapshot.SnapshotFigures.SeriesPoint;
import com.contactcenter.billing.snapshot.SnapshotFigures.ServiceUsage;
import com.contactcenter.billing.snapshot.SnapshotFigures.Version;
import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.FixedClock;
import com.contactcenter.billing.support.SourceDatabases;
import com.contactcenter.billing.sync.SyncWindow;
import com.contactcenter.billing.usage.GroupBy;
import com.contactcenter.billing.usage.UsageReport;
import com.contactcenter.billing.usage.UsageReport.AssignedChannel;
import com.contactcenter.billing.usage.UsageReport.RoleSeriesPoint;
import com.contactcenter.billing.usage.UsageReport.RoleUsers;
import com.contactcenter.billing.usage.UsageReport.UserBucket;
import com.contactcenter.billing.usage.UsageReport.WhatsappBucket;
import com.contactcenter.billing.usage.UsageReport.WhatsappChannel;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The edge tenant's October, written by {@link SnapshotDocument} and read back by
 * {@link SnapshotReader}: every figure exactly as computed (see {@link EdgeTenantFixture}).
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:wh_reader;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "spring.datasource.username=sa",
            "spring.datasource.password=",
            FixedClock.PROPERTY + "=" + AS_OF,
            "billing.sources[0].name=edge",
            "billing.sources[0].url=jdbc:h2:mem:reader_edge_src;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "billing.sources[0].username=sa",
            "billing.sources[0].time-zone=America/Bogota",
            "logging.level.com.contactcenter.billing=WARN"
        })
@TestPropertySource(locations = EdgeTenantFixture.PRICING)
@Import(FixedClock.class)
class SnapshotReaderTest {

    private static final LocalDate MONTH = OCTOBER_FIRST;
    private static boolean synced;

    @Autowired
    JobRunner jobs;

    @Autowired
    SnapshotService snapshots;

    @BeforeAll
    static void loadSource() {
        SourceDatabases.loadH2("reader_edge_src", EdgeTenantFixture.SQL);
    }

    @BeforeEach
    void octoberSynced() {
        if (!synced) {
            assertThat(jobs.sync(List.of("edge"), new SyncWindow(SYNC_FROM, SYNC_TO), Requester.cli())
                            .succeeded())
                    .isTrue();
            synced = true;
        }
    }

    @Test
    void readsBackEveryFigureOfTheEdgeTenantsOctoberExactly() {
        // given October by month, stored
        Snapshot snapshot = snapshots.compute("edge", OCTOBER_FIRST, OCTOBER_LAST, GroupBy.MONTH);

        // when
        List<SnapshotUser.Detail> users = new ArrayList<>();
        SnapshotFigures figures = SnapshotReader.readDetails(snapshot, users::add);

        // then the figures of the fixture, row by row
        assertThat(figures.source()).isEqualTo("edge");
        assertThat(figures.timeZone()).isEqualTo("America/Bogota");
        assertThat(figures.period())
                .isEqualTo(new PeriodBounds(
                        OCTOBER_FIRST,
                        OCTOBER_LAST,
                        Instant.parse("2026-10-01T05:00:00Z"),
                        Instant.parse("2026-11-01T05:00:00Z")));
        assertThat(figures.groupBy()).isEqualTo("month");
        assertThat(figures.version())
                .isEqualTo(new Version(
                        snapshot.id(),
                        1,
                        AS_OF_INSTANT,
                        AS_OF_INSTANT,
                        figures.version().syncRunIds()));
        assertThat(figures.version().syncRunIds()).hasSize(1);
        assertThat(figures.coverage()).isEqualTo(new Coverage(31, 31));
        assertThat(figures.usersByRole())
                .containsExactly(
                        new RoleUsers("Administrador", 2),
                        new RoleUsers("Agente", 4),
                        new RoleUsers("Sin rol", 2),
                        new RoleUsers("Supervisor", 0));
        assertThat(figures.services())
                .containsExactlyElementsOf(OCTOBER_SERVICES.stream()
                        .map(s -> new ServiceUsage(s.key(), s.count(), s.units()))
                        .toList());
        assertThat(figures.whatsapp())
                .containsExactly(
                        new WhatsappChannel(1, "WhatsApp Ventas", 1, 2, List.of(new WhatsappBucket(MONTH, 1, 2))),
                        new WhatsappChannel(2, "WhatsApp Soporte", 0, 0, List.of(new WhatsappBucket(MONTH, 0, 0))));
        assertThat(figures.series())
                .containsExactlyElementsOf(OCTOBER_SERVICES.stream()
                        .map(s -> new SeriesPoint(MONTH, s.key(), s.count(), s.units()))
                        .toList());
        assertThat(figures.buckets()).containsExactly(MONTH);
        assertThat(figures.usersByRoleSeries())
                .containsExactly(
                        new RoleSeriesPoint(MONTH, "Administrador", 2),
                        new RoleSeriesPoint(MONTH, "Agente", 4),
                        new RoleSeriesPoint(MONTH, "Sin rol", 2),
                        new RoleSeriesPoint(MONTH, "Supervisor", 0));
        assertThat(figures.estimate())
                .isEqualTo(new Estimate(
                        "COP",
                        2,
                        null,
                        List.of(
                                seat("Administrador", 2, "120000.00", "240000.00", true),
                                seat("Agente", 4, "80000.00", "320000.00", true),
                                seat("Sin rol", 2, "0.00", "0.00", false),
                                service("sms_out", 5, "50.00", "250.00"),
                                service("email_out", 1, "2.50", "2.50"),
                                service("whatsapp_out", 2, "120.00", "240.00"),
                                service("whatsapp_in", 1, "30.00", "30.00"),
                                service("voice_minutes", 63, "180.00", "11340.00"),
                                service("video_minutes", 1, "350.00", "350.00"),
                                service("bot_sessions", 2, "90.00", "180.00")),
                        new BigDecimal(EdgeTenantFixture.TOTAL)));
        assertThat(figures.estimate().seatsAmount()).isEqualTo(new BigDecimal("560000.00"));
        assertThat(figures.estimate().servicesAmount()).isEqualTo(new BigDecimal("12392.50"));
        assertThat(figures.dataQuality())
                .containsExactly(
                        new Finding("unknown_channel", 3),
                        new Finding("unknown_channel_type", 3),
                        new Finding("bad_direction", 5),
                        new Finding("negative_duration", 2),
                        new Finding("bad_segments", 2),
                        new Finding("future_timestamp", 4),
                        new Finding("deactivated_before_created", 1),
                        new Finding("unknown_role", 2));
        assertThat(figures.findings()).isEqualTo(22);
        // and the users, text as stored, last logins to the millisecond
        assertThat(users).extracting(u -> u.user().id()).containsExactly(1L, 2L, 4L, 6L, 7L, 8L, 10L, 11L);
        assertThat(users.get(0))
                .isEqualTo(new SnapshotUser.Detail(
                        new SnapshotUser(
                                1,
                                "Ana Pérez",
                                "ana@example.com",
                                "Agente",
                                2,
                                3,
                                4,
                                2,
                                3,
                                Instant.parse("2026-10-30T22:11:05.123Z")),
                        List.of(
                                new AssignedChannel(1, "WhatsApp Ventas", "whatsapp"),
                                new AssignedChannel(3, "SMS Cobranza", "sms")),
                        List.of(new UserBucket(MONTH, 3, 4, 2, 3))));
        assertThat(users.get(1).user())
                .isEqualTo(new SnapshotUser(
                        2, "=HYPERLINK(\"http://x\",\"y\")", "formula@example.com", "Agente", 0, 0, 0, 0, 0, null));
        assertThat(users.get(6).user().lastLoginAt()).isEqualTo(Instant.parse("2026-10-02T10:00:00.500Z"));
        assertThat(users.get(7).user().name()).isEqualTo("Zoë 😀 Ñandú ¿sí?");
    }

    @Test
    void readsBackTheFiguresTheDocumentWasWrittenFromWhateverTheGrouping() {
        for (GroupBy groupBy : GroupBy.values()) {
            // given the figures of October, and the document written from them with a plan
            SnapshotService.Figures computed = snapshots.figures("edge", OCTOBER_FIRST, OCTOBER_LAST, groupBy);
            UsageReport report = computed.report();
            PlanStamp plan = new PlanStamp("oro", "5e1f");
            Instant computedAt = Instant.parse("2026-11-01T03:00:01.250Z");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SnapshotDocument.write(
                    out,
                    "edge",
                    report,
                    new SnapshotDocument.Header("id-7", 7, computed.asOf(), computedAt, computed.syncRunIds()),
                    computed.daysSynced(),
                    plan);
            Snapshot written = new Snapshot(
                    "id-7",
                    "edge",
                    OCTOBER_FIRST,
                    OCTOBER_LAST,
                    groupBy,
                    7,
                    computed.asOf(),
                    computedAt,
                    out.toString(StandardCharsets.UTF_8));

            // when
            List<SnapshotUser.Detail> details = new ArrayList<>();
            SnapshotFigures figures = SnapshotReader.readDetails(written, details::add);
            List<SnapshotUser> users = new ArrayList<>();
            SnapshotFigures again = SnapshotReader.read(written, users::add);

            // then every figure, every user and each of its lists equal the computed ones
            assertThat(figures).as(groupBy.code()).isEqualTo(expected(report, plan, computedAt, computed));
            assertThat(again).isEqualTo(figures).isEqualTo(SnapshotReader.figures(written));
            assertThat(details)
                    .containsExactlyElementsOf(report.users().stream()
                            .map(u -> new SnapshotUser.Detail(user(u), u.assignedChannels(), u.buckets()))
                            .toList());
            assertThat(users)
                    .containsExactlyElementsOf(
                            details.stream().map(SnapshotUser.Detail::user).toList());
            assertThat(SnapshotReader.user(written, 10)).contains(details.get(6));
            assertThat(SnapshotReader.user(written, 3)).isEmpty();
        }
    }

    /** The figures of {@code report} as the read model holds them. */
    private static SnapshotFigures expected(
            UsageReport report, PlanStamp plan, Instant computedAt, SnapshotService.Figures computed) {
        return new SnapshotFigures(
                "edge",
                "America/Bogota",
                new PeriodBounds(
                        report.period().from(),
                        report.period().to(),
                        report.period().startUtc(),
                        report.period().endUtc()),
                report.groupBy().code(),
                new Version("id-7", 7, computed.asOf(), computedAt, computed.syncRunIds()),
                new Coverage(report.period().days(), computed.daysSynced()),
                report.usersByRole(),
                report.services().stream()
                        .map(s -> new ServiceUsage(s.key().key(), s.count(), s.units()))
                        .toList(),
                report.whatsapp(),
                report.series().stream()
                        .map(p -> new SeriesPoint(p.bucket(), p.key().key(), p.count(), p.units()))
                        .toList(),
                report.usersByRoleSeries(),
                new Estimate(
                        report.estimate().currency(),
                        report.estimate().scale(),
                        plan,
                        report.estimate().lines().stream()
                                .map(l -> new EstimateLine(
                                        l.kind().code(), l.key(), l.quantity(), l.unitPrice(), l.amount(), l.priced()))
                                .toList(),
                        report.estimate().total()),
                report.dataQuality().stream()
                        .map(f -> new Finding(f.reason().code(), f.count()))
                        .toList());
    }

    private static SnapshotUser user(UsageReport.UserDetail u) {
        return new SnapshotUser(
                u.id(),
                u.name(),
                u.email(),
                u.role(),
                u.channels(),
                u.sessions(),
                u.messagesSent(),
                u.calls(),
                u.callMinutes(),
                u.lastLoginAt());
    }

    private static EstimateLine seat(String role, long users, String price, String amount, boolean priced) {
        return new EstimateLine("seat", role, users, new BigDecimal(price), new BigDecimal(amount), priced);
    }

    private static EstimateLine service(String key, long units, String price, String amount) {
        return new EstimateLine("service", key, units, new BigDecimal(price), new BigDecimal(amount), true);
    }
}
