package com.contactcenter.billing.sync;

import static com.contactcenter.billing.support.EdgeTenantFixture.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.demo.DemoDataGenerator;
import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.FixedClock;
import com.contactcenter.billing.support.SourceDatabases;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
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
}
