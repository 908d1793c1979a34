package com.contactcenter.billing.warehouse;

import com.contactcenter.billing.support.MariaDb;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@link ReferenceStoreTest} on a MariaDB warehouse whose url allows local data: new rows of the
 * copy are bulk-loaded ({@link BulkInsert}), each row counted as one insert, and come back exactly
 * as written.
 */
@ExtendWith(MariaDb.class)
class ReferenceStoreBulkLoadMariaDbIT extends ReferenceStoreTest {

    private static final String DATABASE = "billing_it_reference_bulk_wh";
    private static boolean created;

    @Override
    DataSource warehouse() {
        synchronized (ReferenceStoreBulkLoadMariaDbIT.class) {
            if (!created) {
                MariaDb.recreate(DATABASE);
                created = true;
            }
        }
        return new DriverManagerDataSource(MariaDb.warehouseUrl(DATABASE), MariaDb.USER, MariaDb.PASSWORD);
    }
}
