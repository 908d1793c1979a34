package com.contactcenter.billing.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.contactcenter.billing.BillingApplication;
import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.MariaDb;
import com.contactcenter.billing.sync.SyncService.SyncOutcome;
import com.contactcenter.billing.sync.SyncWindow;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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
@SpringBootTest(properties = {"billing.sync.max-days-per-pass=1", "logging.level.com.contactcenter.billing=WARN"})
class SyncLockMariaDbIT {

    private static final SyncWindow OCTOBER =
            new SyncWindow(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31"));
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
                    "spring.datasource.url",
                    warehouse,
                    "spring.datasource.username",
                    MariaDb.USER,
                    "spring.datasource.password",
                    MariaDb.PASSWORD,
                    "billing.sources[0].name",
                    "edge",
                    "billing.sources[0].url",
                    source,
                    "billing.sources[0].username",
                    MariaDb.USER,
                    "billing.sources[0].password",
                    MariaDb.PASSWORD,
                    "billing.sources[0].time-zone",
                    "America/Bogota");
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
            return runner.startSync("edge", OCTOBER, requester);
        } catch (SyncBusyException e) {
            return e;
        }
    }

    private void assertOneRanAndOneWasRefused(List<Object> outcomes) {
        List<JobRunner.Started> started = outcomes.stream()
                .filter(JobRunner.Started.class::isInstance)
                .map(JobRunner.Started.class::cast)
                .toList();
        List<SyncBusyException> refused = outcomes.stream()
                .filter(SyncBusyException.class::isInstance)
                .map(SyncBusyException.class::cast)
                .toList();
        assertThat(started).as(outcomes.toString()).hasSize(1);
        assertThat(refused).hasSize(1);
        JobRunner.Started run = started.get(0);
        assertThat(refused.get(0).getMessage())
                .startsWith("source 'edge' is already being synced by ")
                .containsAnyOf("job execution " + run.jobExecutionId(), "another request for the same days");
        assertThat(run.await().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        // the refused request is recorded as such, beside the one that ran
        assertThat(warehouse.queryForObject(
                        "SELECT COUNT(*) FROM job_request WHERE status = 'REFUSED' AND id <> ?" + " AND id > ? - 2",
                        Integer.class,
                        run.requestId(),
                        run.requestId()))
                .isEqualTo(1);
        assertThat(warehouse.queryForObject("SELECT COUNT(*) FROM sync_lock", Integer.class))
                .isZero();
    }

    @Test
    void twoRequestsAtOnceOnOneNodeRunOneAndRefuseTheOther() throws Exception {
        // when the API and the CLI ask for the same source at the same moment
        List<Object> outcomes =
                atOnce(runner, runner, Requester.api("otto"), new Requester(Requester.Trigger.CLI, "ops"));

        // then
        assertOneRanAndOneWasRefused(outcomes);
    }

    @Test
    void twoServiceInstancesOnOneWarehouseRunOneAndRefuseTheOther() throws Exception {
        // given a second service instance on the same MariaDB warehouse
        List<String> args = new ArrayList<>(
                List.of("--billing.sync.max-days-per-pass=1", "--logging.level.com.contactcenter.billing=WARN"));
        properties().forEach((k, v) -> args.add("--" + k + "=" + v));
        ConfigurableApplicationContext nodeB = new SpringApplicationBuilder(BillingApplication.class)
                .web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new));
        OTHER_NODES.add(nodeB);

        // when each instance is asked for the same source at the same moment
        List<Object> outcomes = atOnce(
                runner, nodeB.getBean(JobRunner.class), Requester.schedule("nightly-sync"), Requester.api("ada"));

        // then
        assertOneRanAndOneWasRefused(outcomes);

        // and once it is done, the other instance may sync it
        SyncOutcome after = nodeB.getBean(JobRunner.class).sync(List.of("edge"), OCTOBER, Requester.api("ada"));
        assertThat(after.succeeded()).as(after.failureSummary()).isTrue();
    }

    @Test
    void theLockOfACrashedHolderIsTakenOverOnceItExpires() {
        // given a holder on another host that stopped renewing its lock a while ago (its process died)
        warehouse.update("INSERT INTO sync_lock (source, job_execution_id, holder, acquired_at, heartbeat_at,"
                + " expires_at) VALUES ('edge', 999999, 'dead-node:1', '2020-01-01 00:00:00', '2020-01-01 00:00:00',"
                + " '2020-01-01 00:02:00')");

        // when the source is asked for again
        SyncOutcome outcome = runner.sync(List.of("edge"), OCTOBER, Requester.api("ada"));

        // then it runs, and the dead holder's row is gone
        assertThat(outcome.succeeded()).as(outcome.failureSummary()).isTrue();
        assertThat(warehouse.queryForObject("SELECT COUNT(*) FROM sync_lock", Integer.class))
                .isZero();
    }

    @Test
    void theLockOfAHolderWhoseProcessIsGoneFromThisHostIsTakenOverAtOnce() throws Exception {
        // given a holder on this host whose lease runs for an hour more, but whose process has exited
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        String host = java.net.InetAddress.getLocalHost().getHostName();
        warehouse.update(
                "INSERT INTO sync_lock (source, job_execution_id, holder, acquired_at, heartbeat_at,"
                        + " expires_at) VALUES ('edge', 999998, ?, ?, ?, ?)",
                host + ":" + exited.pid(),
                java.time.LocalDateTime.now(java.time.ZoneOffset.UTC),
                java.time.LocalDateTime.now(java.time.ZoneOffset.UTC),
                java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).plusHours(1));

        // when the same source is asked for at once
        long started = System.nanoTime();
        JobRunner.Started run = runner.startSync("edge", OCTOBER, Requester.cli());

        // then it starts at once (no wait for the lease) and completes
        assertThat(run.await().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat((System.nanoTime() - started) / 1_000_000_000L).isLessThan(60);
        assertThat(warehouse.queryForObject("SELECT COUNT(*) FROM sync_lock", Integer.class))
                .isZero();
    }

    @Test
    void theLockOfAHolderWhoseNodeLeftTheClusterIsTakenOverAtOnce() throws Exception {
        // given a holder on another host, its lease running for an hour more, whose node's Quartz
        // instance no longer checks in to the cluster (no row in the cluster's check-in table)
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        warehouse.update(
                "INSERT INTO sync_lock (source, job_execution_id, holder, scheduler_instance, acquired_at,"
                        + " heartbeat_at, expires_at) VALUES ('edge', 999996, 'other-host:4242', 'gone-node-1', ?, ?, ?)",
                now,
                now,
                now.plusHours(1));

        // when the same source is asked for at once
        JobRunner.Started run = runner.startSync("edge", OCTOBER, Requester.cli());

        // then it starts without waiting for the lease, and completes
        assertThat(run.await().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(warehouse.queryForObject("SELECT COUNT(*) FROM sync_lock", Integer.class))
                .isZero();
    }

    @Test
    void aHolderOnAnotherHostWhoseNodeStillChecksInIsRefused() throws Exception {
        // given a holder on another host whose node checked in to the cluster a moment ago
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        warehouse.update(
                "INSERT INTO QRTZ_SCHEDULER_STATE (SCHED_NAME, INSTANCE_NAME, LAST_CHECKIN_TIME, CHECKIN_INTERVAL)"
                        + " VALUES (?, 'live-node-1', ?, 7500)",
                WorkScheduler.NAME,
                System.currentTimeMillis());
        warehouse.update(
                "INSERT INTO sync_lock (source, job_execution_id, holder, scheduler_instance, acquired_at,"
                        + " heartbeat_at, expires_at) VALUES ('edge', 999995, 'other-host:4243', 'live-node-1', ?, ?,"
                        + " '2099-01-01 00:00:00')",
                now,
                now);
        try {
            // when the source is asked for
            // then it is refused: the holder may well be working, and its lease says until when
            assertThatThrownBy(() -> runner.startSync("edge", OCTOBER, Requester.cli()))
                    .isInstanceOf(SyncBusyException.class)
                    .hasMessageStartingWith("source 'edge' is already being synced by job execution 999995")
                    .hasMessageContaining("its lock expires at 2099-01-01T00:00:00Z");
        } finally {
            warehouse.update("DELETE FROM sync_lock WHERE source = 'edge'");
            warehouse.update("DELETE FROM QRTZ_SCHEDULER_STATE WHERE INSTANCE_NAME = 'live-node-1'");
        }
    }

    @Test
    void aLiveHolderIsRefusedWithWhenItsLeaseWouldExpire() throws Exception {
        // given a live holder: this very process, renewing
        warehouse.update(
                "INSERT INTO sync_lock (source, job_execution_id, holder, acquired_at, heartbeat_at,"
                        + " expires_at) VALUES ('edge', 999997, ?, ?, ?, '2099-01-01 00:00:00')",
                java.net.InetAddress.getLocalHost().getHostName() + ":"
                        + ProcessHandle.current().pid(),
                java.time.LocalDateTime.now(java.time.ZoneOffset.UTC),
                java.time.LocalDateTime.now(java.time.ZoneOffset.UTC));
        try {
            // when the source is asked for
            // then the refusal names the holder and when its lease expires should it have died
            assertThatThrownBy(() -> runner.startSync("edge", OCTOBER, Requester.cli()))
                    .isInstanceOf(SyncBusyException.class)
                    .hasMessageStartingWith("source 'edge' is already being synced by job execution 999997")
                    .hasMessageContaining("its lock expires at 2099-01-01T00:00:00Z");
        } finally {
            warehouse.update("DELETE FROM sync_lock WHERE source = 'edge'");
        }
    }
}
