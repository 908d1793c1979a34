package com.contactcenter.billing.warehouse;

import com.contactcenter.billing.support.MariaDb;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link ReferenceStoreTest} on a MariaDB warehouse (utf8mb4, batches rewritten by Connector/J):
 * names with emoji and trailing spaces, NULLs and milliseconds come back as written, so an
 * unchanged copy is not written again.
 */
@ExtendWith(MariaDb.class)
class ReferenceStoreMariaDbIT extends ReferenceStoreTest {

    private static final String DATABASE = "billing_it_reference_wh";
    private static boolean created;

    @Override
    DataSource warehouse() {
        synchronized (ReferenceStoreMariaDbIT.class) {
            if (!created) {
                MariaDb.recreate(DATABASE);
                created = true;
            }
        }
        return MariaDb.dataSource(DATABASE);
    }
}
