package com.contactcenter.billing.sync;

import static com.contactcenter.billing.support.EdgeTenantFixture.AS_OF;
import static com.contactcenter.billing.support.EdgeTenantFixture.EXPECTED_OCTOBER_BY_MONTH;
import static com.contactcenter.billing.support.EdgeTenantFixture.OCTOBER_FIRST;
import static com.contactcenter.billing.support.EdgeTenantFixture.OCTOBER_LAST;
import static com.contactcenter.billing.support.EdgeTenantFixture.SYNC_FROM;
import static com.contactcenter.billing.support.EdgeTenantFixture.SYNC_TO;
import static com.contactcenter.billing.support.ExportJson.without;
import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.ops.Requester;
import com.contactcenter.billing.snapshot.Snapshot;
import com.contactcenter.billing.snapshot.SnapshotService;
import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.ExportJson;
import com.contactcenter.billing.support.FixedClock;
import com.contactcenter.billing.support.SourceDatabases;
import com.contactcenter.billing.sync.SyncService.SyncOutcome;
import com.contactcenter.billing.usage.GroupBy;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** A source whose server comes up only after the first attempts is retried, and then synced in full. */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:wh_brief;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "spring.datasource.username=sa",
            "spring.datasource.password=",
            FixedClock.PROPERTY + "=" + AS_OF,
            "billing.sync.retry.attempts=6",
            "billing.sync.retry.initial-delay=200ms"
        })
@TestPropertySource(locations = EdgeTenantFixture.PRICING)
@Import(FixedClock.class)
@ExtendWith(OutputCaptureExtension.class)
class BrieflyUnreachableSourceTest {

    static int port;
    static Server server;
    static final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();

    @Autowired
    JobRunner sync;

    @Autowired
    SnapshotService snapshots;

    @DynamicPropertySource
    static void source(DynamicPropertyRegistry registry) throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        // a list is bound from one property source: every element of the source goes here
        registry.add("billing.sources[0].name", () -> "brief");
        registry.add("billing.sources[0].username", () -> "sa");
        registry.add("billing.sources[0].time-zone", () -> "America/Bogota");
        registry.add("billing.sources[0].connect-timeout", () -> "250ms");
        registry.add(
                "billing.sources[0].url",
                () -> "jdbc:h2:tcp://localhost:" + port + "/mem:brief_src;MODE=MySQL;DATABASE_TO_LOWER=TRUE");
    }

    @BeforeAll
    static void loadTheSourceButDoNotServeItYet() {
        SourceDatabases.loadH2("brief_src", EdgeTenantFixture.SQL);
    }

    @AfterAll
    static void stop() {
        later.shutdownNow();
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aSourceBrieflyUnreachableIsRetriedWithBackoffAndSyncedInFull(CapturedOutput output) {
        // given the source's server starts three seconds from now (the first attempts, after the
        // request is enqueued and taken by a tenant job, find nothing; the sixth would come at 6.2 s)
        later.schedule(
                () -> {
                    server = Server.createTcpServer("-tcpPort", String.valueOf(port), "-tcpAllowOthers")
                            .start();
                    return null;
                },
                3,
                TimeUnit.SECONDS);

        // when
        SyncOutcome outcome = sync.sync(List.of("brief"), new SyncWindow(SYNC_FROM, SYNC_TO), Requester.cli());

        // then it failed first, was tried again, and synced everything
        assertThat(output.getAll()).contains("brief: attempt 1 of 6 failed, trying again in 200 ms");
        assertThat(outcome.succeeded()).as(outcome.failureSummary()).isTrue();
        assertThat(outcome.sources().get(0).daysDone()).isEqualTo(33);
        assertThat(outcome.sources().get(0).rowsRead()).isEqualTo(43L);
        Snapshot snapshot = snapshots.compute("brief", OCTOBER_FIRST, OCTOBER_LAST, GroupBy.MONTH);
        assertThat(without(SnapshotService.json(snapshot), "source", "snapshot", "forecast"))
                .isEqualTo(without(ExportJson.resource(EXPECTED_OCTOBER_BY_MONTH), "source"));
    }
}
