package com.contactcenter.billing.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.contactcenter.billing.ops.JobHistory;
import com.contactcenter.billing.report.Freshness;
import com.contactcenter.billing.snapshot.Snapshot;
import com.contactcenter.billing.snapshot.SnapshotService;
import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.FixedClock;
import com.contactcenter.billing.support.SourceDatabases;
import com.contactcenter.billing.usage.GroupBy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The intraday trigger's Quartz job run directly, with the application's clock fixed at 14:30:05 on
 * Sunday 2026-11-29 in Bogota (19:30:05 UTC), five seconds after the 14:30 fire time. Source
 * {@code edge} is in Bogota (today Nov 29); {@code other} in Tokyo, where it is already 04:30 on
 * Monday Nov 30. Both hold the edge fixture plus three messages around those days:
 * <pre>
 * 101 whatsapp out 2026-11-29 15:00Z   Bogota Nov 29 10:00   Tokyo Nov 30 00:00
 * 102 sms out, 2 segments 2026-11-29 01:00Z   Bogota Nov 28 20:00   Tokyo Nov 29 10:00
 * 103 whatsapp out 2026-11-28 04:00Z   Bogota Nov 27 23:00   Tokyo Nov 28 13:00 (neither syncs it)
 * </pre>
 */
@SpringBootTest(
        properties = {
            "billing.lock.busy-retry=500ms",
            "spring.datasource.url=jdbc:h2:mem:wh_intraday;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "spring.datasource.username=sa",
            "spring.datasource.password=",
            FixedClock.PROPERTY + "=2026-11-29T19:30:05Z",
            "billing.schedule.zone=America/Bogota",
            "billing.sources[0].name=edge",
            "billing.sources[0].url=jdbc:h2:mem:intraday_edge_src;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "billing.sources[0].username=sa",
            "billing.sources[0].time-zone=America/Bogota",
            "billing.sources[1].name=other",
            "billing.sources[1].url=jdbc:h2:mem:intraday_other_src;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "billing.sources[1].username=sa",
            "billing.sources[1].time-zone=Asia/Tokyo",
            "logging.level.com.contactcenter.billing=ERROR"
        })
@TestPropertySource(locations = EdgeTenantFixture.PRICING)
@Import(FixedClock.class)
class IntradayRefreshTest {

    private static final Instant DUE = Instant.parse("2026-11-29T19:30:00Z");
    private static final Instant AS_OF = Instant.parse("2026-11-29T19:30:05Z");

    @Autowired
    AutowireCapableBeanFactory beans;

    @Autowired
    JdbcTemplate warehouse;

    @Autowired
    JobHistory history;

    @Autowired
    SnapshotService snapshots;

    @Autowired
    JobRepository batch;

    @BeforeAll
    static void loadSources() {
        for (String name : List.of("intraday_edge_src", "intraday_other_src")) {
            SourceDatabases.loadH2(name, EdgeTenantFixture.SQL);
            SourceDatabases.execute(
                    SourceDatabases.h2(name),
                    List.of("INSERT INTO messages (id, channel_id, user_id, direction, segments, created_at) VALUES"
                            + " (101, 1, 1, 'out', 1, '2026-11-29 15:00:00.000'),"
                            + " (102, 3, 1, 'out', 2, '2026-11-29 01:00:00.000'),"
                            + " (103, 1, 1, 'out', 1, '2026-11-28 04:00:00.000')"));
        }
    }

    private void fireIntraday() throws Exception {
        Fire.trigger(beans, "intraday-sync", ScheduledWork.INTRADAY_SYNC, DUE);
    }

    private long newestRun(String source) {
        Long id = warehouse.queryForObject("SELECT MAX(id) FROM sync_run WHERE source = ?", Long.class, source);
        return id == null ? 0 : id;
    }

    private int snapshotRows(String source) {
        return warehouse.queryForObject("SELECT COUNT(*) FROM snapshot WHERE source = ?", Integer.class, source);
    }

    @Test
    void theIntradayTriggerSyncsTodayAndYesterdayOfEachSourceInItsZone() throws Exception {
        // when the intraday trigger fires at 14:30 (Bogota)
        fireIntraday();

        // then each source's run covered its own yesterday and today, and nothing else
        for (String[] expected : List.of(
                new String[] {"edge", "2026-11-28", "2026-11-29"},
                new String[] {"other", "2026-11-29", "2026-11-30"})) {
            Map<String, Object> run =
                    warehouse.queryForMap("SELECT * FROM sync_run WHERE id = ?", newestRun(expected[0]));
            assertThat(List.of(
                            run.get("range_from").toString(),
                            run.get("range_to").toString(),
                            run.get("status"),
                            run.get("days_done")))
                    .as(expected[0])
                    .containsExactly(expected[1], expected[2], "COMPLETED", 2);
        }
        // and the facts of those days hold exactly the messages of those local days
        assertThat(warehouse.queryForList(
                        "SELECT CONCAT(source, ' ', local_day, ' ', service_key, ' ', row_count,"
                                + " '/', units) FROM fact_service_day WHERE local_day >= '2026-11-27' ORDER BY source, local_day",
                        String.class))
                .containsExactly(
                        "edge 2026-11-28 sms_out 1/2", "edge 2026-11-29 whatsapp_out 1/1",
                        "other 2026-11-29 sms_out 1/2", "other 2026-11-30 whatsapp_out 1/1");
        // and the history names the trigger
        JobHistory.Entry entry = history.history(10).stream()
                .filter(e -> e.jobName().equals("usageSyncJob"))
                .findFirst()
                .orElseThrow();
        assertThat(List.of(entry.trigger(), entry.requestedBy(), entry.status(), entry.work(), entry.tenants()))
                .containsExactly("SCHEDULE", "intraday-sync", "COMPLETED", "intraday", 2);
    }

    @Test
    void theIntradayTriggerSnapshotsTodayThisWeekAndThisMonthByMonthAsIntradayVersions() throws Exception {
        // when the intraday trigger fires
        fireIntraday();

        // then the keys the dashboard opens on exist for each source, in its zone, marked intraday
        assertThat(warehouse.queryForList(
                        "SELECT DISTINCT CONCAT(source, ' ', period_from, '..', period_to, ' ',"
                                + " group_by, ' ', origin) FROM snapshot ORDER BY 1",
                        String.class))
                .containsExactly(
                        "edge 2026-11-01..2026-11-30 month intraday",
                        "edge 2026-11-23..2026-11-29 month intraday",
                        "edge 2026-11-29..2026-11-29 month intraday",
                        "other 2026-11-01..2026-11-30 month intraday",
                        "other 2026-11-30..2026-11-30 month intraday",
                        "other 2026-11-30..2026-12-06 month intraday");
        // and today's snapshot counts today's message, as of the refresh
        Snapshot today = snapshots
                .newest("edge", LocalDate.parse("2026-11-29"), LocalDate.parse("2026-11-29"), GroupBy.MONTH)
                .orElseThrow();
        assertThat(today.asOf()).isEqualTo(AS_OF);
        assertThat(SnapshotService.json(today).get("services").toString())
                .contains(
                        "{\"key\":\"whatsapp_out\",\"count\":1,\"units\":1}",
                        "{\"key\":\"sms_out\",\"count\":0,\"units\":0}");
        // and the dashboard can say how fresh it is
        assertThat(Freshness.text(
                        today.asOf(),
                        ZoneId.of("America/Bogota"),
                        Locale.forLanguageTag("es"),
                        LocalDate.parse("2026-11-29")))
                .isEqualTo("Datos sincronizados hasta las 14:30");
    }

    @Test
    void eachSourcesIntradaySnapshotsAreOneSnapshotJobRunInTheJobHistory() throws Exception {
        // when the intraday trigger fires
        fireIntraday();

        // then each source's three snapshots were written by a snapshotJob execution of its own, which
        // the history shows as it shows any snapshot run
        for (String source : List.of("edge", "other")) {
            long newest = batch.getJobInstances("snapshotJob", 0, 20).stream()
                    .map(batch::getLastJobExecution)
                    .filter(e -> source.equals(e.getJobParameters().getString("source")))
                    .mapToLong(JobExecution::getId)
                    .max()
                    .orElseThrow();
            JobExecution run = batch.getJobExecution(newest);
            assertThat(run.getJobParameters().getString("intraday")).isEqualTo("true");
            assertThat(run.getStepExecutions())
                    .extracting(StepExecution::getStepName, StepExecution::getWriteCount)
                    .containsExactly(tuple("snapshotStep", 3L));
            JobHistory.JobStatus status = history.status(run.getId()).orElseThrow();
            assertThat(List.of(status.jobName(), status.status(), status.sources()))
                    .as(source)
                    .containsExactly("snapshotJob", "COMPLETED", List.of(source));
        }
    }

    @Test
    void aSourceBeingSyncedWaitsForItsHolderWhileTheOthersRefresh() throws Exception {
        // given an operator's re-sync holds 'other', and ends a moment after the trigger fires
        long edgeRun = newestRun("edge");
        long otherRun = newestRun("other");
        int edgeSnapshots = snapshotRows("edge");
        int otherSnapshots = snapshotRows("other");
        warehouse.update("INSERT INTO sync_lock (source, job_execution_id, holder, acquired_at,"
                + " heartbeat_at, expires_at) VALUES ('other', 998, 'node-b:1', '2026-11-29 19:00:00',"
                + " '2026-11-29 19:30:00', '2999-01-01 00:00:00')");
        Thread holderEnds = new Thread(() -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            warehouse.update("DELETE FROM sync_lock WHERE job_execution_id = 998");
        });
        holderEnds.start();
        try {
            // when the intraday trigger fires
            fireIntraday();

            // then both were synced and snapshotted again (three new versions each)
            assertThat(newestRun("edge")).isGreaterThan(edgeRun);
            assertThat(snapshotRows("edge")).isEqualTo(edgeSnapshots + 3);
            assertThat(newestRun("other")).isGreaterThan(otherRun);
            assertThat(snapshotRows("other")).isEqualTo(otherSnapshots + 3);
            // and the history shows one request, 'other' having waited for the holder before it ran
            JobHistory.Entry request = history.history(1).get(0);
            assertThat(List.of(request.requestedBy(), request.status(), request.tenants()))
                    .containsExactly("intraday-sync", "COMPLETED", 2);
            JobHistory.TenantLine other = history.request(request.requestId(), null)
                    .orElseThrow()
                    .tenants()
                    .get(1);
            assertThat(other.source()).isEqualTo("other");
            assertThat(other.status()).isEqualTo("COMPLETED");
            assertThat(other.attempts()).isGreaterThanOrEqualTo(2);
        } finally {
            holderEnds.join();
            warehouse.update("DELETE FROM sync_lock WHERE job_execution_id = 998");
        }
    }
}
