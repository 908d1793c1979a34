package com.contactcenter.billing.sync;

import static com.contactcenter.billing.support.EdgeTenantFixture.AS_OF;
import static com.contactcenter.billing.support.EdgeTenantFixture.EXPECTED_OCTOBER_BY_MONTH;
import static com.contactcenter.billing.support.EdgeTenantFixture.OCTOBER_FIRST;
import static com.contactcenter.billing.support.EdgeTenantFixture.OCTOBER_LAST;
import static com.contactcenter.billing.support.EdgeTenantFixture.OCTOBER_SERVICES;
import static com.contactcenter.billing.support.EdgeTenantFixture.SYNC_FROM;
import static com.contactcenter.billing.support.EdgeTenantFixture.SYNC_TO;
import static com.contactcenter.billing.support.EdgeTenantFixture.TOTAL;
import static com.contactcenter.billing.support.ExportJson.elements;
import static com.contactcenter.billing.support.ExportJson.seriesEntry;
import static com.contactcenter.billing.support.ExportJson.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.ops.Requester;
import com.contactcenter.billing.snapshot.Snapshot;
import com.contactcenter.billing.snapshot.SnapshotDiff;
import com.contactcenter.billing.snapshot.SnapshotService;
import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.EdgeTenantFixture.ServiceFigure;
import com.contactcenter.billing.support.ExportJson;
import com.contactcenter.billing.support.FixedClock;
import com.contactcenter.billing.support.SourceDatabases;
import com.contactcenter.billing.support.UnplugSource;
import com.contactcenter.billing.sync.SyncService.SourceOutcome;
import com.contactcenter.billing.sync.SyncService.SyncOutcome;
import com.contactcenter.billing.usage.GroupBy;
import com.contactcenter.billing.warehouse.SyncRunStore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.NestedTestConfiguration;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The sync job end to end over the edge tenant: an H2 source, an H2 warehouse, a fixed clock, and
 * the exact export of October 2026 (see {@link EdgeTenantFixture} for the figures row by row).
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:wh_edge;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "spring.datasource.username=sa",
            "spring.datasource.password=",
            FixedClock.PROPERTY + "=" + AS_OF,
            "billing.sources[0].name=edge",
            "billing.sources[0].url=jdbc:h2:mem:edge_src;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "billing.sources[0].username=sa",
            "billing.sources[0].time-zone=America/Bogota",
            "billing.sources[1].name=edge-resync",
            "billing.sources[1].url=jdbc:h2:mem:edge_resync_src;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "billing.sources[1].username=sa",
            "billing.sources[1].time-zone=America/Bogota",
            "billing.sources[2].name=edge-changed",
            "billing.sources[2].url=jdbc:h2:mem:edge_changed_src;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "billing.sources[2].username=sa",
            "billing.sources[2].time-zone=America/Bogota",
            "logging.level.com.contactcenter.billing=WARN"
        })
@TestPropertySource(locations = EdgeTenantFixture.PRICING)
@Import(FixedClock.class)
class EdgeTenantSyncTest {

    private static final SyncWindow WINDOW = new SyncWindow(SYNC_FROM, SYNC_TO);
    private static final JsonNode EXPECTED = ExportJson.resource(EXPECTED_OCTOBER_BY_MONTH);
    private static final List<String> WEEKS =
            List.of("2026-10-01", "2026-10-05", "2026-10-12", "2026-10-19", "2026-10-26");

    @Autowired
    JobRunner sync;

    @Autowired
    SnapshotService snapshots;

    @Autowired
    SyncRunStore runs;

    @Autowired
    JdbcTemplate warehouse;

    @BeforeAll
    static void loadSources() {
        SourceDatabases.loadH2("edge_src", EdgeTenantFixture.SQL);
        SourceDatabases.loadH2("edge_resync_src", EdgeTenantFixture.SQL);
        SourceDatabases.loadH2("edge_changed_src", EdgeTenantFixture.SQL);
    }

    @Test
    void exportsOctoberByMonthExactlyAsTheRulesDefine() {
        // given the edge tenant synced one day either side of October
        SyncOutcome outcome = sync.sync(List.of("edge"), WINDOW, Requester.cli());
        assertThat(outcome.succeeded()).as(outcome.failureSummary()).isTrue();
        SourceOutcome edge = outcome.sources().get(0);
        // 33 local days; 22 messages + 11 calls + 5 bot sessions + 5 user sessions, all inside the window
        assertThat(List.of(edge.source(), edge.from(), edge.to(), edge.daysDone(), edge.rowsRead(), edge.succeeded()))
                .containsExactly("edge", SYNC_FROM, SYNC_TO, 33, 43L, true);
        long runId = runs.forJobExecution(outcome.sources().get(0).jobExecutionId())
                .get(0)
                .id();

        // when
        Snapshot snapshot = snapshots.compute("edge", OCTOBER_FIRST, OCTOBER_LAST, GroupBy.MONTH);

        // then every figure of the document, exactly (the fixture is synced up to 22:00 on Oct 31, so
        // the month is still open at its as-of: its extra forecast block is report/pdf/ReportForecastTest's)
        JsonNode doc = SnapshotService.json(snapshot);
        assertThat(ExportJson.text(without(doc, "snapshot", "forecast"))).isEqualTo(ExportJson.text(EXPECTED));
        assertThat(without(doc, "snapshot", "forecast")).isEqualTo(EXPECTED);
        JsonNode meta = doc.get("snapshot");
        assertThat(meta.get("id").asString()).isEqualTo(snapshot.id());
        assertThat(meta.get("version").isInt()).isTrue();
        assertThat(meta.get("version").asInt()).isEqualTo(1);
        assertThat(meta.get("asOf").asString()).isEqualTo("2026-11-01T03:00:00Z");
        assertThat(meta.get("computedAt").asString()).isEqualTo("2026-11-01T03:00:00Z");
        assertThat(elements(meta.get("syncRunIds")))
                .extracting(JsonNode::asLong)
                .containsExactly(runId);
        assertThat(List.of(
                        snapshot.version(),
                        snapshot.asOf().toString(),
                        snapshot.source(),
                        snapshot.from(),
                        snapshot.to(),
                        snapshot.groupBy()))
                .containsExactly(1, AS_OF, "edge", OCTOBER_FIRST, OCTOBER_LAST, GroupBy.MONTH);
    }

    @Test
    void writesMoneyAsJsonStringsAndCountsAsJsonIntegers() {
        // given
        sync.sync(List.of("edge"), WINDOW, Requester.cli());

        // when
        JsonNode doc = SnapshotService.json(snapshots.compute("edge", OCTOBER_FIRST, OCTOBER_LAST, GroupBy.MONTH));

        // then
        JsonNode estimate = doc.get("estimate");
        assertThat(estimate.get("total").isString()).isTrue();
        assertThat(estimate.get("total").asString()).isEqualTo(TOTAL);
        for (JsonNode line : estimate.get("lines")) {
            assertThat(line.get("unitPrice").isString()).as(line.toString()).isTrue();
            assertThat(line.get("amount").isString()).as(line.toString()).isTrue();
            assertThat(line.get("quantity").isIntegralNumber())
                    .as(line.toString())
                    .isTrue();
        }
        for (JsonNode service : doc.get("services")) {
            assertThat(service.get("count").isIntegralNumber()
                            && service.get("units").isIntegralNumber())
                    .as(service.toString())
                    .isTrue();
        }
        for (JsonNode user : doc.get("users")) {
            assertThat(List.of("channels", "sessions", "messagesSent", "calls", "callMinutes"))
                    .allSatisfy(k -> assertThat(user.get(k).isIntegralNumber())
                            .as(k + " " + user)
                            .isTrue());
        }
        assertThat(doc.toString())
                .contains(
                        "\"name\":\"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\"",
                        "\"name\":\"<script>alert(1)</script>\"",
                        "\"name\":\"Zoë 😀 Ñandú ¿sí?\"");
    }

    @Test
    void groupsOctoberByIsoWeekWithTheFirstWeekClippedToThePeriod() {
        // given
        sync.sync(List.of("edge"), WINDOW, Requester.cli());

        // when
        JsonNode doc = SnapshotService.json(snapshots.compute("edge", OCTOBER_FIRST, OCTOBER_LAST, GroupBy.WEEK));

        // then: Thursday Oct 1 starts a clipped week; every (week, key) is listed, zeros included
        Map<String, long[]> nonZero = new LinkedHashMap<>();
        nonZero.put("2026-10-01/whatsapp_out", new long[] {1, 1}); // msg 1, Oct 1 00:00 local
        nonZero.put("2026-10-05/sms_out", new long[] {1, 3}); // msg 5, Oct 10
        nonZero.put("2026-10-05/voice_minutes", new long[] {2, 3}); // calls 1 and 2, Oct 10
        nonZero.put("2026-10-05/video_minutes", new long[] {1, 1}); // call 5, Oct 11
        nonZero.put("2026-10-05/bot_sessions", new long[] {2, 2}); // bots 1 and 2, Oct 5 and 6
        nonZero.put("2026-10-12/sms_out", new long[] {1, 2}); // msg 18, Oct 15
        nonZero.put("2026-10-12/email_out", new long[] {1, 1}); // msg 12, Oct 13
        nonZero.put("2026-10-12/voice_minutes", new long[] {1, 60}); // call 9, Oct 12
        nonZero.put("2026-10-19/whatsapp_out", new long[] {1, 1}); // msg 17, Oct 20
        nonZero.put("2026-10-26/whatsapp_in", new long[] {1, 1}); // msg 20, Oct 31 22:00 local
        assertThat(doc.get("groupBy").asString()).isEqualTo("week");
        assertThat(seriesTable(doc)).containsExactlyElementsOf(expectedSeriesTable(WEEKS, nonZero));
        assertThat(seriesEntry(doc, "2026-10-05", "sms_out").get("units").asLong())
                .isEqualTo(3);
        assertThat(seriesEntry(doc, "2026-10-12", "sms_out").get("units").asLong())
                .isEqualTo(2);
        assertSeriesAddUpToTheMonth(doc);
        // the whole-period figures do not depend on the grouping
        for (String key : List.of("period", "usersByRole", "services", "estimate", "dataQuality")) {
            assertThat(doc.get(key)).as(key).isEqualTo(EXPECTED.get(key));
        }
        assertThat(elements(doc.get("users")))
                .extracting(u -> without(u, "activity"))
                .containsExactlyElementsOf(elements(EXPECTED.get("users")).stream()
                        .map(u -> without(u, "activity"))
                        .toList());
        // WhatsApp Ventas per week: out in the first and fourth week, in in the last
        assertThat(elements(doc.get("whatsapp").get(0).get("series")))
                .extracting(
                        b -> b.get("bucket").asString(),
                        b -> b.get("inbound").asLong(),
                        b -> b.get("outbound").asLong())
                .containsExactly(
                        tuple("2026-10-01", 0L, 1L),
                        tuple("2026-10-05", 0L, 0L),
                        tuple("2026-10-12", 0L, 0L),
                        tuple("2026-10-19", 0L, 1L),
                        tuple("2026-10-26", 1L, 0L));
        // user 6 leaves on Oct 15 (third week), user 4 at the first instant, user 2 arrives in the last week
        assertThat(elements(doc.get("usersByRoleSeries")))
                .extracting(p -> p.get("bucket").asString() + " "
                        + p.get("role").asString() + " " + p.get("users").asLong())
                .containsExactly(
                        "2026-10-01 Administrador 2",
                        "2026-10-01 Agente 3",
                        "2026-10-01 Sin rol 2",
                        "2026-10-01 Supervisor 0",
                        "2026-10-05 Administrador 1",
                        "2026-10-05 Agente 3",
                        "2026-10-05 Sin rol 2",
                        "2026-10-05 Supervisor 0",
                        "2026-10-12 Administrador 1",
                        "2026-10-12 Agente 3",
                        "2026-10-12 Sin rol 2",
                        "2026-10-12 Supervisor 0",
                        "2026-10-19 Administrador 0",
                        "2026-10-19 Agente 3",
                        "2026-10-19 Sin rol 2",
                        "2026-10-19 Supervisor 0",
                        "2026-10-26 Administrador 0",
                        "2026-10-26 Agente 4",
                        "2026-10-26 Sin rol 2",
                        "2026-10-26 Supervisor 0");
    }

    @Test
    void groupsOctoberByLocalDay() {
        // given
        sync.sync(List.of("edge"), WINDOW, Requester.cli());

        // when
        JsonNode doc = SnapshotService.json(snapshots.compute("edge", OCTOBER_FIRST, OCTOBER_LAST, GroupBy.DAY));

        // then: 31 days x 7 keys, and only these are not zero
        Map<String, long[]> nonZero = new LinkedHashMap<>();
        nonZero.put("2026-10-01/whatsapp_out", new long[] {1, 1});
        nonZero.put("2026-10-05/bot_sessions", new long[] {1, 1});
        nonZero.put("2026-10-06/bot_sessions", new long[] {1, 1});
        nonZero.put("2026-10-10/sms_out", new long[] {1, 3});
        nonZero.put("2026-10-10/voice_minutes", new long[] {2, 3});
        nonZero.put("2026-10-11/video_minutes", new long[] {1, 1});
        nonZero.put("2026-10-12/voice_minutes", new long[] {1, 60});
        nonZero.put("2026-10-13/email_out", new long[] {1, 1});
        nonZero.put("2026-10-15/sms_out", new long[] {1, 2});
        nonZero.put("2026-10-20/whatsapp_out", new long[] {1, 1});
        nonZero.put("2026-10-31/whatsapp_in", new long[] {1, 1});
        List<String> days = OCTOBER_FIRST
                .datesUntil(OCTOBER_LAST.plusDays(1))
                .map(LocalDate::toString)
                .toList();
        assertThat(doc.get("groupBy").asString()).isEqualTo("day");
        assertThat(seriesTable(doc)).hasSize(31 * 7).containsExactlyElementsOf(expectedSeriesTable(days, nonZero));
        assertSeriesAddUpToTheMonth(doc);
        assertThat(doc.get("services")).isEqualTo(EXPECTED.get("services"));
        assertThat(doc.get("dataQuality")).isEqualTo(EXPECTED.get("dataQuality"));
        assertThat(doc.get("estimate")).isEqualTo(EXPECTED.get("estimate"));
    }

    @Test
    void reSyncOfTheSamePeriodReplacesItsFigures() {
        // given a first sync and its snapshot
        assertThat(sync.sync(List.of("edge-resync"), WINDOW, Requester.cli()).succeeded())
                .isTrue();
        Snapshot first = snapshots.compute("edge-resync", OCTOBER_FIRST, OCTOBER_LAST, GroupBy.MONTH);

        // when the same range is synced again and the snapshot computed again, twice
        SyncOutcome again = sync.sync(List.of("edge-resync"), WINDOW, Requester.cli());
        Snapshot second = snapshots.compute("edge-resync", OCTOBER_FIRST, OCTOBER_LAST, GroupBy.MONTH);
        Snapshot third = snapshots.compute("edge-resync", OCTOBER_FIRST, OCTOBER_LAST, GroupBy.MONTH);

        // then the figures are the same, never doubled; the new sync run makes version 2, and
        // computing with nothing re-synced returns version 2 unchanged
        assertThat(again.succeeded()).isTrue();
        assertThat(first.version()).isEqualTo(1);
        assertThat(figures(second)).isEqualTo(figures(first)).isEqualTo(without(EXPECTED, "source"));
        assertThat(second.version()).isEqualTo(2);
        assertThat(SnapshotService.json(second)
                        .get("snapshot")
                        .get("syncRunIds")
                        .get(0)
                        .asLong())
                .isEqualTo(runs.forJobExecution(again.sources().get(0).jobExecutionId())
                        .get(0)
                        .id());
        assertThat(third).isEqualTo(second);
        assertThat(snapshots.versions("edge-resync", OCTOBER_FIRST, OCTOBER_LAST, GroupBy.MONTH))
                .extracting(Snapshot::version)
                .containsExactly(2, 1);
        assertThat(warehouse.queryForObject(
                        "SELECT SUM(units) FROM fact_service_day WHERE source = 'edge-resync'"
                                + " AND service_key = 'voice_minutes' AND local_day BETWEEN '2026-10-01' AND '2026-10-31'",
                        Long.class))
                .isEqualTo(63L);
    }

    @Test
    void aChangedSourceRowMakesANewVersionAndTheDiffSaysByHowMuch() {
        // given versions 1 and 2 of October from two syncs of the same rows
        sync.sync(List.of("edge-changed"), WINDOW, Requester.cli());
        Snapshot v1 = snapshots.compute("edge-changed", OCTOBER_FIRST, OCTOBER_LAST, GroupBy.MONTH);
        sync.sync(List.of("edge-changed"), WINDOW, Requester.cli());
        Snapshot v2 = snapshots.compute("edge-changed", OCTOBER_FIRST, OCTOBER_LAST, GroupBy.MONTH);

        // when call 1 becomes 121 s (3 minutes instead of 2) and October is synced and computed again
        SourceDatabases.execute(
                SourceDatabases.h2("edge_changed_src"),
                List.of("UPDATE calls SET duration_seconds = 121 WHERE id = 1"));
        assertThat(sync.sync(List.of("edge-changed"), WINDOW, Requester.cli()).succeeded())
                .isTrue();
        Snapshot v3 = snapshots.compute("edge-changed", OCTOBER_FIRST, OCTOBER_LAST, GroupBy.MONTH);
        SnapshotDiff diff = snapshots.diff(v2, v3);

        // then
        assertThat(List.of(v1.version(), v2.version(), v3.version())).containsExactly(1, 2, 3);
        JsonNode doc3 = SnapshotService.json(v3);
        assertThat(seriesEntry(doc3, "2026-10-01", "voice_minutes").get("units").asLong())
                .isEqualTo(64);
        assertThat(service(doc3, "voice_minutes")).isEqualTo("3/64");
        assertThat(doc3.get("estimate").get("total").asString()).isEqualTo("572572.50");
        assertThat(diff.lines().stream()
                        .filter(SnapshotDiff.Line::changed)
                        .map(EdgeTenantSyncTest::describe)
                        .toList())
                .containsExactly(
                        "service voice_minutes units 63 -> 64 (1)",
                        "estimate service:voice_minutes amount 11340.00 -> 11520.00 (180.00)",
                        "total total amount 572392.50 -> 572572.50 (180.00)");
        SnapshotDiff.Line total = diff.lines().get(diff.lines().size() - 1);
        assertThat(total.difference()).isEqualTo(new BigDecimal("180.00"));
        assertThat(diff.lines())
                .filteredOn(l -> l.section().equals("service")
                        && l.key().equals("voice_minutes")
                        && l.measure().equals("units"))
                .singleElement()
                .satisfies(l -> assertThat(List.of(l.oldValue(), l.newValue(), l.difference()))
                        .containsExactly(new BigDecimal("63"), new BigDecimal("64"), new BigDecimal("1")));
        // version 1 stays readable, unchanged
        assertThat(snapshots.version("edge-changed", OCTOBER_FIRST, OCTOBER_LAST, GroupBy.MONTH, 1))
                .contains(v1);
        assertThat(figures(v1)).isEqualTo(without(EXPECTED, "source"));
        assertThat(snapshots.versions("edge-changed", OCTOBER_FIRST, OCTOBER_LAST, GroupBy.MONTH))
                .extracting(Snapshot::version)
                .containsExactly(3, 2, 1);
    }

    /** A sync killed halfway, with one pass per day: the partial run, then a new run or a restart. */
    @Nested
    @NestedTestConfiguration(NestedTestConfiguration.EnclosingConfiguration.OVERRIDE)
    @SpringBootTest(
            properties = {
                "spring.datasource.url=jdbc:h2:mem:wh_edge_killed;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "spring.datasource.username=sa",
                "spring.datasource.password=",
                FixedClock.PROPERTY + "=" + AS_OF,
                "billing.sync.max-days-per-pass=1",
                "billing.sources[0].name=edge-killed",
                "billing.sources[0].url=jdbc:h2:mem:edge_killed_src;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "billing.sources[0].username=sa",
                "billing.sources[0].time-zone=America/Bogota",
                "billing.sources[1].name=edge-restarted",
                "billing.sources[1].url=jdbc:h2:mem:edge_restarted_src;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "billing.sources[1].username=sa",
                "billing.sources[1].time-zone=America/Bogota",
                "logging.level.com.contactcenter.billing=WARN"
            })
    @TestPropertySource(locations = EdgeTenantFixture.PRICING)
    @Import(FixedClock.class)
    class InterruptedSync {

        @Autowired
        JobRunner sync;

        @Autowired
        SnapshotService snapshots;

        @Autowired
        JdbcTemplate warehouse;

        @Test
        void aSyncKilledHalfwayThenRunAgainGivesTheFiguresOfOneCleanRun() {
            // given a sync whose source goes away once Oct 14 is written: it dies on its 16th day
            SourceDatabases.loadH2("edge_killed_src", EdgeTenantFixture.SQL);
            UnplugSource.after(warehouse, "edge-killed", LocalDate.parse("2026-10-14"), "edge_killed_src");
            SyncOutcome killed = sync.sync(List.of("edge-killed"), WINDOW, Requester.cli());
            assertKilledOnOctober15(killed, "edge-killed");
            JsonNode partial =
                    SnapshotService.json(snapshots.compute("edge-killed", OCTOBER_FIRST, OCTOBER_LAST, GroupBy.MONTH));
            assertThat(partial.get("coverage").get("daysSynced").asLong()).isEqualTo(14);

            // when the source is back and the sync runs again
            UnplugSource.plugBackIn("edge-killed");
            SyncOutcome again = sync.sync(List.of("edge-killed"), WINDOW, Requester.cli());
            Snapshot snapshot = snapshots.compute("edge-killed", OCTOBER_FIRST, OCTOBER_LAST, GroupBy.MONTH);

            // then
            assertThat(again.succeeded()).as(again.failureSummary()).isTrue();
            assertThat(again.sources())
                    .extracting(SourceOutcome::daysDone, SourceOutcome::rowsRead)
                    .containsExactly(tuple(33, 43L));
            assertThat(figures(snapshot)).isEqualTo(without(EXPECTED, "source"));
            assertThat(snapshot.version()).isEqualTo(2);
        }

        @Test
        void aRestartedSyncContinuesFromTheLastCommittedDayAndGivesTheCleanRunsFigures() throws Exception {
            // given a sync whose source goes away once Oct 14 is written: it dies on its 16th day
            SourceDatabases.loadH2("edge_restarted_src", EdgeTenantFixture.SQL);
            UnplugSource.after(warehouse, "edge-restarted", LocalDate.parse("2026-10-14"), "edge_restarted_src");
            SyncOutcome killed = sync.sync(List.of("edge-restarted"), WINDOW, Requester.cli());
            long runId = assertKilledOnOctober15(killed, "edge-restarted");

            // when the source is back and the failed job execution is restarted, as the CLI's restart does
            UnplugSource.plugBackIn("edge-restarted");
            JobExecution restarted = sync.restart(killed.sources().get(0).jobExecutionId(), Requester.cli())
                    .await();
            Snapshot snapshot = snapshots.compute("edge-restarted", OCTOBER_FIRST, OCTOBER_LAST, GroupBy.MONTH);

            // then the same sync run finishes the remaining 18 days, counting each row once
            assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(warehouse.queryForList("SELECT id, status, days_done, rows_read, error_message FROM sync_run"
                            + " WHERE source = 'edge-restarted' ORDER BY id"))
                    .extracting(r -> List.of(
                            r.get("id"),
                            r.get("status"),
                            r.get("days_done"),
                            r.get("rows_read"),
                            String.valueOf(r.get("error_message"))))
                    .containsExactly(List.of(runId, "COMPLETED", 33, 43L, "null"));
            assertThat(figures(snapshot)).isEqualTo(without(EXPECTED, "source"));
            assertThat(elements(SnapshotService.json(snapshot).get("snapshot").get("syncRunIds")))
                    .extracting(JsonNode::asLong)
                    .containsExactly(runId);
        }

        private long assertKilledOnOctober15(SyncOutcome killed, String source) {
            assertThat(killed.succeeded()).isFalse();
            assertThat(killed.sources()).as(killed.toString()).singleElement().satisfies(o -> {
                assertThat(o.source()).isEqualTo(source);
                assertThat(o.daysDone()).isEqualTo(15);
                assertThat(o.error())
                        .startsWith("source '" + source + "' at h2:mem:" + source.replace('-', '_')
                                + "_src: reading events 2026-10-15T05:00:00Z to 2026-10-16T05:00:00Z failed: ");
            });
            List<Map<String, Object>> rows = warehouse.queryForList(
                    "SELECT id, status, days_done FROM sync_run" + " WHERE source = ? ORDER BY id", source);
            assertThat(rows)
                    .extracting(r -> r.get("status") + " " + r.get("days_done"))
                    .containsExactly("FAILED 15");
            assertThat(warehouse.queryForObject(
                            "SELECT MAX(local_day) FROM sync_day WHERE source = ?", LocalDate.class, source))
                    .isEqualTo(LocalDate.parse("2026-10-14"));
            return ((Number) rows.get(0).get("id")).longValue();
        }
    }

    private static JsonNode figures(Snapshot snapshot) {
        return without(SnapshotService.json(snapshot), "source", "snapshot", "forecast");
    }

    private static String service(JsonNode doc, String key) {
        for (JsonNode s : doc.get("services")) {
            if (s.get("key").asString().equals(key)) {
                return s.get("count").asLong() + "/" + s.get("units").asLong();
            }
        }
        throw new AssertionError("no service " + key);
    }

    /** "bucket key count/units" for every series entry, in document order. */
    private static List<String> seriesTable(JsonNode doc) {
        return elements(doc.get("series")).stream()
                .map(e -> e.get("bucket").asString() + " " + e.get("key").asString() + " "
                        + e.get("count").asLong() + "/" + e.get("units").asLong())
                .toList();
    }

    private static List<String> expectedSeriesTable(List<String> buckets, Map<String, long[]> nonZero) {
        List<String> table = new ArrayList<>();
        for (String bucket : buckets) {
            for (ServiceFigure s : OCTOBER_SERVICES) {
                long[] v = nonZero.getOrDefault(bucket + "/" + s.key(), new long[] {0, 0});
                table.add(bucket + " " + s.key() + " " + v[0] + "/" + v[1]);
            }
        }
        return table;
    }

    private static void assertSeriesAddUpToTheMonth(JsonNode doc) {
        for (ServiceFigure s : OCTOBER_SERVICES) {
            long count = 0;
            long units = 0;
            for (JsonNode e : doc.get("series")) {
                if (e.get("key").asString().equals(s.key())) {
                    count += e.get("count").asLong();
                    units += e.get("units").asLong();
                }
            }
            assertThat(count + "/" + units).as(s.key()).isEqualTo(s.count() + "/" + s.units());
        }
    }

    private static String describe(SnapshotDiff.Line l) {
        return l.section() + " " + l.key() + " " + l.measure() + " "
                + l.oldValue().toPlainString() + " -> " + l.newValue().toPlainString() + " ("
                + l.difference().toPlainString() + ")";
    }
}
