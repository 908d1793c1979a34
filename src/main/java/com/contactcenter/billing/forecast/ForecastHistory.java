package com.contactcenter.billing.forecast;

import com.contactcenter.billing.jdbc.Utc;
import com.contactcenter.billing.usage.DayUnits;
import com.contactcenter.billing.usage.ServiceKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** A tenant's synced days and their units per service, summed over channels from the warehouse's day facts. */
@Repository
class ForecastHistory {

    private final JdbcTemplate jdbc;

    ForecastHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The days of {@code from..to} that were synced, each with the as-of of the sync that read it last. */
    List<DayUnits> days(String source, LocalDate from, LocalDate to) {
        Map<LocalDate, Instant> synced = new TreeMap<>();
        Map<LocalDate, Map<ServiceKey, Long>> units = new TreeMap<>();
        jdbc.query(
                "SELECT d.local_day, d.as_of, f.service_key, SUM(f.units) AS units FROM sync_day d"
                        + " LEFT JOIN fact_service_day f ON f.source = d.source AND f.local_day = d.local_day"
                        + " WHERE d.source = ? AND d.local_day BETWEEN ? AND ?"
                        + " GROUP BY d.local_day, d.as_of, f.service_key",
                rs -> {
                    LocalDate day = rs.getObject("local_day", LocalDate.class);
                    synced.put(day, Utc.read(rs, "as_of"));
                    String key = rs.getString("service_key");
                    if (key != null) {
                        units.computeIfAbsent(day, d -> new EnumMap<>(ServiceKey.class))
                                .put(ServiceKey.ofKey(key).orElseThrow(), rs.getLong("units"));
                    }
                },
                source,
                from,
                to);
        List<DayUnits> days = new ArrayList<>(synced.size());
        synced.forEach((day, asOf) -> days.add(new DayUnits(day, asOf, units.getOrDefault(day, Map.of()))));
        return days;
    }
}
