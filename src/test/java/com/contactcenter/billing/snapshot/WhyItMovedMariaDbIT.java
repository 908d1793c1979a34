package com.contactcenter.billing.snapshot;

import static com.contactcenter.billing.support.EdgeTenantFixture.AS_OF;

import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.FixedClock;
import com.contactcenter.billing.support.MariaDb;
import com.contactcenter.billing.support.SourceDatabases;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link WhyItMovedScenario} on MariaDB: the edge tenant's source and the warehouse are databases
 * of their own on the server ({@code billing_it_why_*}), dropped at the end.
 */
@ExtendWith(MariaDb.class)
@SpringBootTest(
        properties = {
            FixedClock.PROPERTY + "=" + AS_OF,
            "billing.schedule.enabled=false",
            "logging.level.com.contactcenter.billing=WARN"
        })
@TestPropertySource(locations = EdgeTenantFixture.PRICING)
@Import(FixedClock.class)
class WhyItMovedMariaDbIT extends WhyItMovedScenario {

    private static final String WAREHOUSE = "billing_it_why_wh";
    private static final String EDGE = "billing_it_why_edge_src";

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        String warehouse = MariaDb.recreateWarehouse(WAREHOUSE);
        String edge = MariaDb.loadSource(EDGE, EdgeTenantFixture.SQL);
        registry.add("spring.datasource.url", () -> warehouse);
        registry.add("spring.datasource.username", () -> MariaDb.USER);
        registry.add("spring.datasource.password", () -> MariaDb.PASSWORD);
        registry.add("billing.sources[0].name", () -> SOURCE);
        registry.add("billing.sources[0].url", () -> edge);
        registry.add("billing.sources[0].username", () -> MariaDb.USER);
        registry.add("billing.sources[0].password", () -> MariaDb.PASSWORD);
        registry.add("billing.sources[0].time-zone", () -> "America/Bogota");
    }

    @AfterAll
    static void dropTheDatabases() {
        if (MariaDb.reachable()) {
            SourceDatabases.execute(
                    new DriverManagerDataSource(
                            "jdbc:mysql://" + MariaDb.HOST + ":" + MariaDb.PORT
                                    + "/?useSSL=false&allowPublicKeyRetrieval=true",
                            MariaDb.USER,
                            MariaDb.PASSWORD),
                    List.of("DROP DATABASE IF EXISTS " + WAREHOUSE, "DROP DATABASE IF EXISTS " + EDGE));
        }
    }

    @Override
    DataSource source() {
        return MariaDb.dataSource(EDGE);
    }

    @Test
    void lateRowsANewUserAnEndedUserAndNewPricesAreEachExplainedToTheCentOnMariaDb() {
        explainsEachChangeAsPartsThatAddUpToTheDifference();
    }
}
