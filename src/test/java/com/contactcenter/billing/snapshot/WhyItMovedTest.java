package com.contactcenter.billing.snapshot;

import static com.contactcenter.billing.support.EdgeTenantFixture.AS_OF;

import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.FixedClock;
import com.contactcenter.billing.support.SourceDatabases;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** {@link WhyItMovedScenario} on H2: the edge tenant's source and the warehouse both H2. */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:wh_why;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "spring.datasource.username=sa",
            "spring.datasource.password=",
            FixedClock.PROPERTY + "=" + AS_OF,
            "billing.sources[0].name=edge",
            "billing.sources[0].url=jdbc:h2:mem:why_edge_src;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "billing.sources[0].username=sa",
            "billing.sources[0].time-zone=America/Bogota",
            "logging.level.com.contactcenter.billing=WARN"
        })
@TestPropertySource(locations = EdgeTenantFixture.PRICING)
@Import(FixedClock.class)
class WhyItMovedTest extends WhyItMovedScenario {

    @BeforeAll
    static void loadSource() {
        SourceDatabases.loadH2("why_edge_src", EdgeTenantFixture.SQL);
    }

    @Override
    DataSource source() {
        return SourceDatabases.h2("why_edge_src");
    }

    @Test
    void lateRowsANewUserAnEndedUserAndNewPricesAreEachExplainedToTheCent() {
        explainsEachChangeAsPartsThatAddUpToTheDifference();
    }
}
