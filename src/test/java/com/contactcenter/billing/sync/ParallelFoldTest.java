package com.contactcenter.billing.sync;

import static com.contactcenter.billing.support.EdgeTenantFixture.AS_OF;
import static com.contactcenter.billing.support.EdgeTenantFixture.EXPECTED_OCTOBER_BY_MONTH;
import static com.contactcenter.billing.support.EdgeTenantFixture.OCTOBER_FIRST;
import static com.contactcenter.billing.support.EdgeTenantFixture.OCTOBER_LAST;
import static com.contactcenter.billing.support.EdgeTenantFixture.SYNC_FROM;
import static com.contactcenter.billing.support.EdgeTenantFixture.SYNC_TO;
import static com.contactcenter.billing.support.ExportJson.without;
import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.demo.DemoDataGenerator;
import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.ops.Requester;
import com.contactcenter.billing.snapshot.Snapshot;
import com.contactcenter.billing.snapshot.SnapshotService;
import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.ExportJson;
import com.contactcenter.billing.support.FactTables;
import com.contactcenter.billing.support.FixedClock;
import com.contactcenter.billing.support.SourceDatabases;
import com.contactcenter.billing.support.UnplugSource;
import com.contactcenter.billing.sync.SyncService.SourceOutcome;
import com.contactcenter.billing.sync.SyncService.SyncOutcome;
import com.contactcenter.billing.usage.GroupBy;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The month read in parallel slices writes exactly the facts of the month read in one query per
 * table on one thread: the edge tenant and a generated demo tenant, on H2, synced three ways into
 * three warehouses (one read per pass; slices of three days one after the other; slices four at
 * a time), every fact table compared row for row.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.username=sa",
            "spring.datasource.password=",
            FixedClock.PROPERTY + "=" + AS_OF,
            "billing.sources[0].name=edge",
            "billing.sources[0].url=jdbc:h2:mem:fold_edge_src;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "billing.sources[0].username=sa",
            "billing.sources[0].time-zone=America/Bogota",
            "billing.sources[1].name=demo",
            "billing.sources[1].url=jdbc:h2:mem:fold_demo_src;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "billing.sources[1].username=sa",
            "billing.sources[1].time-zone=America/Bogota",
            "billing.sources[2].name=edge-killed",
            "billing.sources[2].url=jdbc:h2:mem:fold_killed_src;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "billing.sources[2].username=sa",
            "billing.sources[2].time-zone=America/Bogota",
            "logging.level.com.contactcenter.billing=WARN"
        })
@TestPropertySource(locations = EdgeTenantFixture.PRICING)
@Import(FixedClock.class)
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class ParallelFoldTest {

    private static final ParallelFolds FOLDS = new ParallelFolds();

    @BeforeAll
    static void sources() {
        SourceDatabases.loadH2("fold_edge_src", EdgeTenantFixture.SQL);
        SourceDatabases.loadH2("fold_demo_src");
        new DemoDataGenerator(SourceDatabases.h2("fold_demo_src")).generate(ParallelFolds.DEMO);
    }

    @Nested
    @DirtiesContext
    @Order(1)
    @TestPropertySource(
            properties = {
                "spring.datasource.url=jdbc:h2:mem:wh_fold_whole;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "billing.sync.read-parallelism=1",
                "billing.sync.read-slice-days=31"
            })
    class OneReadPerPass {

        @Autowired
        JobRunner sync;

        @Autowired
        JdbcTemplate warehouse;

        @Test
        void writesTheFactsOfEverySourceRowInTheWindow() {
            FOLDS.syncAndKeep("one read per pass", sync, warehouse, SourceDatabases.h2("fold_demo_src"));
        }
    }

    @Nested
    @DirtiesContext
    @Order(2)
    @TestPropertySource(
            properties = {
                "spring.datasource.url=jdbc:h2:mem:wh_fold_slices;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "billing.sync.read-parallelism=1",
                "billing.sync.read-slice-days=3"
            })
    class SlicesOneAfterTheOther {

        @Autowired
        JobRunner sync;

        @Autowired
        JdbcTemplate warehouse;

        @Test
        void writesTheSameFactsAsOneReadPerPass() {
            FOLDS.syncAndKeep("slices on one thread", sync, warehouse, SourceDatabases.h2("fold_demo_src"));
            FOLDS.assertSameAs("one read per pass", "slices on one thread");
        }
    }

    @Nested
    @DirtiesContext
    @Order(3)
    @TestPropertySource(
            properties = {
                "spring.datasource.url=jdbc:h2:mem:wh_fold_parallel;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "billing.sync.read-parallelism=4",
                "billing.sync.read-slice-days=3"
            })
    class SlicesFourAtOnce {

        @Autowired
        JobRunner sync;

        @Autowired
        JdbcTemplate warehouse;

        @Test
        void writesTheSameFactsAsOneThread() {
            FOLDS.syncAndKeep("slices four at once", sync, warehouse, SourceDatabases.h2("fold_demo_src"));
            FOLDS.assertSameAs("one read per pass", "slices four at once");
            FOLDS.assertSameAs("slices on one thread", "slices four at once");
        }

        @Test
        void aSecondParallelSyncReplacesTheDaysWithTheSameFacts() {
            // given the facts of a first parallel sync
            FOLDS.syncAndKeep("slices four at once", sync, warehouse, SourceDatabases.h2("fold_demo_src"));
            Map<String, Map<String, List<String>>> first = FOLDS.kept("slices four at once");

            // when
            FOLDS.syncAndKeep("slices four at once, again", sync, warehouse, SourceDatabases.h2("fold_demo_src"));

            // then
            assertThat(FOLDS.kept("slices four at once, again")).isEqualTo(first);
        }
    }

    /** A parallel pass whose source goes away halfway: it fails as a whole, and a restart finishes it. */
    @Nested
    @DirtiesContext
    @Order(4)
    @TestPropertySource(
            properties = {
                "spring.datasource.url=jdbc:h2:mem:wh_fold_killed;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "billing.sync.read-parallelism=4",
                "billing.sync.read-slice-days=3"
            })
    class KilledParallelPass {

        @Autowired
        JobRunner sync;

        @Autowired
        SnapshotService snapshots;

        @Autowired
        JdbcTemplate warehouse;

        @Test
        void failsWithoutMovingItsCheckpointAndARestartGivesTheCleanRunsFigures() throws Exception {
            // given a source whose calls table goes away once Oct 14 (in the slice Oct 12-14) is written
            SourceDatabases.loadH2("fold_killed_src", EdgeTenantFixture.SQL);
            UnplugSource.after(warehouse, "edge-killed", LocalDate.parse("2026-10-14"), "fold_killed_src");

            // when: the first pass (Sep 30 - Oct 30, eleven slices) or the second (Oct 31 - Nov 1) fails
            SyncOutcome killed = sync.sync(List.of("edge-killed"), new SyncWindow(SYNC_FROM, SYNC_TO), Requester.cli());

            // then the job failed on reading calls, and a pass's days count only once all its slices are written
            assertThat(killed.succeeded()).isFalse();
            SourceOutcome outcome = killed.sources().get(0);
            assertThat(outcome.error()).contains("calls");
            assertThat(outcome.daysDone()).isIn(0, 31);
            assertThat(warehouse.queryForObject(
                            "SELECT days_done FROM sync_run WHERE source = 'edge-killed'", Integer.class))
                    .isEqualTo(outcome.daysDone());

            // when the source is back and the failed execution is restarted
            UnplugSource.plugBackIn("edge-killed");
            JobExecution restarted =
                    sync.restart(outcome.jobExecutionId(), Requester.cli()).await();

            // then the same run finishes with every row counted once, and the figures of a clean run
            assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(warehouse.queryForList(
                            "SELECT status, days_done, rows_read FROM sync_run WHERE source = 'edge-killed'"))
                    .extracting(r -> List.of(r.get("status"), r.get("days_done"), r.get("rows_read")))
                    .containsExactly(List.of("COMPLETED", 33, 43L));
            assertThat(FactTables.rowsRead(warehouse, "edge-killed")).isEqualTo(43);
            Snapshot snapshot = snapshots.compute("edge-killed", OCTOBER_FIRST, OCTOBER_LAST, GroupBy.MONTH);
            assertThat(without(SnapshotService.json(snapshot), "source", "snapshot", "forecast"))
                    .isEqualTo(without(ExportJson.resource(EXPECTED_OCTOBER_BY_MONTH), "source"));
        }
    }
}
