package com.contactcenter.billing.support;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.api.Trigger;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Kills a sync halfway, whatever its extraction queries look like: an H2 trigger on the
 * warehouse's {@code sync_day} that, once a given local day of a source has been written, renames
 * that source's {@code calls} table away (an in-memory H2 source), so every later pass fails
 * reading the source. {@link #plugBackIn} restores the table.
 */
public class UnplugSource implements Trigger {

    private record Plan(LocalDate afterDay, String sourceDatabase) {}

    private static final Map<String, Plan> PLANS = new ConcurrentHashMap<>();

    /** After {@code source}'s day {@code afterDay} is written, its H2 source database loses its calls table. */
    public static void after(JdbcTemplate h2Warehouse, String source, LocalDate afterDay, String sourceDatabase) {
        PLANS.put(source, new Plan(afterDay, sourceDatabase));
        h2Warehouse.execute("CREATE TRIGGER IF NOT EXISTS unplug_source AFTER INSERT ON sync_day FOR EACH ROW CALL \""
                + UnplugSource.class.getName() + "\"");
    }

    public static void plugBackIn(String source) {
        Plan plan = PLANS.remove(source);
        SourceDatabases.execute(
                SourceDatabases.h2(plan.sourceDatabase()), List.of("ALTER TABLE calls_unplugged RENAME TO calls"));
    }

    /** Row of sync_day: source, local_day, sync_run_id, as_of, rows_read. */
    @Override
    public void fire(Connection warehouse, Object[] oldRow, Object[] newRow) {
        Plan plan = PLANS.get(String.valueOf(newRow[0]));
        if (plan != null && plan.afterDay().toString().equals(String.valueOf(newRow[1]))) {
            SourceDatabases.execute(
                    SourceDatabases.h2(plan.sourceDatabase()), List.of("ALTER TABLE calls RENAME TO calls_unplugged"));
        }
    }
}
