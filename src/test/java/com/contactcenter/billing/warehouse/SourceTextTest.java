package com.contactcenter.billing.warehouse;

import static com.contactcenter.billing.support.EdgeTenantFixture.AS_OF;

import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.FixedClock;
import com.contactcenter.billing.support.SourceDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** {@link SourceTextChecks} with the warehouse and the source (its text columns CLOB) on H2. */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:wh_long_text;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "spring.datasource.username=sa",
            "spring.datasource.password=",
            FixedClock.PROPERTY + "=" + AS_OF,
            "logging.level.com.contactcenter.billing=WARN"
        })
@TestPropertySource(locations = EdgeTenantFixture.PRICING)
@Import(FixedClock.class)
class SourceTextTest extends SourceTextChecks {

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        String source = SourceDatabases.loadH2("long_text_src", EdgeTenantFixture.SQL);
        JdbcTemplate tenant = new JdbcTemplate(SourceDatabases.h2("long_text_src"));
        tenant.execute("ALTER TABLE users ALTER COLUMN full_name CLOB NOT NULL");
        tenant.execute("ALTER TABLE channels ALTER COLUMN name CLOB NOT NULL");
        tenant.update("UPDATE users SET full_name = ? WHERE id = 11", NAME);
        tenant.update("UPDATE channels SET name = ? WHERE id = 1", CHANNEL);

        registry.add("billing.sources[0].name", () -> SOURCE);
        registry.add("billing.sources[0].url", () -> source);
        registry.add("billing.sources[0].username", () -> "sa");
        registry.add("billing.sources[0].time-zone", () -> "America/Bogota");
    }
}
