package com.contactcenter.billing.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.ops.JobHistory;
import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.FixedClock;
import com.contactcenter.billing.support.SourceDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The Quartz job run directly, as a trigger fires it, with the application's clock fixed at
 * 02:00:05 on 2026-11-01 in Bogota (07:00:05 UTC), five seconds after the nightly trigger was due.
 */
@SpringBootTest(
        properties = {
            "billing.lock.busy-retry=500ms",
            "spring.datasource.url=jdbc:h2:mem:wh_schedule;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "spring.datasource.username=sa",
            "spring.datasource.password=",
            FixedClock.PROPERTY + "=2026-11-01T07:00:05Z",
            "billing.schedule.zone=America/Bogota",
            "billing.report.out-dir=target/schedule-test-reports",
            "billing.sources[0].name=edge",
            "billing.sources[0].url=jdbc:h2:mem:schedule_edge_src;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "billing.sources[0].username=sa",
            "billing.sources[0].time-zone=America/Bogota",
            "billing.sources[1].name=other",
            "billing.sources[1].url=jdbc:h2:mem:schedule_other_src;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "billing.sources[1].username=sa",
            "billing.sources[1].time-zone=America/Bogota",
            "logging.level.com.contactcenter.billing=ERROR"
        })
@TestPropertySource(locations = EdgeTenantFixture.PRICING)
@Import(FixedClock.class)
class StartBatchJobTest {

    private static final Instant DUE = Instant.parse("2026-11-01T07:00:00Z");

    @Autowired
    AutowireCapableBeanFactory beans;

    @Autowired
    JdbcTemplate warehouse;

    @Autowired
    JobHistory history;

    @BeforeAll
    static void loadSource() {
        SourceDatabases.loadH2("schedule_edge_src", EdgeTenantFixture.SQL);
        SourceDatabases.loadH2("schedule_other_src", EdgeTenantFixture.SQL);
    }

    private void fire(String triggerName, ScheduledWork work) throws Exception {
        Fire.trigger(beans, triggerName, work, DUE);
    }

    @Test
    void theNightlyTriggerSyncsEverySourceOverItsNightlyWindow() throws Exception {
        // when the nightly trigger fires at 02:00 on Nov 1 (Bogota)
        fire("nightly-sync", ScheduledWork.NIGHTLY_SYNC);

        // then the sync read today and yesterday plus the 3 trailing days, in the source's zone
        Map<String, Object> run =
                warehouse.queryForMap("SELECT * FROM sync_run WHERE source = 'edge'" + " ORDER BY id DESC LIMIT 1");
        assertThat(List.of(run.get("range_from").toString(), run.get("range_to").toString(), run.get("status")))
                .containsExactly("2026-10-28", "2026-11-01", "COMPLETED");
        assertThat(run.get("days_done")).isEqualTo(5);
        // and the history says the schedule asked, naming the trigger
        JobHistory.Entry entry = history.history(10).stream()
                .filter(e -> e.jobName().equals("usageSyncJob"))
                .findFirst()
                .orElseThrow();
        assertThat(List.of(entry.trigger(), entry.requestedBy(), entry.status(), String.valueOf(entry.from())))
                .containsExactly("SCHEDULE", "nightly-sync", "COMPLETED", "null");
    }

    @Test
    void aSourceBeingReSyncedWaitsInTheNightlySyncWhileTheOthersSync() throws Exception {
        // given an operator's re-sync holds 'other', and ends a moment after the trigger fires
        fire("nightly-sync", ScheduledWork.NIGHTLY_SYNC);
        long edgeBefore = warehouse.queryForObject("SELECT MAX(id) FROM sync_run WHERE source = 'edge'", Long.class);
        long otherBefore = warehouse.queryForObject("SELECT MAX(id) FROM sync_run WHERE source = 'other'", Long.class);
        warehouse.update("INSERT INTO sync_lock (source, job_execution_id, holder, acquired_at,"
                + " heartbeat_at, expires_at) VALUES ('other', 999, 'node-b:1', '2026-11-01 07:00:00',"
                + " '2026-11-01 07:00:00', '2999-01-01 00:00:00')");
        Thread holderEnds = new Thread(() -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            warehouse.update("DELETE FROM sync_lock WHERE job_execution_id = 999");
        });
        holderEnds.start();
        try {
            // when the nightly trigger fires
            fire("nightly-sync", ScheduledWork.NIGHTLY_SYNC);

            // then both were synced, 'other' once its holder was done
            assertThat(warehouse.queryForObject("SELECT MAX(id) FROM sync_run WHERE source = 'edge'", Long.class))
                    .isGreaterThan(edgeBefore);
            assertThat(warehouse.queryForObject("SELECT MAX(id) FROM sync_run WHERE source = 'other'", Long.class))
                    .isGreaterThan(otherBefore);
            JobHistory.Entry request = history.history(1).get(0);
            assertThat(List.of(
                            request.status(),
                            request.tenants(),
                            request.counts().completed()))
                    .containsExactly("COMPLETED", 2, 2);
            assertThat(history.request(request.requestId(), null).orElseThrow().tenants())
                    .extracting(t -> t.source() + " " + t.status() + " " + (t.attempts() > 1))
                    .containsExactly("edge COMPLETED false", "other COMPLETED true");
        } finally {
            holderEnds.join();
            warehouse.update("DELETE FROM sync_lock WHERE job_execution_id = 999");
        }
    }

    @Test
    void theRefreshSnapshotsTheCurrentMonthAndTheCloseThePreviousMonthWithItsReports() throws Exception {
        // given the nightly sync has run
        fire("nightly-sync", ScheduledWork.NIGHTLY_SYNC);
        Path reports = Path.of("target/schedule-test-reports");

        // when the refresh and the monthly close fire at 02:00 on Nov 1
        fire("snapshot-refresh", ScheduledWork.CURRENT_MONTH_SNAPSHOT);
        fire("monthly-close", ScheduledWork.PREVIOUS_MONTH_CLOSE);

        // then November (the current month in Bogota) and October have snapshots
        assertThat(warehouse.queryForList(
                        "SELECT CONCAT(period_from, '..', period_to) FROM snapshot"
                                + " WHERE source = 'edge' ORDER BY computed_at, period_from",
                        String.class))
                .contains("2026-11-01..2026-11-30", "2026-10-01..2026-10-31");
        // and October's reports were rendered, and the portfolio of October once the tenants' jobs ended
        try (Stream<Path> files = Files.list(reports)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .contains(
                            "billing-estimate_edge_2026-10-01_2026-10-31.xlsx",
                                    "billing-estimate_edge_2026-10-01_2026-10-31.pdf",
                            "billing-portfolio_2026-10.xlsx", "billing-portfolio_2026-10.csv");
        }
        // and each ran as a snapshotJob the schedule asked for
        assertThat(history.history(10))
                .filteredOn(e -> e.jobName().equals("snapshotJob"))
                .extracting(e -> e.requestedBy() + " " + e.from() + ".." + e.to() + " " + e.status())
                .contains(
                        "snapshot-refresh 2026-11-01..2026-11-30 COMPLETED",
                        "monthly-close 2026-10-01..2026-10-31 COMPLETED");
    }
}
