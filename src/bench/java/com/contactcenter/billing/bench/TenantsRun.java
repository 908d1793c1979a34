package com.contactcenter.billing.bench;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One request over every tenant, as the warehouse recorded it: its tenants' ends, their sync runs,
 * the nodes that took them, and what the benchmark measured around it.
 *
 * @param syncRuns        tenants with a COMPLETED sync run of this request
 * @param meanTenantSeconds the mean time from a tenant's job starting its sync to its end
 * @param firstFailure    one failed tenant's message, or null
 */
record TenantsRun(
        String name,
        LocalDate from,
        LocalDate to,
        double seconds,
        int tenants,
        int completed,
        int failed,
        int syncRuns,
        long rowsRead,
        double meanTenantSeconds,
        ConnectionMonitor.Seen connections,
        long peakHeap,
        Map<String, Integer> perNode,
        String firstFailure) {

    /** Reads request {@code requestId}'s tenants from the warehouse database {@code warehouse}. */
    static TenantsRun read(
            JdbcTemplate server,
            String warehouse,
            long requestId,
            String name,
            double seconds,
            ConnectionMonitor.Seen connections,
            long peakHeap) {
        Map<String, Integer> perNode = new LinkedHashMap<>();
        server.query(
                "SELECT COALESCE(node, '(none)'), COUNT(*) FROM " + warehouse + ".job_request_tenant"
                        + " WHERE request_id = ? GROUP BY node ORDER BY node",
                rs -> {
                    perNode.put(rs.getString(1), rs.getInt(2));
                },
                requestId);
        String failure = server.query(
                "SELECT source, message FROM " + warehouse + ".job_request_tenant"
                        + " WHERE request_id = ? AND status = 'FAILED' ORDER BY source LIMIT 1",
                rs -> rs.next() ? rs.getString(1) + ": " + rs.getString(2) : null,
                requestId);
        return server.queryForObject(
                "SELECT MIN(t.period_from), MAX(t.period_to), COUNT(*),"
                        + " COALESCE(SUM(t.status = 'COMPLETED'), 0), COALESCE(SUM(t.status = 'FAILED'), 0),"
                        + " COUNT(DISTINCT r.source), COALESCE(SUM(r.rows_read), 0),"
                        + " COALESCE(AVG(TIMESTAMPDIFF(MICROSECOND, t.started_at, t.finished_at)), 0) / 1e6"
                        + " FROM " + warehouse + ".job_request_tenant t LEFT JOIN " + warehouse + ".sync_run r"
                        + " ON r.job_execution_id = t.job_execution_id AND r.status = 'COMPLETED'"
                        + " WHERE t.request_id = ?",
                (rs, n) -> new TenantsRun(
                        name,
                        rs.getObject(1, LocalDate.class),
                        rs.getObject(2, LocalDate.class),
                        seconds,
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getLong(7),
                        rs.getDouble(8),
                        connections,
                        peakHeap,
                        Collections.unmodifiableMap(perNode),
                        failure),
                requestId);
    }

    double tenantsPerMinute() {
        return seconds <= 0 ? 0 : tenants * 60 / seconds;
    }

    /**
     * The time a tenant with nothing to read costs one worker: {@code workers} tenant jobs run at
     * once ({@code billing.sync.concurrency} per node, times the nodes), so each worker took
     * {@code tenants / workers} tenants one after the other in the run's time.
     */
    double secondsPerTenantPerWorker(int workers) {
        return tenants == 0 ? 0 : seconds * workers / tenants;
    }
}
