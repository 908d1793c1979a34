package com.contactcenter.billing.sync;

import static com.contactcenter.billing.support.EdgeTenantFixture.AS_OF;

import com.contactcenter.billing.demo.DemoDataGenerator;
import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.FixedClock;
import com.contactcenter.billing.support.MariaDb;
import com.contactcenter.billing.support.SourceDatabases;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link ParallelFoldTest} on MariaDB: the edge tenant and a generated demo tenant in MariaDB
 * sources, synced into three MariaDB warehouses (facts bulk-loaded) one read per pass, in slices
 * on one thread and in slices four at a time, every fact table compared row for row. Its databases
 * are {@code billing_fold_*}, dropped at the end.
 */
@ExtendWith(MariaDb.class)
@SpringBootTest(properties = {FixedClock.PROPERTY + "=" + AS_OF, "logging.level.com.contactcenter.billing=WARN"})
@TestPropertySource(locations = EdgeTenantFixture.PRICING)
@Import(FixedClock.class)
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class ParallelFoldMariaDbIT {

    private static final String EDGE = "billing_fold_edge_src";
    private static final String DEMO = "billing_fold_demo_src";
    private static final List<String> DATABASES =
            List.of(EDGE, DEMO, "billing_fold_wh_whole", "billing_fold_wh_slices", "billing_fold_wh_parallel");

    private static final ParallelFolds FOLDS = new ParallelFolds();
    private static boolean loaded;

    @DynamicPropertySource
    static void sources(DynamicPropertyRegistry registry) {
        if (!loaded) {
            MariaDb.loadSource(EDGE, EdgeTenantFixture.SQL);
            MariaDb.loadSource(DEMO);
            new DemoDataGenerator(MariaDb.dataSource(DEMO)).generate(ParallelFolds.DEMO);
            loaded = true;
        }
        source(registry, 0, "edge", MariaDb.url(EDGE));
        source(registry, 1, "demo", MariaDb.url(DEMO));
        registry.add("spring.datasource.username", () -> MariaDb.USER);
        registry.add("spring.datasource.password", () -> MariaDb.PASSWORD);
    }

    private static void source(DynamicPropertyRegistry registry, int i, String name, String url) {
        registry.add("billing.sources[" + i + "].name", () -> name);
        registry.add("billing.sources[" + i + "].url", () -> url);
        registry.add("billing.sources[" + i + "].username", () -> MariaDb.USER);
        registry.add("billing.sources[" + i + "].password", () -> MariaDb.PASSWORD);
        registry.add("billing.sources[" + i + "].time-zone", () -> "America/Bogota");
    }

    @AfterAll
    static void dropDatabases() {
        SourceDatabases.execute(
                MariaDb.dataSource("information_schema"),
                DATABASES.stream().map(db -> "DROP DATABASE IF EXISTS " + db).toList());
    }

    @Nested
    @Order(1)
    @DirtiesContext
    @TestPropertySource(properties = {"billing.sync.read-parallelism=1", "billing.sync.read-slice-days=31"})
    class OneReadPerPass {

        @DynamicPropertySource
        static void warehouse(DynamicPropertyRegistry registry) {
            String url = MariaDb.recreateWarehouse("billing_fold_wh_whole");
            registry.add("spring.datasource.url", () -> url);
        }

        @Autowired
        JobRunner sync;

        @Autowired
        JdbcTemplate warehouse;

        @Test
        void writesTheFactsOfEverySourceRowInTheWindow() {
            FOLDS.syncAndKeep("one read per pass", sync, warehouse, MariaDb.dataSource(DEMO));
        }
    }

    @Nested
    @Order(2)
    @DirtiesContext
    @TestPropertySource(properties = {"billing.sync.read-parallelism=1", "billing.sync.read-slice-days=3"})
    class SlicesOneAfterTheOther {

        @DynamicPropertySource
        static void warehouse(DynamicPropertyRegistry registry) {
            String url = MariaDb.recreateWarehouse("billing_fold_wh_slices");
            registry.add("spring.datasource.url", () -> url);
        }

        @Autowired
        JobRunner sync;

        @Autowired
        JdbcTemplate warehouse;

        @Test
        void writesTheSameFactsAsOneReadPerPass() {
            FOLDS.syncAndKeep("slices on one thread", sync, warehouse, MariaDb.dataSource(DEMO));
            FOLDS.assertSameAs("one read per pass", "slices on one thread");
        }
    }

    @Nested
    @Order(3)
    @DirtiesContext
    @TestPropertySource(properties = {"billing.sync.read-parallelism=4", "billing.sync.read-slice-days=3"})
    class SlicesFourAtOnce {

        @DynamicPropertySource
        static void warehouse(DynamicPropertyRegistry registry) {
            String url = MariaDb.recreateWarehouse("billing_fold_wh_parallel");
            registry.add("spring.datasource.url", () -> url);
        }

        @Autowired
        JobRunner sync;

        @Autowired
        JdbcTemplate warehouse;

        @Test
        void writesTheSameFactsAsOneThread() {
            FOLDS.syncAndKeep("slices four at once", sync, warehouse, MariaDb.dataSource(DEMO));
            FOLDS.assertSameAs("one read per pass", "slices four at once");
            FOLDS.assertSameAs("slices on one thread", "slices four at once");
        }
    }
}
