package com.contactcenter.billing.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.contactcenter.billing.pricing.PricingProperties;
import com.contactcenter.billing.source.SourceRegistry.ReloadResult;
import com.contactcenter.billing.source.SourceRegistry.SkippedRow;
import com.contactcenter.billing.source.SourceRegistry.Tenant;
import com.contactcenter.billing.support.SourceDatabases;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The tenant directory in an in-memory H2 control database beside one YAML source ({@code acme}):
 * rows added, removed, changed and malformed between two reloads; a directory that cannot be
 * read; the shared account; and neither password in any log line or result.
 */
@ExtendWith(OutputCaptureExtension.class)
class TenantDirectoryTest {

    static final String DIRECTORY_PASSWORD = "dir-s3cr3t-pw";
    static final String SOURCE_PASSWORD = "src-s3cr3t-pw";
    static final String DIRECTORY_URL = SourceDatabases.h2Url("dir_control");
    static final String QUERY = "SELECT name, url, time_zone, username, enabled FROM tenants ORDER BY id";
    /** No prices: the default plan only. */
    static final PricingProperties PRICING = new Binder().bindOrCreate("billing.pricing", PricingProperties.class);

    private SourceRegistry registry;

    /** The control database, created by its account, and a table of the given rows. */
    static DataSource control(String... rows) {
        DataSource control = new DriverManagerDataSource(DIRECTORY_URL, "ctl", DIRECTORY_PASSWORD);
        SourceDatabases.execute(
                control,
                List.of(
                        "DROP TABLE IF EXISTS tenants",
                        "CREATE TABLE tenants (id INT PRIMARY KEY, name VARCHAR(80), url VARCHAR(300), time_zone VARCHAR(60),"
                                + " username VARCHAR(60), enabled BOOLEAN DEFAULT TRUE)"));
        for (String row : rows) {
            SourceDatabases.execute(
                    control,
                    List.of("INSERT INTO tenants (id, name, url, time_zone, username, enabled)" + " VALUES (" + row
                            + ")"));
        }
        return control;
    }

    /** An in-memory tenant database whose only account is {@code user} with the shared password. */
    static String tenantDatabase(String name, String user) {
        String url = SourceDatabases.h2Url(name);
        SourceDatabases.execute(new DriverManagerDataSource(url, user, SOURCE_PASSWORD), List.of("SELECT 1"));
        return url;
    }

    /** Bound as Spring binds application.yml: acme from YAML, and the directory at {@code directoryUrl}. */
    static TenantsProperties properties(String directoryUrl, String query) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("billing.sources[0].name", "acme");
        map.put("billing.sources[0].url", SourceDatabases.h2Url("dir_acme_src"));
        map.put("billing.sources[0].username", "sa");
        map.put("billing.sources[0].time-zone", "America/Bogota");
        map.put("billing.directory.url", directoryUrl);
        map.put("billing.directory.username", "ctl");
        map.put("billing.directory.password", DIRECTORY_PASSWORD);
        map.put("billing.directory.query", query);
        map.put("billing.directory.source-username", "billing_ro");
        map.put("billing.directory.source-password", SOURCE_PASSWORD);
        map.put("billing.directory.connect-timeout", "2s");
        return new Binder(new MapConfigurationPropertySource(map))
                .bind("billing", TenantsProperties.class)
                .get();
    }

    private static String row(int id, String name, String url, String zone, String user, boolean enabled) {
        return id + ", " + quoted(name) + ", " + quoted(url) + ", " + quoted(zone) + ", " + quoted(user) + ", "
                + enabled;
    }

    private static String quoted(String value) {
        return value == null ? "NULL" : "'" + value.replace("'", "''") + "'";
    }

    private static List<String> origins(SourceRegistry registry) {
        return registry.tenants().stream().map(t -> t.name() + " " + t.origin()).toList();
    }

    @BeforeEach
    void tenants() {
        // the registry is built here without an application: a context another test started may have
        // left this logger at WARN (logging levels are the JVM's)
        LoggingSystem.get(getClass().getClassLoader()).setLogLevel(SourceRegistry.class.getName(), LogLevel.INFO);
        tenantDatabase("dir_alpha_src", "billing_ro");
        tenantDatabase("dir_beta_src", "beta_user");
    }

    @AfterEach
    void close() {
        if (registry != null) {
            registry.destroy();
        }
    }

    @Test
    void listsTheYamlSourcesAndTheDirectorysGoodRowsAndSkipsEachBadRowWithItsReason(CapturedOutput output) {
        // given
        String alpha = SourceDatabases.h2Url("dir_alpha_src");
        control(
                row(1, "alpha", alpha, "America/Bogota", null, true),
                row(2, "beta", SourceDatabases.h2Url("dir_beta_src"), "America/Santiago", "beta_user", true),
                row(3, "../x", alpha, "America/Bogota", null, true),
                row(4, "a b", alpha, "America/Bogota", null, true),
                row(5, "gamma", alpha, "America/Lima", null, false),
                row(6, "delta", alpha, "Mars/Olympus", null, true),
                row(7, "epsilon", null, "America/Bogota", null, true),
                row(8, "acme", alpha, "America/Bogota", null, true),
                row(9, "Alpha", alpha, "America/Bogota", null, true),
                row(10, "zeta", "jdbc:postgresql://db/zeta", "America/Bogota", null, true),
                row(11, "eta", alpha, null, null, true));

        // when the application starts
        registry = new SourceRegistry(properties(DIRECTORY_URL, QUERY), PRICING, new ServerConnections(8));

        // then
        assertThat(origins(registry)).containsExactly("acme yaml", "alpha directory", "beta directory");
        assertThat(registry.names()).containsExactly("acme", "alpha", "beta");
        assertThat(registry.skippedRows())
                .containsExactly(
                        new SkippedRow(3, "../x", "name must be 1-60 letters, digits, '.', '_' or '-'"),
                        new SkippedRow(4, "a b", "name must be 1-60 letters, digits, '.', '_' or '-'"),
                        new SkippedRow(
                                6, "delta", "time_zone 'Mars/Olympus' is not a time zone (IANA, e.g. America/Bogota)"),
                        new SkippedRow(7, "epsilon", "no url"),
                        new SkippedRow(8, "acme", "a source in billing.sources has that name"),
                        new SkippedRow(9, "Alpha", "an earlier directory row has that name"),
                        new SkippedRow(10, "zeta", "url must be jdbc:mysql:, jdbc:mariadb: or jdbc:h2:"),
                        new SkippedRow(11, "eta", "no time_zone"));
        assertThat(registry.directoryError()).isEmpty();
        assertThat(registry.require("beta").timeZone().getId()).isEqualTo("America/Santiago");
        // a directory tenant gets a YAML source's default timeouts
        assertThat(registry.require("alpha").queryTimeout()).hasMinutes(30);
        assertThat(registry.require("alpha").connectTimeout()).hasSeconds(10);
        // each bad row is logged with its reason; the disabled one quietly
        assertThat(output.getOut())
                .contains(
                        "directory row 3 ('../x') skipped: name must be",
                        "directory row 6 ('delta') skipped: time_zone 'Mars/Olympus' is not a time zone",
                        "directory row 8 ('acme') skipped: a source in billing.sources has that name")
                .doesNotContain("'gamma'");
        assertThat(output.getAll()).doesNotContain(DIRECTORY_PASSWORD).doesNotContain(SOURCE_PASSWORD);
    }

    @Test
    void aReloadAddsRemovesAndChangesTenantsAndForgetsTheConnectionsOfThoseGoneOrChanged(CapturedOutput output) {
        // given
        String alpha = SourceDatabases.h2Url("dir_alpha_src");
        DataSource control = control(
                row(1, "alpha", alpha, "America/Bogota", null, true),
                row(2, "beta", SourceDatabases.h2Url("dir_beta_src"), "America/Santiago", "beta_user", true),
                row(3, "gamma", alpha, "America/Lima", null, false),
                row(4, "delta", alpha, "Mars/Olympus", null, true));
        registry = new SourceRegistry(properties(DIRECTORY_URL, QUERY), PRICING, new ServerConnections(8));
        registry.connection("alpha");
        SourceConnection beta = registry.connection("beta");
        SourceConnection acme = registry.connection("acme");
        assertThat(database("beta")).isEqualToIgnoringCase("dir_beta_src");

        // when alpha leaves, gamma is enabled, delta's zone is fixed, beta moves, and a bad row arrives
        SourceDatabases.execute(
                control,
                List.of(
                        "DELETE FROM tenants WHERE name = 'alpha'",
                        "UPDATE tenants SET enabled = TRUE WHERE name = 'gamma'",
                        "UPDATE tenants SET time_zone = 'America/Mexico_City' WHERE name = 'delta'",
                        "UPDATE tenants SET url = '" + tenantDatabase("dir_beta2_src", "beta_user")
                                + "' WHERE name = 'beta'",
                        "INSERT INTO tenants (id, name, url, time_zone) VALUES (5, 'theta', NULL, 'UTC')"));
        ReloadResult result = registry.reload();

        // then
        assertThat(result.added()).containsExactly("gamma", "delta");
        assertThat(result.removed()).containsExactly("alpha");
        assertThat(result.changed()).containsExactly("beta");
        assertThat(result.skipped()).containsExactly(new SkippedRow(4, "theta", "no url"));
        assertThat(result.directoryError()).isNull();
        assertThat(result.tenants()).isEqualTo(4);
        assertThat(result.directoryTenants()).isEqualTo(3);
        assertThat(origins(registry))
                .containsExactly("acme yaml", "beta directory", "gamma directory", "delta directory");
        assertThat(registry.require("delta").timeZone().getId()).isEqualTo("America/Mexico_City");
        assertThat(registry.find("alpha")).isEmpty();
        assertThatThrownBy(() -> registry.connection("alpha"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown source 'alpha'");

        // and the tenant moved reads its new database through a new connection; the others' kept
        assertThat(registry.connection("beta")).isNotSameAs(beta);
        assertThat(database("beta")).isEqualToIgnoringCase("dir_beta2_src");
        assertThat(registry.connection("acme")).isSameAs(acme);
        assertThat(output.getOut()).contains("added [gamma, delta], removed [alpha], changed [beta]");

        // and a reload that finds nothing new says so
        ReloadResult again = registry.reload();
        assertThat(again.added()).isEmpty();
        assertThat(again.removed()).isEmpty();
        assertThat(again.changed()).isEmpty();
        assertThat(again.skipped()).containsExactly(new SkippedRow(4, "theta", "no url"));
        assertThat(output.getAll()).doesNotContain(DIRECTORY_PASSWORD).doesNotContain(SOURCE_PASSWORD);
    }

    @Test
    void aRowWithoutAUsernameSignsInWithTheSharedAccountAndARowWithOneWithItsOwnAndTheSharedPassword() {
        // given
        control(
                row(1, "alpha", SourceDatabases.h2Url("dir_alpha_src"), "America/Bogota", null, true),
                row(2, "beta", SourceDatabases.h2Url("dir_beta_src"), "America/Santiago", " beta_user ", true));

        // when
        registry = new SourceRegistry(properties(DIRECTORY_URL, QUERY), PRICING, new ServerConnections(8));

        // then
        assertThat(registry.require("alpha").username()).isEqualTo("billing_ro");
        assertThat(registry.require("alpha").password()).isEqualTo(SOURCE_PASSWORD);
        assertThat(registry.require("beta").username()).isEqualTo("beta_user");
        assertThat(registry.require("beta").password()).isEqualTo(SOURCE_PASSWORD);
        // and each database lets its account in (its only one)
        assertThat(currentUser("alpha")).isEqualToIgnoringCase("billing_ro");
        assertThat(currentUser("beta")).isEqualToIgnoringCase("beta_user");
    }

    @Test
    void aDirectoryQueryWithoutTheOptionalColumnsListsEveryRowAsEnabled() {
        // given
        control(row(1, "alpha", SourceDatabases.h2Url("dir_alpha_src"), "America/Bogota", "someone", false));

        // when
        registry = new SourceRegistry(
                properties(DIRECTORY_URL, DirectoryProperties.DEFAULT_QUERY), PRICING, new ServerConnections(8));

        // then
        assertThat(origins(registry)).containsExactly("acme yaml", "alpha directory");
        assertThat(registry.require("alpha").username()).isEqualTo("billing_ro");
    }

    @Test
    void aDirectoryThatCannotBeReachedAtStartLeavesTheYamlSourcesWorkingAndSaysWhere(CapturedOutput output) {
        for (String[] unreachable : List.of(
                new String[] {"jdbc:mysql://127.0.0.1:1/control?connectTimeout=500", "127.0.0.1:1"}, new String[] {
                    "jdbc:h2:file:./target/no-such-dir/control;IFEXISTS=TRUE", "h2:file:./target/no-such-dir/control"
                })) {
            // when
            registry = new SourceRegistry(properties(unreachable[0], QUERY), PRICING, new ServerConnections(8));

            // then
            assertThat(origins(registry)).containsExactly("acme yaml");
            assertThat(registry.directoryError())
                    .get()
                    .asString()
                    .startsWith("tenant directory at " + unreachable[1] + " could not be read: ");
            assertThat(registry.connection("acme").name()).isEqualTo("acme");
            ReloadResult result = registry.reload();
            assertThat(result.directoryError())
                    .startsWith("tenant directory at " + unreachable[1] + " could not be read: ");
            assertThat(result.tenants()).isEqualTo(1);
            assertThat(result.added()).isEmpty();
            assertThat(result.removed()).isEmpty();
            assertThat(output.getOut())
                    .contains("WARN")
                    .contains("tenant directory at " + unreachable[1] + " could not be read: ")
                    .contains("the YAML sources and the 0 directory tenant(s) read before stay listed");
            registry.destroy();
        }
        registry = null;
        assertThat(output.getAll()).doesNotContain(DIRECTORY_PASSWORD).doesNotContain(SOURCE_PASSWORD);
    }

    @Test
    void aDirectoryThatFailsLaterKeepsTheTenantsItListedBefore(CapturedOutput output) {
        // given
        DataSource control = control(
                row(1, "alpha", SourceDatabases.h2Url("dir_alpha_src"), "America/Bogota", null, true),
                row(2, "a b", SourceDatabases.h2Url("dir_alpha_src"), "America/Bogota", null, true));
        registry = new SourceRegistry(properties(DIRECTORY_URL, QUERY), PRICING, new ServerConnections(8));

        // when its table is gone
        SourceDatabases.execute(control, List.of("DROP TABLE tenants"));
        ReloadResult result = registry.reload();

        // then
        assertThat(result.directoryError())
                .startsWith("tenant directory at h2:mem:dir_control could not be read: ")
                .containsIgnoringCase("tenants");
        assertThat(result.removed()).isEmpty();
        assertThat(result.skipped()).isEmpty();
        assertThat(origins(registry)).containsExactly("acme yaml", "alpha directory");
        assertThat(registry.skippedRows()).extracting(SkippedRow::name).containsExactly("a b");
        assertThat(output.getOut()).contains("the YAML sources and the 1 directory tenant(s) read before stay listed");

        // and once it answers again, the listing follows it
        control(row(1, "beta", SourceDatabases.h2Url("dir_beta_src"), "UTC", "beta_user", true));
        ReloadResult back = registry.reload();
        assertThat(back.directoryError()).isNull();
        assertThat(back.added()).containsExactly("beta");
        assertThat(back.removed()).containsExactly("alpha");
        assertThat(registry.directoryError()).isEmpty();
        assertThat(registry.skippedRows()).isEmpty();
    }

    @Test
    void aFailureMessageNeverHoldsAPassword(CapturedOutput output) {
        // given a query whose error message quotes both passwords
        control(row(1, "alpha", SourceDatabases.h2Url("dir_alpha_src"), "America/Bogota", null, true));
        String query = "SELECT CAST(CONCAT('" + DIRECTORY_PASSWORD + "', ' ', '" + SOURCE_PASSWORD
                + "') AS INT) AS name, url, time_zone FROM tenants";

        // when
        registry = new SourceRegistry(properties(DIRECTORY_URL, query), PRICING, new ServerConnections(8));

        // then
        String error = registry.directoryError().orElseThrow();
        assertThat(error)
                .startsWith("tenant directory at h2:mem:dir_control could not be read: ")
                .contains("\"**** ****\"")
                .doesNotContain(DIRECTORY_PASSWORD)
                .doesNotContain(SOURCE_PASSWORD);
        assertThat(registry.reload().toString())
                .doesNotContain(DIRECTORY_PASSWORD)
                .doesNotContain(SOURCE_PASSWORD);
        assertThat(output.getAll())
                .contains("**** ****")
                .doesNotContain(DIRECTORY_PASSWORD)
                .doesNotContain(SOURCE_PASSWORD);
    }

    @Test
    void aQueryWithoutARequiredColumnIsReportedAsTheDirectorysError() {
        // given
        control(row(1, "alpha", SourceDatabases.h2Url("dir_alpha_src"), "America/Bogota", null, true));

        // when
        registry = new SourceRegistry(
                properties(DIRECTORY_URL, "SELECT name, url FROM tenants"), PRICING, new ServerConnections(8));

        // then
        assertThat(registry.directoryError())
                .contains("tenant directory at h2:mem:dir_control could not be read:"
                        + " the directory query returns no column 'time_zone' (it must return name, url, time_zone,"
                        + " optionally username, enabled, plan and monthly_budget)");
        assertThat(registry.names()).containsExactly("acme");
    }

    @Test
    void theResultOfAReloadHoldsNoUrlNorAccount() {
        // given
        control(
                row(1, "alpha", SourceDatabases.h2Url("dir_alpha_src"), "America/Bogota", null, true),
                row(2, "bad", null, "America/Bogota", null, true));
        registry = new SourceRegistry(properties(DIRECTORY_URL, QUERY), PRICING, new ServerConnections(8));
        SourceDatabases.execute(
                new DriverManagerDataSource(DIRECTORY_URL, "ctl", DIRECTORY_PASSWORD),
                List.of("DELETE FROM tenants WHERE name = 'alpha'"));

        // when
        ReloadResult result = registry.reload();

        // then
        assertThat(result.toString())
                .isEqualTo("ReloadResult[tenants=1, directoryTenants=0, added=[], removed=[alpha],"
                        + " changed=[], skipped=[SkippedRow[row=1, name=bad, reason=no url]], directoryError=null]");
    }

    @Test
    void tenantsAreListedWithTheirOrigin() {
        control(row(1, "alpha", SourceDatabases.h2Url("dir_alpha_src"), "America/Bogota", null, true));

        registry = new SourceRegistry(properties(DIRECTORY_URL, QUERY), PRICING, new ServerConnections(8));

        assertThat(registry.tenants())
                .extracting(Tenant::name, Tenant::origin)
                .containsExactly(
                        tuple("acme", SourceRegistry.Origin.YAML), tuple("alpha", SourceRegistry.Origin.DIRECTORY));
        assertThat(registry.tenant("alpha").orElseThrow().origin()).hasToString("directory");
        assertThat(registry.hasDirectory()).isTrue();
    }

    private String database(String tenant) {
        return registry.connection(tenant).jdbc().getJdbcTemplate().queryForObject("SELECT DATABASE()", String.class);
    }

    private String currentUser(String tenant) {
        return registry.connection(tenant)
                .jdbc()
                .getJdbcTemplate()
                .queryForObject("SELECT CURRENT_USER()", String.class);
    }
}
