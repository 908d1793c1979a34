package com.contactcenter.billing.warehouse;

import static com.contactcenter.billing.support.EdgeTenantFixture.AS_OF;

import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.FixedClock;
import com.contactcenter.billing.support.MariaDb;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** {@link SourceTextChecks} with the warehouse and the source (its text columns TEXT) on MariaDB. */
@ExtendWith(MariaDb.class)
@SpringBootTest(properties = {FixedClock.PROPERTY + "=" + AS_OF, "logging.level.com.contactcenter.billing=WARN"})
@TestPropertySource(locations = EdgeTenantFixture.PRICING)
@Import(FixedClock.class)
class SourceTextMariaDbIT extends SourceTextChecks {

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        String warehouse = MariaDb.recreateWarehouse("hard_text_wh");
        String source = MariaDb.loadSource("hard_text_src", EdgeTenantFixture.SQL);
        JdbcTemplate tenant = new JdbcTemplate(MariaDb.dataSource("hard_text_src"));
        tenant.execute("ALTER TABLE users MODIFY full_name TEXT NOT NULL");
        tenant.execute("ALTER TABLE channels MODIFY name TEXT NOT NULL");
        tenant.update("UPDATE users SET full_name = ? WHERE id = 11", NAME);
        tenant.update("UPDATE channels SET name = ? WHERE id = 1", CHANNEL);

        registry.add("spring.datasource.url", () -> warehouse);
        registry.add("spring.datasource.username", () -> MariaDb.USER);
        registry.add("spring.datasource.password", () -> MariaDb.PASSWORD);
        registry.add("billing.sources[0].name", () -> SOURCE);
        registry.add("billing.sources[0].url", () -> source);
        registry.add("billing.sources[0].username", () -> MariaDb.USER);
        registry.add("billing.sources[0].password", () -> MariaDb.PASSWORD);
        registry.add("billing.sources[0].time-zone", () -> "America/Bogota");
    }
}
