package com.contactcenter.billing.sync;

import static com.contactcenter.billing.support.EdgeTenantFixture.AS_OF;
import static com.contactcenter.billing.support.EdgeTenantFixture.EXPECTED_OCTOBER_BY_MONTH;
import static com.contactcenter.billing.support.EdgeTenantFixture.OCTOBER_FIRST;
import static com.contactcenter.billing.support.EdgeTenantFixture.OCTOBER_LAST;
import static com.contactcenter.billing.support.EdgeTenantFixture.SYNC_FROM;
import static com.contactcenter.billing.support.EdgeTenantFixture.SYNC_TO;
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
import com.contactcenter.billing.support.SourceDatabases;
import com.contactcenter.billing.sync.SyncService.SourceOutcome;
import com.contactcenter.billing.sync.SyncService.SyncOutcome;
import com.contactcenter.billing.usage.GroupBy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** One source down must not stop the others, and must say which one and where, never its password. */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:wh_unreachable;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "spring.datasource.username=sa",
            "spring.datasource.password=",
            FixedClock.PROPERTY + "=" + AS_OF,
            "billing.sources[0].name=good",
            "billing.sources[0].url=jdbc:h2:mem:good_src;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "billing.sources[0].username=sa",
            "billing.sources[0].time-zone=America/Bogota",
            "billing.sources[1].name=down",
            "billing.sources[1].url=jdbc:mysql://127.0.0.1:1/nowhere",
            "billing.sources[1].username=billing_ro",
            "billing.sources[1].password=" + UnreachableSourceTest.PASSWORD,
            "billing.sources[1].time-zone=America/Bogota",
            "billing.sources[1].connect-timeout=250ms",
            "billing.sync.retry.attempts=3",
            "billing.sync.retry.initial-delay=10ms",
            "logging.level.com.contactcenter.billing=WARN"
        })
@TestPropertySource(locations = EdgeTenantFixture.PRICING)
@Import(FixedClock.class)
@ExtendWith(OutputCaptureExtension.class)
class UnreachableSourceTest {

    static final String PASSWORD = "s3cr3t-pw";

    @Autowired
    JobRunner sync;

    @Autowired
    SnapshotService snapshots;

    @Autowired
    JdbcTemplate warehouse;

    @BeforeAll
    static void loadGoodSource() {
        SourceDatabases.loadH2("good_src", EdgeTenantFixture.SQL);
    }

    @Test
    void anUnreachableSourceFailsTheSyncNamingItsHostWhileTheOtherSourceIsFullySynced(CapturedOutput output) {
        // when
        SyncOutcome outcome = sync.sync(List.of("good", "down"), new SyncWindow(SYNC_FROM, SYNC_TO), Requester.cli());

        // then the sync as a whole failed, because of down only
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.sources())
                .extracting(SourceOutcome::source, SourceOutcome::succeeded)
                .containsExactlyInAnyOrder(tuple("good", true), tuple("down", false));
        SourceOutcome good = outcome.sources().stream()
                .filter(s -> s.source().equals("good"))
                .findFirst()
                .orElseThrow();
        SourceOutcome down = outcome.sources().stream()
                .filter(s -> s.source().equals("down"))
                .findFirst()
                .orElseThrow();
        assertThat(List.of(good.daysDone(), good.rowsRead(), good.error() == null))
                .containsExactly(33, 43L, true);
        assertThat(down.error()).contains("'down'", "127.0.0.1:1").doesNotContain(PASSWORD);
        assertThat(outcome.failureSummary())
                .contains("'down'", "127.0.0.1:1")
                .doesNotContain(PASSWORD)
                .doesNotContain("'good'");

        // and the sync runs say so
        List<Map<String, Object>> runs =
                warehouse.queryForList("SELECT source, status, days_done, error_message FROM sync_run ORDER BY source");
        assertThat(runs)
                .extracting(r -> r.get("source") + " " + r.get("status") + " " + r.get("days_done"))
                .containsExactly("down FAILED 0", "good COMPLETED 33");
        assertThat((String) runs.get(0).get("error_message"))
                .contains("'down'", "127.0.0.1:1")
                .doesNotContain(PASSWORD);
        assertThat(runs.get(1).get("error_message")).isNull();

        // and the password is nowhere: not in the job repository, not in the log
        assertThat(warehouse.queryForObject(
                        "SELECT COUNT(*) FROM batch_step_execution WHERE exit_message LIKE ?",
                        Long.class,
                        "%" + PASSWORD + "%"))
                .isZero();
        assertThat(warehouse.queryForObject(
                        "SELECT COUNT(*) FROM batch_job_execution WHERE exit_message LIKE ?",
                        Long.class,
                        "%" + PASSWORD + "%"))
                .isZero();
        assertThat(warehouse.queryForObject(
                        "SELECT COUNT(*) FROM batch_step_execution WHERE exit_message LIKE ?",
                        Long.class,
                        "%127.0.0.1:1%"))
                .as("the failed step records why")
                .isPositive();
        assertThat(output.getAll()).contains("127.0.0.1:1").doesNotContain(PASSWORD);

        // and it was tried three times, with a growing delay, before it failed
        assertThat(output.getAll())
                .contains("down: attempt 1 of 3 failed, trying again in 10 ms")
                .contains("down: attempt 2 of 3 failed, trying again in 20 ms")
                .doesNotContain("attempt 3 of 3");

        // and good's October is complete
        Snapshot snapshot = snapshots.compute("good", OCTOBER_FIRST, OCTOBER_LAST, GroupBy.MONTH);
        assertThat(without(SnapshotService.json(snapshot), "source", "snapshot", "forecast"))
                .isEqualTo(without(ExportJson.resource(EXPECTED_OCTOBER_BY_MONTH), "source"));
    }
}
