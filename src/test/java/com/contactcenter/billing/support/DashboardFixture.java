package com.contactcenter.billing.support;

import com.contactcenter.billing.demo.DemoDataGenerator;
import com.contactcenter.billing.demo.DemoDataSpec;
import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.ops.Requester;
import com.contactcenter.billing.sync.SyncService;
import com.contactcenter.billing.sync.SyncWindow;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Two tenants for the dashboard's tests, both in in-memory H2: {@code acme}, a small generated demo
 * tenant (40 users, 20,000 messages over three months to 2026-11-15, hostile names among them), and
 * {@code edge}, the edge tenant of {@link EdgeTenantFixture}. The clock stands at 2026-11-15 12:00 in
 * Bogota, so "today" is 2026-11-15 and "last month" is October 2026, which both tenants have.
 */
public final class DashboardFixture {

    public static final String NOW = "2026-11-15T17:00:00Z";
    public static final LocalDate TODAY = LocalDate.parse("2026-11-15");
    public static final String ACME = "acme";
    public static final String EDGE = "edge";
    public static final DemoDataSpec ACME_SPEC = new DemoDataSpec(40, 20_000, 7, TODAY, 3);
    public static final SyncWindow SYNCED = new SyncWindow(LocalDate.parse("2026-08-01"), TODAY);

    /**
     * Registers a test application with both tenants, the given in-memory warehouse, a fixed clock
     * and the accounts, each {@code name, role, password, tenants...} (the password hashed here as the
     * environment would give it; tenants are source names or {@code *}).
     */
    public static void register(DynamicPropertyRegistry registry, String warehouse, String[]... accounts) {
        register(registry, Databases.h2(warehouse), accounts);
    }

    /** Where the warehouse and the two tenants live: in-memory H2, or databases on the MariaDB server. */
    public record Databases(
            String warehouseUrl, String acmeUrl, String edgeUrl, String user, String password, boolean mariaDb) {

        static Databases h2(String warehouse) {
            return new Databases(
                    SourceDatabases.h2Url(warehouse),
                    SourceDatabases.h2Url("dash_acme_src"),
                    SourceDatabases.h2Url("dash_edge_src"),
                    "sa",
                    "",
                    false);
        }

        /** Empty databases on the MariaDB server: {@code prefix_wh}, {@code prefix_acme}, {@code prefix_edge}. */
        public static Databases mariaDb(String prefix) {
            return new Databases(
                    MariaDb.recreateWarehouse(prefix + "_wh"),
                    MariaDb.recreate(prefix + "_acme"),
                    MariaDb.recreate(prefix + "_edge"),
                    MariaDb.USER,
                    MariaDb.PASSWORD,
                    true);
        }

        DataSource acme() {
            return new DriverManagerDataSource(acmeUrl, user, password);
        }

        DataSource edge() {
            return new DriverManagerDataSource(edgeUrl, user, password);
        }
    }

    /** As {@link #register(DynamicPropertyRegistry, String, String[][])}, on the given databases. */
    public static void register(DynamicPropertyRegistry registry, Databases databases, String[]... accounts) {
        for (String p : properties(databases)) {
            int eq = p.indexOf('=');
            registry.add(p.substring(0, eq), () -> p.substring(eq + 1));
        }
        for (int i = 0; i < accounts.length; i++) {
            String[] account = accounts[i];
            String prefix = "billing.security.accounts[" + i + "].";
            registry.add(prefix + "name", () -> account[0]);
            registry.add(prefix + "role", () -> account[1]);
            registry.add(prefix + "password-hash", () -> "{bcrypt}" + new BCryptPasswordEncoder(4).encode(account[2]));
            for (int t = 3; t < account.length; t++) {
                String tenant = account[t];
                registry.add(prefix + "tenants[" + (t - 3) + "]", () -> tenant);
            }
        }
    }

    private static String[] properties(Databases db) {
        return new String[] {
            "spring.datasource.url=" + db.warehouseUrl(),
            "spring.datasource.username=" + db.user(),
            "spring.datasource.password=" + db.password(),
            FixedClock.PROPERTY + "=" + NOW,
            "billing.sources[0].name=" + ACME,
            "billing.sources[0].url=" + db.acmeUrl(),
            "billing.sources[0].username=" + db.user(),
            "billing.sources[0].password=" + db.password(),
            "billing.sources[0].time-zone=America/Bogota",
            "billing.sources[1].name=" + EDGE,
            "billing.sources[1].url=" + db.edgeUrl(),
            "billing.sources[1].username=" + db.user(),
            "billing.sources[1].password=" + db.password(),
            "billing.sources[1].time-zone=America/Bogota",
            "billing.schedule.enabled=false",
            "logging.level.com.contactcenter.billing=WARN"
        };
    }

    private static boolean sourcesLoaded;

    /** Creates both tenants' H2 databases (once per JVM) and syncs them into the application's warehouse. */
    public static synchronized void syncBoth(JobRunner sync) {
        if (!sourcesLoaded) {
            SourceDatabases.execute(SourceDatabases.h2("dash_acme_src"), List.of("DROP ALL OBJECTS"));
            load(Databases.h2("unused"));
            sourcesLoaded = true;
        }
        syncAll(sync);
    }

    /** Fills both tenants' databases: the generated acme and the edge fixture. */
    public static void load(Databases databases) {
        new DemoDataGenerator(databases.acme()).generate(ACME_SPEC);
        if (databases.mariaDb()) {
            SourceDatabases.load(databases.edge(), EdgeTenantFixture.SQL);
        } else {
            SourceDatabases.loadH2("dash_edge_src", EdgeTenantFixture.SQL);
        }
    }

    /** Syncs both tenants over {@link #SYNCED} into the application's warehouse. */
    public static void syncAll(JobRunner sync) {
        SyncService.SyncOutcome outcome = sync.sync(List.of(ACME, EDGE), SYNCED, Requester.cli());
        if (!outcome.succeeded()) {
            throw new IllegalStateException("the dashboard fixture did not sync: " + outcome.failureSummary());
        }
    }

    private DashboardFixture() {}
}
