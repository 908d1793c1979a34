package com.contactcenter.billing.bench;

import com.contactcenter.billing.demo.DemoDataGenerator;
import com.contactcenter.billing.demo.DemoDataSpec;
import com.contactcenter.billing.demo.DemoDataSummary;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The benchmark's databases: the tenant (source) generated in the database by the demo
 * generator, one month of data, and an empty warehouse. A {@code bench_tenant} row in the source
 * remembers what was generated, so that {@code --reuse-tenant} can skip generating the same
 * tenant again.
 */
final class BenchTenant {

    static final long SEED = 42;

    private final BenchSpec spec;

    BenchTenant(BenchSpec spec) {
        this.spec = spec;
    }

    DataSource source() {
        return new DriverManagerDataSource(spec.sourceUrl(), spec.user(), spec.password());
    }

    /**
     * The source as the sync connects to it (source/SourceDialect): server-side prepared
     * statements, whose rows the server sends binary, unless the url says otherwise.
     */
    DataSource sourceAsSynced() {
        DriverManagerDataSource source = new DriverManagerDataSource(spec.sourceUrl(), spec.user(), spec.password());
        if (!spec.sourceUrl().contains("useServerPrepStmts=")) {
            Properties driver = new Properties();
            driver.setProperty("useServerPrepStmts", "true");
            source.setConnectionProperties(driver);
        }
        return source;
    }

    /** Recreates the warehouse empty and makes sure the source database exists. */
    void prepareDatabases() {
        JdbcTemplate server =
                new JdbcTemplate(new DriverManagerDataSource(spec.serverUrl(), spec.user(), spec.password()));
        server.execute("DROP DATABASE IF EXISTS " + spec.warehouseDatabase());
        server.execute("CREATE DATABASE " + spec.warehouseDatabase() + " CHARACTER SET utf8mb4");
        server.execute("CREATE DATABASE IF NOT EXISTS " + spec.sourceDatabase() + " CHARACTER SET utf8mb4");
    }

    /** The server's version and InnoDB buffer pool, which decides whether a month's rows are read from memory. */
    String server() {
        return new JdbcTemplate(source())
                .queryForObject(
                        "SELECT VERSION(), @@innodb_buffer_pool_size",
                        (rs, n) -> String.format(
                                "%s, InnoDB buffer pool %d MB", rs.getString(1), rs.getLong(2) / (1024 * 1024)));
    }

    /**
     * Generates the tenant (or finds it generated, when reuse is asked and the sizes match).
     *
     * @return the event rows of the tenant (messages, calls, bot sessions and user sessions), and whether it was reused
     */
    Generated generate() {
        JdbcTemplate jdbc = new JdbcTemplate(source());
        DemoDataSpec demo = new DemoDataSpec(
                spec.users(), spec.messages(), SEED, spec.month().atEndOfMonth(), 1);
        if (spec.reuseTenant()
                && jdbc.queryForObject(
                                "SELECT COUNT(*) FROM information_schema.tables"
                                        + " WHERE table_schema = DATABASE() AND table_name = 'bench_tenant'",
                                Long.class)
                        > 0) {
            List<Long> rows = jdbc.queryForList(
                    "SELECT event_rows FROM bench_tenant WHERE users = ? AND messages = ?"
                            + " AND seed = ? AND end_date = ?",
                    Long.class,
                    demo.users(),
                    demo.messages(),
                    demo.seed(),
                    demo.endDate().toString());
            if (!rows.isEmpty()) {
                return new Generated(rows.get(0), true);
            }
        }
        jdbc.execute("DROP TABLE IF EXISTS bench_tenant");
        DemoDataSummary summary = new DemoDataGenerator(source()).generate(demo);
        long events = summary.messages() + summary.calls() + summary.botSessions() + summary.userSessions();
        jdbc.execute("CREATE TABLE bench_tenant (users INT NOT NULL, messages BIGINT NOT NULL, seed BIGINT NOT NULL,"
                + " end_date DATE NOT NULL, event_rows BIGINT NOT NULL)");
        jdbc.update(
                "INSERT INTO bench_tenant VALUES (?, ?, ?, ?, ?)",
                demo.users(),
                demo.messages(),
                demo.seed(),
                demo.endDate().toString(),
                events);
        return new Generated(events, false);
    }

    record Generated(long eventRows, boolean reused) {}
}
