package com.contactcenter.billing.source;

import static com.contactcenter.billing.support.EdgeTenantFixture.AS_OF;
import static com.contactcenter.billing.support.EdgeTenantFixture.OCTOBER_FIRST;
import static com.contactcenter.billing.support.EdgeTenantFixture.OCTOBER_LAST;
import static com.contactcenter.billing.support.EdgeTenantFixture.SYNC_FROM;
import static com.contactcenter.billing.support.EdgeTenantFixture.SYNC_TO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.ops.Requester;
import com.contactcenter.billing.snapshot.SnapshotService;
import com.contactcenter.billing.source.SourceRegistry.ReloadResult;
import com.contactcenter.billing.source.SourceRegistry.SkippedRow;
import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.FixedClock;
import com.contactcenter.billing.support.MariaDb;
import com.contactcenter.billing.support.SourceDatabases;
import com.contactcenter.billing.sync.SyncService;
import com.contactcenter.billing.sync.SyncService.SourceOutcome;
import com.contactcenter.billing.sync.SyncWindow;
import com.contactcenter.billing.usage.GroupBy;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The tenant directory in a MariaDB control database ({@code dir_control}), read through an account
 * that may only SELECT ({@code dir_ro}), listing three tenant databases on the same server ({@code
 * dir_t1..3}, the edge fixture) behind the shared account ({@code dir_src}; t3's row names its own,
 * {@code dir_own}, with the shared password), beside a YAML source. The directory tenants sync
 * through the ordinary sync; a reload then follows the rows added, removed and malformed.
 */
@ExtendWith({MariaDb.class, OutputCaptureExtension.class})
@SpringBootTest(
        properties = {
            FixedClock.PROPERTY + "=" + AS_OF,
            "billing.schedule.enabled=false",
            "logging.level.com.contactcenter.billing=INFO"
        })
@TestPropertySource(locations = EdgeTenantFixture.PRICING)
@Import(FixedClock.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TenantDirectoryMariaDbIT {

    private static final String DIRECTORY_PASSWORD = "dirRo-s3cr3t-1";
    private static final String SOURCE_PASSWORD = "dirSrc-s3cr3t-1";
    private static final List<String> USERS = List.of("dir_ro", "dir_src", "dir_own");

    /** The rows come back only when the session is read-only: proof that the directory is read so. */
    private static final String QUERY =
            "SELECT name, url, time_zone, username FROM tenants" + " WHERE @@session.tx_read_only = 1 ORDER BY id";

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        String warehouse = MariaDb.recreateWarehouse("dir_wh");
        for (String tenant : List.of("dir_t1", "dir_t2", "dir_t3")) {
            MariaDb.loadSource(tenant, EdgeTenantFixture.SQL);
        }
        MariaDb.recreate("dir_control");
        dropUsers();
        SourceDatabases.execute(
                MariaDb.dataSource("dir_control"),
                List.of(
                        "CREATE TABLE tenants (id INT PRIMARY KEY, name VARCHAR(80), url VARCHAR(300), time_zone VARCHAR(60),"
                                + " username VARCHAR(60))",
                        row(1, "t1", MariaDb.url("dir_t1"), "America/Bogota", null),
                        row(2, "t2", MariaDb.url("dir_t2"), "America/Bogota", null),
                        row(3, "t3", MariaDb.url("dir_t3"), "America/Bogota", "dir_own"),
                        row(4, "a b", MariaDb.url("dir_t1"), "America/Bogota", null),
                        row(5, "mars", MariaDb.url("dir_t1"), "Mars/Olympus", null),
                        "CREATE USER 'dir_ro'@'%' IDENTIFIED BY '" + DIRECTORY_PASSWORD + "'",
                        "GRANT SELECT ON dir_control.* TO 'dir_ro'@'%'",
                        "CREATE USER 'dir_src'@'%' IDENTIFIED BY '" + SOURCE_PASSWORD + "'",
                        "GRANT SELECT ON dir_t1.* TO 'dir_src'@'%'",
                        "GRANT SELECT ON dir_t2.* TO 'dir_src'@'%'",
                        "CREATE USER 'dir_own'@'%' IDENTIFIED BY '" + SOURCE_PASSWORD + "'",
                        "GRANT SELECT ON dir_t3.* TO 'dir_own'@'%'"));

        registry.add("spring.datasource.url", () -> warehouse);
        registry.add("spring.datasource.username", () -> MariaDb.USER);
        registry.add("spring.datasource.password", () -> MariaDb.PASSWORD);
        registry.add("billing.sources[0].name", () -> "yaml-edge");
        registry.add("billing.sources[0].url", () -> MariaDb.url("dir_t1"));
        registry.add("billing.sources[0].username", () -> MariaDb.USER);
        registry.add("billing.sources[0].password", () -> MariaDb.PASSWORD);
        registry.add("billing.directory.url", () -> MariaDb.url("dir_control"));
        registry.add("billing.directory.username", () -> "dir_ro");
        registry.add("billing.directory.password", () -> DIRECTORY_PASSWORD);
        registry.add("billing.directory.query", () -> QUERY);
        registry.add("billing.directory.source-username", () -> "dir_src");
        registry.add("billing.directory.source-password", () -> SOURCE_PASSWORD);
    }

    private static String row(int id, String name, String url, String zone, String username) {
        return "INSERT INTO tenants VALUES (" + id + ", '" + name + "', '" + url + "', '" + zone + "', "
                + (username == null ? "NULL" : "'" + username + "'") + ")";
    }

    private static DataSource server() {
        return new DriverManagerDataSource(
                "jdbc:mysql://" + MariaDb.HOST + ":" + MariaDb.PORT + "/?useSSL=false&allowPublicKeyRetrieval=true",
                MariaDb.USER,
                MariaDb.PASSWORD);
    }

    @AfterAll
    static void dropUsers() {
        SourceDatabases.execute(
                server(),
                USERS.stream().map(u -> "DROP USER IF EXISTS '" + u + "'@'%'").toList());
    }

    @Autowired
    SourceRegistry sources;

    @Autowired
    JobRunner sync;

    @Autowired
    SnapshotService snapshots;

    @Autowired
    JdbcTemplate warehouse;

    @Test
    @Order(1)
    void theDirectoryIsReadAtStartThroughItsReadOnlyAccountInAReadOnlySession() {
        assertThat(sources.tenants())
                .extracting(t -> t.name() + " " + t.origin())
                .containsExactly("yaml-edge yaml", "t1 directory", "t2 directory", "t3 directory");
        assertThat(sources.skippedRows())
                .containsExactly(
                        new SkippedRow(4, "a b", "name must be 1-60 letters, digits, '.', '_' or '-'"),
                        new SkippedRow(
                                5, "mars", "time_zone 'Mars/Olympus' is not a time zone (IANA, e.g. America/Bogota)"));
        assertThat(sources.require("t1").username()).isEqualTo("dir_src");
        assertThat(sources.require("t3").username()).isEqualTo("dir_own");
        // the directory's account could not write even if the service tried
        JdbcTemplate directory =
                new JdbcTemplate(new DriverManagerDataSource(MariaDb.url("dir_control"), "dir_ro", DIRECTORY_PASSWORD));
        assertThatThrownBy(() -> directory.update("DELETE FROM tenants"))
                .rootCause()
                .hasMessageStartingWith("DELETE command denied to user 'dir_ro'");
    }

    @Test
    @Order(2)
    void theDirectoryTenantsSyncThroughTheSharedAccountEachSucceeding() {
        // when
        SyncService.SyncOutcome outcome =
                sync.sync(List.of("t1", "t2", "t3"), new SyncWindow(SYNC_FROM, SYNC_TO), Requester.cli());

        // then
        assertThat(outcome.succeeded()).as(outcome.failureSummary()).isTrue();
        assertThat(outcome.sources())
                .extracting(SourceOutcome::source, SourceOutcome::succeeded, SourceOutcome::daysDone)
                .containsExactlyInAnyOrder(
                        org.assertj.core.api.Assertions.tuple("t1", true, 33),
                        org.assertj.core.api.Assertions.tuple("t2", true, 33),
                        org.assertj.core.api.Assertions.tuple("t3", true, 33));
        for (String tenant : List.of("t1", "t2", "t3")) {
            assertThat(SnapshotService.json(snapshots.compute(tenant, OCTOBER_FIRST, OCTOBER_LAST, GroupBy.MONTH))
                            .at("/estimate/total")
                            .asString())
                    .as(tenant)
                    .isEqualTo("572392.50");
        }
    }

    @Test
    @Order(3)
    void aReloadFollowsTheRowsAddedRemovedAndMalformedAndKeepsTheWarehouseData(CapturedOutput output) {
        // given t2 leaves, t4 arrives, t3 gets a bad zone, and a YAML name and a row without url appear
        SourceDatabases.execute(
                MariaDb.dataSource("dir_control"),
                List.of(
                        "DELETE FROM tenants WHERE name IN ('t2', 'a b', 'mars')",
                        "UPDATE tenants SET time_zone = 'Mars/Olympus' WHERE name = 't3'",
                        row(6, "t4", MariaDb.url("dir_t2"), "America/Lima", null),
                        row(7, "yaml-edge", MariaDb.url("dir_t2"), "America/Bogota", null),
                        "INSERT INTO tenants (id, name, time_zone) VALUES (8, 'no-url', 'UTC')"));
        long t2Runs = warehouse.queryForObject("SELECT COUNT(*) FROM sync_run WHERE source = 't2'", Long.class);

        // when
        ReloadResult result = sources.reload();

        // then
        assertThat(result.added()).containsExactly("t4");
        assertThat(result.removed()).containsExactly("t2", "t3");
        assertThat(result.changed()).isEmpty();
        assertThat(result.skipped())
                .containsExactly(
                        new SkippedRow(
                                2, "t3", "time_zone 'Mars/Olympus' is not a time zone (IANA, e.g. America/Bogota)"),
                        new SkippedRow(4, "yaml-edge", "a source in billing.sources has that name"),
                        new SkippedRow(5, "no-url", "no url"));
        assertThat(result.directoryError()).isNull();
        assertThat(sources.names()).containsExactly("yaml-edge", "t1", "t4");
        assertThat(sources.require("yaml-edge").username()).isEqualTo(MariaDb.USER);
        // the tenants gone are no longer synced, but what was synced of them stays
        assertThat(warehouse.queryForObject("SELECT COUNT(*) FROM sync_run WHERE source = 't2'", Long.class))
                .isEqualTo(t2Runs)
                .isPositive();
        assertThat(warehouse.queryForObject("SELECT COUNT(*) FROM wh_user WHERE source = 't2'", Long.class))
                .isPositive();
        assertThat(sync.sync(List.of("t4"), new SyncWindow(SYNC_FROM, SYNC_TO), Requester.cli())
                        .succeeded())
                .isTrue();
        assertThat(output.getAll())
                .contains("directory row 2 ('t3') skipped: time_zone 'Mars/Olympus'")
                .doesNotContain(DIRECTORY_PASSWORD)
                .doesNotContain(SOURCE_PASSWORD);
    }

    @Test
    @Order(4)
    void aDirectoryWhoseAccountIsGoneIsReportedWithItsHostAndKeepsItsTenants(CapturedOutput output) {
        // given
        List<String> before = sources.names();
        SourceDatabases.execute(server(), List.of("DROP USER IF EXISTS 'dir_ro'@'%'"));

        // when
        ReloadResult result = sources.reload();

        // then
        assertThat(result.directoryError())
                .startsWith("tenant directory at " + MariaDb.HOST + ":" + MariaDb.PORT + " could not be read: ")
                .contains("dir_ro");
        assertThat(sources.names()).isEqualTo(before);
        assertThat(result.removed()).isEmpty();
        assertThat(output.getAll())
                .contains("WARN")
                .contains("tenant directory at " + MariaDb.HOST + ":" + MariaDb.PORT)
                .doesNotContain(DIRECTORY_PASSWORD)
                .doesNotContain(SOURCE_PASSWORD);
    }
}
