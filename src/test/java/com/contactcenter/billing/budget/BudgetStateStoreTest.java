package com.contactcenter.billing.budget;

import com.contactcenter.billing.support.SourceDatabases;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/** {@link BudgetStateRecording} on an in-memory H2 warehouse. */
class BudgetStateStoreTest extends BudgetStateRecording {

    private static final DataSource WAREHOUSE = SourceDatabases.h2("budget_state_store");

    @BeforeAll
    static void createWarehouse() {
        SourceDatabases.execute(WAREHOUSE, List.of("DROP ALL OBJECTS"));
        migrate(WAREHOUSE);
    }

    @Override
    DataSource warehouse() {
        return WAREHOUSE;
    }
}
