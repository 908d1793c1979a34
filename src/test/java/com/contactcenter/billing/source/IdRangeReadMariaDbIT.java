package com.contactcenter.billing.source;

import com.contactcenter.billing.support.MariaDb;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link IdRangeReadTest} on a MariaDB source: its optimizer, its id-range plans. */
@ExtendWith(MariaDb.class)
class IdRangeReadMariaDbIT extends IdRangeReadTest {

    private static final String DATABASE = "billing_it_id_range_src";
    private String url;

    @Override
    String sourceUrl() {
        return url;
    }

    @Override
    DataSource sourceDataSource() {
        url = MariaDb.recreate(DATABASE);
        return MariaDb.dataSource(DATABASE);
    }

    @Override
    String user() {
        return MariaDb.USER;
    }
}
