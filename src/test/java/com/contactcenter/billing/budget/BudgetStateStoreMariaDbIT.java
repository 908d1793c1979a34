package com.contactcenter.billing.budget;

import com.contactcenter.billing.support.MariaDb;
import com.contactcenter.billing.support.SourceDatabases;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link BudgetStateRecording} on a MariaDB warehouse made by the migrations; the database is dropped after. */
@ExtendWith(MariaDb.class)
class BudgetStateStoreMariaDbIT extends BudgetStateRecording {

    private static final String DATABASE = "budget_alerts_it_wh";

    private static DataSource warehouse;

    @BeforeAll
    static void createWarehouse() {
        MariaDb.recreate(DATABASE);
        warehouse = MariaDb.dataSource(DATABASE);
        migrate(warehouse);
    }

    @AfterAll
    static void dropWarehouse() {
        SourceDatabases.execute(MariaDb.dataSource(DATABASE), List.of("DROP DATABASE IF EXISTS " + DATABASE));
    }

    @Override
    DataSource warehouse() {
        return warehouse;
    }
}
