package com.contactcenter.billing.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.source.SourceRegistry;
import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.FixedClock;
import com.contactcenter.billing.support.SourceDatabases;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The schedule's nightly and intraday runs read the tenant directory again before they start: a
 * tenant added since the last run is synced, one removed is not, a malformed row is skipped, and
 * a directory that cannot be read leaves the tenants read before; the YAML source always runs.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:wh_sched_reload;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "spring.datasource.username=sa",
            "spring.datasource.password=",
            FixedClock.PROPERTY + "=" + EdgeTenantFixture.AS_OF,
            "billing.schedule.enabled=false",
            "billing.sources[0].name=edge",
            "billing.sources[0].url=jdbc:h2:mem:sched_edge_src;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "billing.sources[0].username=sa",
            "billing.directory.url=" + ScheduledReloadTest.DIRECTORY_URL,
            "billing.directory.username=ctl",
            "billing.directory.password=ctl-pw",
            "billing.directory.query=SELECT name, url, time_zone FROM tenants ORDER BY name",
            "billing.directory.source-username=billing_ro",
            "billing.directory.source-password=src-pw",
            "logging.level.com.contactcenter.billing=WARN"
        })
@TestPropertySource(locations = EdgeTenantFixture.PRICING)
@Import(FixedClock.class)
class ScheduledReloadTest {

    static final String DIRECTORY_URL = "jdbc:h2:mem:sched_reload_control;DB_CLOSE_DELAY=-1";

    @DynamicPropertySource
    static void tenants(DynamicPropertyRegistry registry) {
        SourceDatabases.loadH2("sched_edge_src", EdgeTenantFixture.SQL);
        for (String tenant : List.of("sched_a_src", "sched_b_src", "sched_c_src")) {
            SourceDatabases.load(
                    new DriverManagerDataSource(SourceDatabases.h2Url(tenant), "billing_ro", "src-pw"),
                    EdgeTenantFixture.SQL);
        }
        directory(row("dir-a", "sched_a_src"), row("dir-b", "sched_b_src"));
    }

    private static String row(String name, String database) {
        return "'" + name + "', '" + SourceDatabases.h2Url(database) + "', 'America/Bogota'";
    }

    /** The control database's tenants table, holding exactly these rows. */
    private static void directory(String... rows) {
        DataSource control = new DriverManagerDataSource(DIRECTORY_URL, "ctl", "ctl-pw");
        SourceDatabases.execute(
                control,
                List.of(
                        "DROP TABLE IF EXISTS tenants",
                        "CREATE TABLE tenants (name VARCHAR(80), url VARCHAR(300), time_zone VARCHAR(60))"));
        for (String row : rows) {
            SourceDatabases.execute(control, List.of("INSERT INTO tenants VALUES (" + row + ")"));
        }
    }

    @Autowired
    ScheduledLaunches launches;

    @Autowired
    SourceRegistry sources;

    @Autowired
    JdbcTemplate warehouse;

    private List<String> tenantsOfNewestRequest() {
        return warehouse.queryForList(
                "SELECT source FROM job_request_tenant WHERE request_id = (SELECT MAX(id) FROM job_request)"
                        + " ORDER BY source",
                String.class);
    }

    @Test
    void eachScheduledSyncReadsTheDirectoryAgainBeforeItStarts() {
        assertThat(sources.names()).containsExactly("edge", "dir-a", "dir-b");

        // given the directory changed since the last read: dir-b left, dir-c came, one row is malformed
        directory(row("dir-a", "sched_a_src"), row("dir-c", "sched_c_src"), "'bad name!', 'jdbc:h2:mem:x', 'UTC'");

        // when the nightly sync fires
        launches.launch(ScheduledWork.NIGHTLY_SYNC, "nightly-sync", Instant.parse(EdgeTenantFixture.AS_OF));

        // then it synced the YAML source and the tenants the directory lists now, and only those
        assertThat(tenantsOfNewestRequest()).containsExactly("dir-a", "dir-c", "edge");
        assertThat(warehouse.queryForList(
                        "SELECT DISTINCT status FROM job_request_tenant WHERE request_id = (SELECT MAX(id) FROM job_request)",
                        String.class))
                .containsExactly("COMPLETED");

        // given the directory gains dir-b back
        directory(row("dir-a", "sched_a_src"), row("dir-b", "sched_b_src"), row("dir-c", "sched_c_src"));

        // when the intraday refresh fires
        launches.launch(ScheduledWork.INTRADAY_SYNC, "intraday-sync", Instant.parse(EdgeTenantFixture.AS_OF));

        // then it too read the directory first
        assertThat(tenantsOfNewestRequest()).containsExactly("dir-a", "dir-b", "dir-c", "edge");

        // given the directory cannot be read at all
        SourceDatabases.execute(
                new DriverManagerDataSource(DIRECTORY_URL, "ctl", "ctl-pw"), List.of("DROP TABLE tenants"));

        // when the nightly sync fires
        launches.launch(ScheduledWork.NIGHTLY_SYNC, "nightly-sync", Instant.parse(EdgeTenantFixture.AS_OF));

        // then the tenants read before are synced
        assertThat(tenantsOfNewestRequest()).containsExactly("dir-a", "dir-b", "dir-c", "edge");
    }
}
