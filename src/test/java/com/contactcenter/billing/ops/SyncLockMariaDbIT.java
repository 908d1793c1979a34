package com.contactcenter.billing.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.BillingApplication;
import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.MariaDb;
import com.contactcenter.billing.sync.SyncService.SyncOutcome;
import com.contactcenter.billing.sync.SyncWindow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * "Never two at once" on a MariaDB warehouse: two requests for the same source at the same moment,
 * in one node and in two service instances (two application contexts, each with its own pools,
 * sharing the warehouse, as two nodes do). One runs; the other is refused, naming the run.
 */
@ExtendWith(MariaDb.class)
@SpringBootTest(properties = {
        "billing.sync.max-days-per-pass=1",
        "logging.level.com.contactcenter.billing=WARN"})
class SyncLockMariaDbIT {

    private static final SyncWindow OCTOBER = new SyncWindow(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31"));
    private static final List<ConfigurableApplicationContext> OTHER_NODES = new ArrayList<>();

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        properties().forEach((k, v) -> registry.add(k, () -> v));
    }

    private static Map<String, String> properties;

    private static synchronized Map<String, String> properties() {
        if (properties == null) {
            String warehouse = MariaDb.recreate("billing_it_lock_wh");
            String source = MariaDb.loadSource("billing_it_lock_src", EdgeTenantFixture.SQL);
            properties = Map.of(
                    "spring.datasource.url", warehouse,
                    "spring.datasource.username", MariaDb.USER,
                    "spring.datasource.password", MariaDb.PASSWORD,
                    "billing.sources[0].name", "edge",
                    "billing.sources[0].url", source,
                    "billing.sources[0].username", MariaDb.USER,
                    "billing.sources[0].password", MariaDb.PASSWORD,
                    "billing.sources[0].time-zone", "America/Bogota");
        }
        return properties;
    }

    @Autowired
    JobRunner runner;

    @Autowired
    JobRequestStore requests;

    @Autowired
    JdbcTemplate warehouse;

    @AfterAll
    static void stopOtherNodes() {
        OTHER_NODES.forEach(ConfigurableApplicationContext::close);
    }

    /** Runs both at the same instant; returns what each got: a started run or the refusal. */
    private static List<Object> atOnce(JobRunner first, JobRunner second, Requester a, Requester b) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Object> one = pool.submit(() -> request(first, a, barrier));
            Future<Object> two = pool.submit(() -> request(second, b, barrier));
            return List.of(one.get(), two.get());
        } finally {
            pool.shutdown();
        }
    }

    private static Object request(JobRunner runner, Requester requester, CyclicBarrier barrier) throws Exception {
        barrier.await();
        try {
            return runner.startSync(List.of("edge"), OCTOBER, requester);
        } catch (SyncBusyException e) {
            return e;
        }
    }

    private void assertOneRanAndOneWasRefused(List<Object> outcomes) {
        List<JobRunner.Started> started = outcomes.stream().filter(JobRunner.Started.class::isInstance)
                .map(JobRunner.Started.class::cast).toList();
        List<SyncBusyException> refused = outcomes.stream().filter(SyncBusyException.class::isInstance)
                .map(SyncBusyException.class::cast).toList();
        assertThat(started).as(outcomes.toString()).hasSize(1);
        assertThat(refused).hasSize(1);
        JobRunner.Started run = started.get(0);
        assertThat(refused.get(0).getMessage()).startsWith("source 'edge' is already being synced by ")
                .containsAnyOf("job execution " + run.jobExecutionId(), "job request " + run.requestId());
        assertThat(run.await().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(requests.find(refused.get(0).refusedRequestId()).orElseThrow().status())
                .isEqualTo(JobRequestStore.Status.REFUSED);
        assertThat(warehouse.queryForObject("SELECT COUNT(*) FROM sync_lock", Integer.class)).isZero();
    }

    @Test
    void twoRequestsAtOnceOnOneNodeRunOneAndRefuseTheOther() throws Exception {
        // when the API and the CLI ask for the same source at the same moment
        List<Object> outcomes = atOnce(runner, runner, Requester.api("otto"), new Requester(Requester.Trigger.CLI, "ops"));

        // then
        assertOneRanAndOneWasRefused(outcomes);
    }

    @Test
    void twoServiceInstancesOnOneWarehouseRunOneAndRefuseTheOther() throws Exception {
        // given a second service instance on the same MariaDB warehouse
        List<String> args = new ArrayList<>(List.of("--billing.sync.max-days-per-pass=1",
                "--logging.level.com.contactcenter.billing=WARN"));
        properties().forEach((k, v) -> args.add("--" + k + "=" + v));
        ConfigurableApplicationContext nodeB = new SpringApplicationBuilder(BillingApplication.class)
                .web(WebApplicationType.NONE).run(args.toArray(String[]::new));
        OTHER_NODES.add(nodeB);

        // when each instance is asked for the same source at the same moment
        List<Object> outcomes = atOnce(runner, nodeB.getBean(JobRunner.class), Requester.schedule("nightly-sync"),
                Requester.api("ada"));

        // then
        assertOneRanAndOneWasRefused(outcomes);

        // and once it is done, the other instance may sync it
        SyncOutcome after = nodeB.getBean(JobRunner.class).sync(List.of("edge"), OCTOBER, Requester.api("ada"));
        assertThat(after.succeeded()).as(after.failureSummary()).isTrue();
    }

    @Test
    void theLockOfACrashedHolderIsTakenOverOnceItExpires() {
        // given a holder that stopped renewing its lock a while ago (its process died)
        long dead = requests.create("usageSyncJob", Requester.api("ghost"), List.of("edge"), OCTOBER.from(),
                OCTOBER.to(), null);
        warehouse.update("INSERT INTO sync_lock (source, job_request_id, holder, acquired_at, heartbeat_at, expires_at)"
                + " VALUES ('edge', ?, 'dead-node:1', '2020-01-01 00:00:00', '2020-01-01 00:00:00', '2020-01-01 00:02:00')",
                dead);

        // when the source is asked for again
        SyncOutcome outcome = runner.sync(List.of("edge"), OCTOBER, Requester.api("ada"));

        // then it runs, and the dead request is marked failed
        assertThat(outcome.succeeded()).as(outcome.failureSummary()).isTrue();
        assertThat(requests.find(dead).orElseThrow().status()).isEqualTo(JobRequestStore.Status.FAILED);
    }
}
