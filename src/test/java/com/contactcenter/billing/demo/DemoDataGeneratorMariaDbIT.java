package com.contactcenter.billing.demo;

import static com.contactcenter.billing.demo.DemoDataGeneratorTest.SPEC;
import static com.contactcenter.billing.demo.DemoDataGeneratorTest.assertGeneratedContent;
import static com.contactcenter.billing.demo.DemoDataGeneratorTest.assertSameDump;
import static com.contactcenter.billing.demo.DemoDataGeneratorTest.assertTimestampIndexes;
import static com.contactcenter.billing.demo.DemoDataGeneratorTest.dump;
import static com.contactcenter.billing.demo.DemoDataGeneratorTest.h2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The same specs on H2 (MODE=MySQL) and on the local MariaDB must give identical rows in every
 * table. Skips only when no MariaDB answers and CI is unset; on CI an absent server fails.
 */
class DemoDataGeneratorMariaDbIT {

    private static final String SERVER =
            "jdbc:mysql://127.0.0.1:3306/?useSSL=false&allowPublicKeyRetrieval=true" + "&connectTimeout=3000";
    private static final String URL = "jdbc:mysql://127.0.0.1:3306/billing_demo_it?useSSL=false"
            + "&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true";

    private static DataSource mariaDb;

    @BeforeAll
    static void createDatabase() {
        try (Connection c = DriverManager.getConnection(SERVER, "root", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS billing_demo_it CHARACTER SET utf8mb4");
            // An older run may have created it with another charset; emoji names need utf8mb4.
            s.execute("ALTER DATABASE billing_demo_it CHARACTER SET utf8mb4");
        } catch (SQLException e) {
            String why = "MariaDB at 127.0.0.1:3306 is not reachable (" + e.getMessage() + ")";
            if (System.getenv("CI") != null) {
                fail(why + "; CI is set, so the integration test must run");
            }
            System.out.println("Skipping " + DemoDataGeneratorMariaDbIT.class.getSimpleName() + ": " + why);
            Assumptions.abort(why);
        }
        mariaDb = new DriverManagerDataSource(URL, "root", "");
    }

    @Test
    void smallTenantIsIdenticalOnH2AndMariaDb() {
        assertIdentical("demo_it_small", SPEC);
    }

    /** A tenant made up to an instant: a last day in part, and the future rows minutes after it. */
    @Test
    void tenantUpToAnInstantIsIdenticalOnH2AndMariaDb() {
        assertIdentical("demo_it_up_to", DemoDataGeneratorTest.SPEC_UP_TO);
    }

    /**
     * More than 10,000 users and days spanning several blocks of the numbers table, so that
     * every cross join of gen_numbers takes more than its first block.
     */
    @Test
    void largerTenantIsIdenticalOnH2AndMariaDb() {
        assertIdentical("demo_it_large", new DemoDataSpec(12_000, 150_000, 20_260_520L, LocalDate.of(2026, 3, 31), 1));
    }

    private static void assertIdentical(String h2Name, DemoDataSpec spec) {
        DataSource h2 = h2(h2Name);
        DemoDataSummary onH2 = new DemoDataGenerator(h2).generate(spec);
        long started = System.nanoTime();
        DemoDataSummary onMariaDb = new DemoDataGenerator(mariaDb).generate(spec);
        System.out.printf("MariaDB generated %s in %d ms%n", spec, (System.nanoTime() - started) / 1_000_000);

        assertEquals(onH2, onMariaDb);
        Map<String, List<List<Object>>> mariaDbDump = dump(mariaDb);
        assertSameDump(dump(h2), mariaDbDump, "H2", "MariaDB");
        assertGeneratedContent(spec, onMariaDb, mariaDbDump);
        assertTimestampIndexes(mariaDb);
    }
}
