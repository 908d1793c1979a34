package com.contactcenter.billing.snapshot;

import com.contactcenter.billing.support.MariaDb;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link SnapshotRetentionTest} on a MariaDB warehouse: the V3 migration, the marks and the pruning SQL. */
@ExtendWith(MariaDb.class)
class SnapshotRetentionMariaDbIT extends SnapshotRetentionTest {

    @DynamicPropertySource
    static void warehouse(DynamicPropertyRegistry registry) {
        String url = MariaDb.recreate("billing_it_retention_warehouse");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> MariaDb.USER);
        registry.add("spring.datasource.password", () -> MariaDb.PASSWORD);
    }
}
