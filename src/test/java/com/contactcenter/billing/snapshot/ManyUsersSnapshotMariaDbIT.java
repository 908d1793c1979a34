package com.contactcenter.billing.snapshot;

import com.contactcenter.billing.support.MariaDb;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link ManyUsersSnapshotTest} with the tenant and the warehouse on MariaDB: a document of several
 * MB through the V4 migration's LONGBLOB, under the server's max_allowed_packet.
 */
@ExtendWith(MariaDb.class)
class ManyUsersSnapshotMariaDbIT extends ManyUsersSnapshotTest {

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        String warehouse = MariaDb.recreateWarehouse("billing_it_many_users_wh");
        String source = MariaDb.recreate("billing_it_many_users_src");
        registry.add("spring.datasource.url", () -> warehouse);
        registry.add("spring.datasource.username", () -> MariaDb.USER);
        registry.add("spring.datasource.password", () -> MariaDb.PASSWORD);
        // A list binds from one property source: the source is given whole here.
        registry.add("billing.sources[0].name", () -> "many");
        registry.add("billing.sources[0].time-zone", () -> "America/Bogota");
        registry.add("billing.sources[0].url", () -> source);
        registry.add("billing.sources[0].username", () -> MariaDb.USER);
        registry.add("billing.sources[0].password", () -> MariaDb.PASSWORD);
    }
}
