package com.contactcenter.billing.ops;

import static com.contactcenter.billing.support.EdgeTenantFixture.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.FixedClock;
import com.contactcenter.billing.support.SourceDatabases;
import com.contactcenter.billing.support.UnplugSource;
import com.contactcenter.billing.sync.SyncService;
import com.contactcenter.billing.sync.SyncService.SyncOutcome;
import com.contactcenter.billing.sync.SyncWindow;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** Recovery of crashed executions and the restart of the same work asked again. */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:wh_runner;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "spring.datasource.username=sa",
            "spring.datasource.password=",
            FixedClock.PROPERTY + "=" + AS_OF,
            "billing.sync.max-days-per-pass=1",
            "billing.sources[0].name=edge-again",
            "billing.sources[0].url=jdbc:h2:mem:runner_again_src;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "billing.sources[0].username=sa",
            "billing.sources[0].time-zone=America/Bogota",
            "billing.sources[1].name=edge-clean",
            "billing.sources[1].url=jdbc:h2:mem:runner_clean_src;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "billing.sources[1].username=sa",
            "billing.sources[1].time-zone=America/Bogota",
            "billing.sources[2].name=edge-orphan",
            "billing.sources[2].url=jdbc:h2:mem:runner_orphan_src;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "billing.sources[2].username=sa",
            "billing.sources[2].time-zone=America/Bogota",
            "billing.sources[3].name=edge-starting",
            "billing.sources[3].url=jdbc:h2:mem:runner_starting_src;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "billing.sources[3].username=sa",
            "billing.sources[3].time-zone=America/Bogota",
            "logging.level.com.contactcenter.billing=ERROR"
        })
@TestPropertySource(locations = EdgeTenantFixture.PRICING)
@Import(FixedClock.class)
class JobRunnerTest {

    private static final SyncWindow WINDOW = new SyncWindow(EdgeTenantFixture.SYNC_FROM, EdgeTenantFixture.SYNC_TO);

    @Autowired
    JobRunner runner;

    @Autowired
    JobRepository jobRepository;

    @Autowired
    JobRequestStore requests;

    @Autowired
    JdbcTemplate warehouse;

    @Test
    void theSameWorkAskedAgainAfterAFailureRestartsTheFailedRunAndGivesTheCleanRunsFigures() {
        // given a sync whose source goes away after Oct 14 is written
        SourceDatabases.loadH2("runner_again_src", EdgeTenantFixture.SQL);
        SourceDatabases.loadH2("runner_clean_src", EdgeTenantFixture.SQL);
        UnplugSource.after(warehouse, "edge-again", LocalDate.parse("2026-10-14"), "runner_again_src");
        SyncOutcome failed = runner.sync(List.of("edge-again"), WINDOW, Requester.api("ada"));
        assertThat(failed.succeeded()).isFalse();
        UnplugSource.plugBackIn("edge-again");

        // when the same sources and days are asked for again
        JobRunner.Started again = runner.startSync("edge-again", WINDOW, Requester.cli());
        JobExecution done = again.await();

        // then the failed execution was restarted (same instance) and finished the remaining days
        assertThat(done.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(done.getJobInstance().getInstanceId())
                .isEqualTo(jobRepository
                        .getJobExecution(failed.sources().get(0).jobExecutionId())
                        .getJobInstance()
                        .getInstanceId());
        assertThat(requests.tenant(again.requestId(), "edge-again")
                        .orElseThrow()
                        .revision())
                .isZero();
        SyncOutcome outcome = runner.outcome(again.requestId());
        assertThat(outcome.sources()).singleElement().satisfies(o -> {
            assertThat(o.daysDone()).isEqualTo(33);
            assertThat(o.rowsRead()).isEqualTo(43);
        });

        // and its facts are an uninterrupted sync's
        assertThat(runner.sync(List.of("edge-clean"), WINDOW, Requester.cli()).succeeded())
                .isTrue();
        for (String table : List.of("fact_service_day", "fact_user_day", "fact_finding_day")) {
            assertThat(facts(table, "edge-again")).as(table).isNotEmpty().isEqualTo(facts(table, "edge-clean"));
        }
    }

    @Test
    void executionsLeftRunningWithoutALiveLockAreRecoveredWhenTheServiceStarts() {
        // given an execution a crash left STARTED a minute ago, its lock gone; one whose holder is
        // alive; and one another node created a moment ago, about to take its lock
        JobExecution orphan = startedExecution("orphan");
        warehouse.update(
                "UPDATE batch_job_execution SET last_updated = ? WHERE job_execution_id = ?",
                LocalDateTime.now().minusMinutes(1),
                orphan.getId());
        JobExecution alive = startedExecution("alive");
        JobExecution starting = startedExecution("starting");
        warehouse.update(
                "INSERT INTO sync_lock (source, job_execution_id, holder, acquired_at,"
                        + " heartbeat_at, expires_at) VALUES ('x-alive', ?, 'other:1', '2026-11-01 02:59:00',"
                        + " '2026-11-01 02:59:00', '2999-01-01 00:00:00')",
                alive.getId());
        try {
            // when
            List<Long> recovered = runner.recoverAbandoned();

            // then
            assertThat(recovered).contains(orphan.getId()).doesNotContain(alive.getId(), starting.getId());
            assertThat(jobRepository.getJobExecution(starting.getId()).getStatus())
                    .isEqualTo(BatchStatus.STARTED);
            assertThat(jobRepository.getJobExecution(orphan.getId()).getStatus())
                    .isEqualTo(BatchStatus.FAILED);
            assertThat(jobRepository.getJobExecution(alive.getId()).getStatus()).isEqualTo(BatchStatus.STARTED);
        } finally {
            warehouse.update("DELETE FROM sync_lock WHERE source = 'x-alive'");
            warehouse.update(
                    "UPDATE batch_job_execution SET last_updated = ? WHERE job_execution_id IN (?, ?)",
                    LocalDateTime.now().minusMinutes(1),
                    alive.getId(),
                    starting.getId());
            runner.recoverAbandoned();
        }
    }

    @Test
    void aJobInstanceLeftWithoutAnExecutionByAKilledProcessIsPassedOverForTheNextRevision() {
        // given the instance of revision 0 of this work, left without an execution (its process was
        // killed between creating the instance and its execution)
        SourceDatabases.loadH2("runner_orphan_src", EdgeTenantFixture.SQL);
        JobInstance orphan = jobRepository.createJobInstance(
                JobRunner.SYNC_JOB, SyncService.parameters("edge-orphan", WINDOW, 0, 0));

        // when the work is asked for
        SyncOutcome outcome = runner.sync(List.of("edge-orphan"), WINDOW, Requester.cli());

        // then it runs as revision 1, in full
        assertThat(outcome.succeeded()).as(outcome.failureSummary()).isTrue();
        assertThat(outcome.sources()).singleElement().satisfies(o -> {
            assertThat(o.daysDone()).isEqualTo(33);
            assertThat(o.rowsRead()).isEqualTo(43);
        });
        JobExecution done =
                jobRepository.getJobExecution(outcome.sources().get(0).jobExecutionId());
        assertThat(SyncService.revision(done.getJobParameters())).isEqualTo(1);
        assertThat(jobRepository.getLastJobExecution(orphan)).isNull();
    }

    @Test
    void anExecutionJustCreatedByAnotherRequestIsNotTakenForADeadOneUntilItsGracePasses() {
        // given the work's execution, created a moment ago by another request that has not yet
        // taken the source's lock (its run begins a moment later)
        SourceDatabases.loadH2("runner_starting_src", EdgeTenantFixture.SQL);
        var params = SyncService.parameters("edge-starting", WINDOW, 0, 0);
        JobInstance instance = jobRepository.createJobInstance(JobRunner.SYNC_JOB, params);
        JobExecution starting = jobRepository.createJobExecution(instance, params, new ExecutionContext());

        // when the same work is asked for, then it is refused, naming that execution
        assertThatThrownBy(() -> runner.startSync("edge-starting", WINDOW, Requester.cli()))
                .isInstanceOf(SyncBusyException.class)
                .hasMessage("source 'edge-starting' is already being synced by job execution " + starting.getId()
                        + ", which another request has just started: try again when it has finished");
        assertThat(jobRepository.getJobExecution(starting.getId()).getStatus()).isEqualTo(BatchStatus.STARTING);

        // and once it has stayed untouched past the grace (its process died before it began),
        // it is recovered and the same instance is restarted, in full
        warehouse.update(
                "UPDATE batch_job_execution SET create_time = ?, last_updated = ? WHERE job_execution_id = ?",
                LocalDateTime.now().minus(JobRunner.STARTING_GRACE).minusSeconds(1),
                LocalDateTime.now().minus(JobRunner.STARTING_GRACE).minusSeconds(1),
                starting.getId());
        SyncOutcome outcome = runner.sync(List.of("edge-starting"), WINDOW, Requester.cli());
        assertThat(outcome.succeeded()).as(outcome.failureSummary()).isTrue();
        JobExecution done =
                jobRepository.getJobExecution(outcome.sources().get(0).jobExecutionId());
        assertThat(done.getJobInstance().getInstanceId()).isEqualTo(instance.getInstanceId());
        assertThat(jobRepository.getJobExecution(starting.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(outcome.sources()).singleElement().satisfies(o -> {
            assertThat(o.daysDone()).isEqualTo(33);
            assertThat(o.rowsRead()).isEqualTo(43);
        });
    }

    private JobExecution startedExecution(String requestId) {
        var params = SyncService.parameters("x-" + requestId, WINDOW, 0, 0);
        JobInstance instance = jobRepository.createJobInstance(JobRunner.SYNC_JOB, params);
        JobExecution execution = jobRepository.createJobExecution(instance, params, new ExecutionContext());
        execution.setStatus(BatchStatus.STARTED);
        execution.setStartTime(java.time.LocalDateTime.now());
        jobRepository.update(execution);
        return execution;
    }

    private List<String> facts(String table, String source) {
        return warehouse.queryForList("SELECT * FROM " + table + " WHERE source = ?", source).stream()
                .map(row -> {
                    row.remove("source");
                    return row.toString();
                })
                .sorted()
                .toList();
    }
}
