package com.contactcenter.billing.sync;

import static com.contactcenter.billing.support.EdgeTenantFixture.SYNC_FROM;
import static com.contactcenter.billing.support.EdgeTenantFixture.SYNC_TO;
import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.demo.DemoDataSpec;
import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.ops.Requester;
import com.contactcenter.billing.support.FactTables;
import com.contactcenter.billing.sync.SyncService.SyncOutcome;
import com.contactcenter.billing.usage.Period;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The facts of the edge and demo tenants as each way of reading (one read per pass, slices on one
 * thread, slices in parallel) wrote them, kept to be compared row for row.
 */
final class ParallelFolds {

    /** A small demo tenant: 40 users, 20,000 messages over three months up to 2026-05-20. */
    static final DemoDataSpec DEMO = new DemoDataSpec(40, 20_000, 7, LocalDate.of(2026, 5, 20), 3);

    /** Four months around the demo's data: four passes of up to 31 days, each of eleven slices. */
    static final Period DEMO_WINDOW =
            new Period(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 5, 31), ZoneId.of("America/Bogota"));

    /** Per way of reading, per source, per fact table: its rows. */
    private final Map<String, Map<String, Map<String, List<String>>>> kept = new ConcurrentHashMap<>();

    /**
     * Syncs the edge tenant over its window and the demo tenant over {@link #DEMO_WINDOW}, checks
     * that each read every source row of its window, and keeps their facts under {@code way}.
     */
    void syncAndKeep(String way, JobRunner sync, JdbcTemplate warehouse, DataSource demoSource) {
        // 22 messages + 11 calls + 5 bot sessions + 5 user sessions in the edge window
        assertThat(synced(sync, "edge", SYNC_FROM, SYNC_TO)).isEqualTo(43);
        assertThat(FactTables.rowsRead(warehouse, "edge")).isEqualTo(43);
        long demoRows = sourceRows(demoSource, DEMO_WINDOW);
        assertThat(demoRows).isGreaterThan(20_000);
        assertThat(synced(sync, "demo", DEMO_WINDOW.from(), DEMO_WINDOW.to())).isEqualTo(demoRows);
        assertThat(FactTables.rowsRead(warehouse, "demo")).isEqualTo(demoRows);
        kept.put(way, Map.of("edge", FactTables.dump(warehouse, "edge"), "demo", FactTables.dump(warehouse, "demo")));
    }

    Map<String, Map<String, List<String>>> kept(String way) {
        assertThat(kept)
                .as("facts kept by '" + way + "' (its class runs first)")
                .containsKey(way);
        return kept.get(way);
    }

    /** The facts of {@code way} are {@code reference}'s, every table row for row. */
    void assertSameAs(String reference, String way) {
        Map<String, Map<String, List<String>>> expected = kept(reference);
        Map<String, Map<String, List<String>>> actual = kept(way);
        for (String source : List.of("edge", "demo")) {
            for (String table : List.of("fact_finding_day", "fact_service_day", "fact_user_day", "sync_day")) {
                assertThat(expected.get(source).get(table))
                        .as(source + " " + table + " has rows")
                        .isNotEmpty();
                assertThat(actual.get(source).get(table))
                        .as(source + " " + table + ": " + way + " against " + reference)
                        .containsExactlyElementsOf(expected.get(source).get(table));
            }
        }
    }

    private static long synced(JobRunner sync, String source, LocalDate from, LocalDate to) {
        SyncOutcome outcome = sync.sync(List.of(source), new SyncWindow(from, to), Requester.cli());
        assertThat(outcome.succeeded()).as(outcome.failureSummary()).isTrue();
        return outcome.sources().get(0).rowsRead();
    }

    /** The event rows of the source inside the period, counted in the source itself. */
    static long sourceRows(DataSource source, Period period) {
        JdbcTemplate jdbc = new JdbcTemplate(source);
        LocalDateTime from = LocalDateTime.ofInstant(period.startUtc(), ZoneOffset.UTC);
        LocalDateTime to = LocalDateTime.ofInstant(period.endUtc(), ZoneOffset.UTC);
        long rows = 0;
        for (String table : List.of(
                "messages WHERE created_at",
                "calls WHERE started_at",
                "bot_sessions WHERE started_at",
                "user_sessions WHERE started_at")) {
            String column = table.substring(table.lastIndexOf(' ') + 1);
            rows += jdbc.queryForObject(
                    "SELECT COUNT(*) FROM " + table + " >= ? AND " + column + " < ?", Long.class, from, to);
        }
        return rows;
    }
}
