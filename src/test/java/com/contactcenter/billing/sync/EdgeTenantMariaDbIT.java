package com.contactcenter.billing.sync;

import static com.contactcenter.billing.support.EdgeTenantFixture.AS_OF;
import static com.contactcenter.billing.support.EdgeTenantFixture.EXPECTED_OCTOBER_BY_MONTH;
import static com.contactcenter.billing.support.EdgeTenantFixture.OCTOBER_FIRST;
import static com.contactcenter.billing.support.EdgeTenantFixture.OCTOBER_LAST;
import static com.contactcenter.billing.support.EdgeTenantFixture.SYNC_FROM;
import static com.contactcenter.billing.support.EdgeTenantFixture.SYNC_TO;
import static com.contactcenter.billing.support.ExportJson.elements;
import static com.contactcenter.billing.support.ExportJson.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.ops.Requester;
import com.contactcenter.billing.snapshot.Snapshot;
import com.contactcenter.billing.snapshot.SnapshotService;
import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.ExportJson;
import com.contactcenter.billing.support.FixedClock;
import com.contactcenter.billing.support.MariaDb;
import com.contactcenter.billing.support.SantiagoDst;
import com.contactcenter.billing.support.SourceDatabases;
import com.contactcenter.billing.sync.SyncService.SourceOutcome;
import com.contactcenter.billing.sync.SyncService.SyncOutcome;
import com.contactcenter.billing.usage.GroupBy;
import com.contactcenter.billing.warehouse.SyncRunStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The edge tenant on MariaDB, synced into a MariaDB warehouse: the same export as the H2 run
 * (whose figures {@code EdgeTenantSyncTest} asserts against the same expected document), and a
 * live comparison with the same fixture on H2 synced into this warehouse. MariaDB's default
 * collation ignores case and trailing spaces, so 'IN', 'Out' and 'in ' only stay bad_direction
 * if direction is compared exactly; and local days around DST must be right on MariaDB too.
 */
@ExtendWith(MariaDb.class)
@SpringBootTest(properties = {FixedClock.PROPERTY + "=" + AS_OF, "logging.level.com.contactcenter.billing=WARN"})
@TestPropertySource(locations = EdgeTenantFixture.PRICING)
@Import(FixedClock.class)
class EdgeTenantMariaDbIT {

    private static final SyncWindow WINDOW = new SyncWindow(SYNC_FROM, SYNC_TO);
    private static final JsonNode EXPECTED = ExportJson.resource(EXPECTED_OCTOBER_BY_MONTH);

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        String warehouse = MariaDb.recreateWarehouse("billing_it_warehouse");
        String edge = MariaDb.loadSource("billing_it_edge_src", EdgeTenantFixture.SQL);
        String edgeResync = MariaDb.loadSource("billing_it_edge_resync_src", EdgeTenantFixture.SQL);
        String santiago = MariaDb.recreate("billing_it_santiago_src");
        SourceDatabases.loadScript(MariaDb.dataSource("billing_it_santiago_src"), SantiagoDst.sql());
        String edgeOnH2 = SourceDatabases.loadH2("edge_h2_for_it_src", EdgeTenantFixture.SQL);

        registry.add("spring.datasource.url", () -> warehouse);
        registry.add("spring.datasource.username", () -> MariaDb.USER);
        registry.add("spring.datasource.password", () -> MariaDb.PASSWORD);
        source(registry, 0, "edge", edge, "America/Bogota");
        source(registry, 1, "edge-h2", edgeOnH2, "America/Bogota");
        source(registry, 2, "edge-resync", edgeResync, "America/Bogota");
        source(registry, 3, "santiago", santiago, "America/Santiago");
        source(registry, 4, "edge-a", edge, "America/Bogota");
        source(registry, 5, "edge-b", edge, "America/Bogota");
        source(registry, 6, "edge-c", edge, "America/Bogota");
        source(registry, 7, "edge-d", edge, "America/Bogota");
    }

    private static void source(DynamicPropertyRegistry registry, int i, String name, String url, String zone) {
        boolean h2 = url.startsWith("jdbc:h2:");
        registry.add("billing.sources[" + i + "].name", () -> name);
        registry.add("billing.sources[" + i + "].url", () -> url);
        registry.add("billing.sources[" + i + "].username", () -> h2 ? "sa" : MariaDb.USER);
        registry.add("billing.sources[" + i + "].password", () -> h2 ? "" : MariaDb.PASSWORD);
        registry.add("billing.sources[" + i + "].time-zone", () -> zone);
    }

    @Autowired
    JobRunner sync;

    @Autowired
    SnapshotService snapshots;

    @Autowired
    JdbcTemplate warehouse;

    @Autowired
    SyncRunStore runs;

    @Test
    void runsOnAMariaDbWarehouse() {
        assertThat(warehouse.queryForObject("SELECT VERSION()", String.class)).containsIgnoringCase("mariadb");
        assertThat(warehouse.queryForObject("SELECT DATABASE()", String.class)).isEqualTo("billing_it_warehouse");
    }

    @Test
    void exportsExactlyWhatTheH2RunExportsAndTheRulesDefine() {
        // given the same fixture in a MariaDB source and in an H2 source, synced one after the other
        syncAlone("edge");
        syncAlone("edge-h2");

        // when
        Snapshot onMariaDb = snapshots.compute("edge", OCTOBER_FIRST, OCTOBER_LAST, GroupBy.MONTH);
        Snapshot onH2 = snapshots.compute("edge-h2", OCTOBER_FIRST, OCTOBER_LAST, GroupBy.MONTH);
        JsonNode doc = SnapshotService.json(onMariaDb);

        // then directly, the figures a collation or a time zone would break
        assertThat(elements(doc.get("services")))
                .extracting(s -> s.get("key").asString() + " " + s.get("count").asLong() + "/"
                        + s.get("units").asLong())
                .containsExactly(
                        "sms_out 2/5",
                        "email_out 1/1",
                        "whatsapp_out 2/2",
                        "whatsapp_in 1/1",
                        "voice_minutes 3/63",
                        "video_minutes 1/1",
                        "bot_sessions 2/2");
        assertThat(elements(doc.get("usersByRole")))
                .extracting(r -> r.get("role").asString() + " " + r.get("users").asLong())
                .containsExactly("Administrador 2", "Agente 4", "Sin rol 2", "Supervisor 0");
        assertThat(elements(doc.get("dataQuality")))
                .extracting(
                        f -> f.get("reason").asString() + " " + f.get("count").asLong())
                .containsExactly(
                        "unknown_channel 3",
                        "unknown_channel_type 3",
                        "bad_direction 5",
                        "negative_duration 2",
                        "bad_segments 2",
                        "future_timestamp 4",
                        "deactivated_before_created 1",
                        "unknown_role 2");
        assertThat(doc.get("estimate").get("total").asString()).isEqualTo("572392.50");
        assertThat(elements(doc.get("users")))
                .extracting(u -> u.get("id").asLong() + " " + u.get("name").asString())
                .contains("2 =HYPERLINK(\"http://x\",\"y\")", "10 <script>alert(1)</script>", "11 Zoë 😀 Ñandú ¿sí?");
        // other tests of this class may have snapshotted the same key before: this one is the newest
        assertThat(doc.get("snapshot").get("version").asInt())
                .isEqualTo(snapshots
                        .versions("edge", OCTOBER_FIRST, OCTOBER_LAST, GroupBy.MONTH)
                        .size());
        assertThat(doc.get("snapshot").get("asOf").asString()).isEqualTo(AS_OF);

        // and the MariaDB source gives what the H2 source gives, through the same warehouse
        assertThat(without(doc, "source", "snapshot", "forecast"))
                .isEqualTo(without(SnapshotService.json(onH2), "source", "snapshot", "forecast"));

        // and the document is the H2 run's (EdgeTenantSyncTest checks the H2 run against the same file)
        assertThat(ExportJson.text(without(doc, "source", "snapshot", "forecast")))
                .isEqualTo(ExportJson.text(without(EXPECTED, "source")));
        assertThat(without(doc, "source", "snapshot", "forecast")).isEqualTo(without(EXPECTED, "source"));
    }

    @Test
    void keepsTheMillisecondsOfInstantsInTheMariaDbWarehouse() {
        // given a source whose last logins have milliseconds (user 1: .123, user 10: .500)
        syncAlone("edge");

        // when
        JsonNode doc = SnapshotService.json(snapshots.compute("edge", OCTOBER_FIRST, OCTOBER_LAST, GroupBy.MONTH));

        // then
        assertThat(elements(doc.get("users")))
                .extracting(
                        u -> u.get("id").asLong() + " " + u.get("lastLoginAt").asString(""))
                .containsExactly(
                        "1 2026-10-30T22:11:05.123Z",
                        "2 ",
                        "4 2026-09-30T12:00:00Z",
                        "6 2026-10-14T08:00:00Z",
                        "7 ",
                        "8 ",
                        "10 2026-10-02T10:00:00.500Z",
                        "11 ");
        assertThat(warehouse.queryForList(
                        "SELECT CAST(created_at AS CHAR) FROM wh_user WHERE source = 'edge'"
                                + " AND id IN (2, 5) ORDER BY id",
                        String.class))
                .containsExactly("2026-11-01 04:59:59.999", "2025-01-01 00:00:00.000");
        assertThat(warehouse.queryForObject(
                        "SELECT CAST(deactivated_at AS CHAR) FROM wh_user WHERE source = 'edge'" + " AND id = 5",
                        String.class))
                .isEqualTo("2026-10-01 04:59:59.999");
    }

    @Test
    void keepsTheMillisecondsOfASyncRunsAsOfInTheMariaDbWarehouse() {
        // given an as-of with milliseconds, as the real clock gives
        Instant asOf = Instant.parse("2026-11-01T03:00:00.123Z");

        // when
        long id = runs.start("as-of-probe", OCTOBER_FIRST, OCTOBER_LAST, asOf, null);

        // then
        assertThat(runs.find(id).orElseThrow().asOf()).isEqualTo(asOf);
    }

    @Test
    void groupsByWeekAndDayLikeTheH2Run() {
        // given
        syncAlone("edge");
        syncAlone("edge-h2");

        for (GroupBy groupBy : List.of(GroupBy.WEEK, GroupBy.DAY)) {
            // when
            JsonNode onMariaDb = SnapshotService.json(snapshots.compute("edge", OCTOBER_FIRST, OCTOBER_LAST, groupBy));
            JsonNode onH2 = SnapshotService.json(snapshots.compute("edge-h2", OCTOBER_FIRST, OCTOBER_LAST, groupBy));

            // then
            assertThat(without(onMariaDb, "source", "snapshot", "forecast"))
                    .as(groupBy.code())
                    .isEqualTo(without(onH2, "source", "snapshot", "forecast"));
            assertThat(onMariaDb.get("series").size()).isEqualTo(groupBy == GroupBy.WEEK ? 5 * 7 : 31 * 7);
            assertThat(ExportJson.seriesEntry(
                                    onMariaDb, groupBy == GroupBy.WEEK ? "2026-10-05" : "2026-10-10", "sms_out")
                            .get("units")
                            .asLong())
                    .isEqualTo(3);
        }
    }

    @Test
    void reSyncOfTheSamePeriodReplacesItsFiguresInTheMariaDbWarehouse() {
        // given
        syncAlone("edge-resync");
        Snapshot first = snapshots.compute("edge-resync", OCTOBER_FIRST, OCTOBER_LAST, GroupBy.MONTH);

        // when
        syncAlone("edge-resync");
        Snapshot second = snapshots.compute("edge-resync", OCTOBER_FIRST, OCTOBER_LAST, GroupBy.MONTH);

        // then
        assertThat(List.of(first.version(), second.version())).containsExactly(1, 2);
        JsonNode doc = SnapshotService.json(second);
        assertThat(without(doc, "source", "snapshot", "forecast"))
                .isEqualTo(without(SnapshotService.json(first), "source", "snapshot", "forecast"));
        assertThat(doc.get("services")).isEqualTo(EXPECTED.get("services"));
        assertThat(doc.get("estimate")).isEqualTo(EXPECTED.get("estimate"));
        assertThat(snapshots.compute("edge-resync", OCTOBER_FIRST, OCTOBER_LAST, GroupBy.MONTH))
                .isEqualTo(second);
    }

    @Test
    void syncsSeveralSourcesAtOnceIntoTheMariaDbWarehouse() {
        // when four sources (the MariaDB fixture under four names) are synced side by side, six times
        List<String> sources = List.of("edge-a", "edge-b", "edge-c", "edge-d");
        List<String> failures = new ArrayList<>();
        for (int round = 1; round <= 6; round++) {
            SyncOutcome outcome = sync.sync(sources, WINDOW, Requester.cli());
            for (SourceOutcome o : outcome.sources()) {
                if (!o.succeeded() || o.daysDone() != 33) {
                    failures.add("round " + round + ": " + o.source() + " " + o.daysDone() + " days: " + o.error());
                }
            }
        }

        // then none of them ever fails, and each has the whole of October
        assertThat(failures).isEmpty();
        for (String source : sources) {
            JsonNode doc = SnapshotService.json(snapshots.compute(source, OCTOBER_FIRST, OCTOBER_LAST, GroupBy.MONTH));
            assertThat(doc.get("services")).as(source).isEqualTo(EXPECTED.get("services"));
            assertThat(doc.get("estimate").get("total").asString()).as(source).isEqualTo("572392.50");
        }
    }

    private void syncAlone(String source) {
        SyncOutcome outcome = sync.sync(List.of(source), WINDOW, Requester.cli());
        assertThat(outcome.succeeded()).as(outcome.failureSummary()).isTrue();
        assertThat(outcome.sources())
                .extracting(SourceOutcome::daysDone, SourceOutcome::rowsRead)
                .containsExactly(tuple(33, 43L));
    }

    @Test
    void rowsAroundDstChangesLandOnTheirLocalDayOnMariaDb() {
        SantiagoDst.assertEveryRowLandsOnItsLocalDay(sync, snapshots, "santiago");
    }
}
