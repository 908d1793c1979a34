package com.contactcenter.billing.ops;

import com.contactcenter.billing.config.BillingProperties;
import com.contactcenter.billing.jdbc.Utc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Table {@code sync_lock}: one row per source being synced, so that two syncs of a source never
 * run at once, whichever node or trigger started them. Taking a source is an INSERT on its primary
 * key, which the warehouse makes atomic across nodes. The holder renews its rows every
 * {@code billing.lock.heartbeat}; rows not renewed for {@code billing.lock.ttl} belong to a dead
 * process and are taken over.
 */
@Component
public class SyncLock implements DisposableBean {

    /** A row of the lock table. */
    public record Holder(String source, long requestId, Long jobExecutionId, String node, Instant acquiredAt,
            Instant heartbeatAt, Instant expiresAt) {

        boolean expired(Instant now) {
            return expiresAt.isBefore(now);
        }
    }

    /** A source is held by a live holder. */
    static final class Held extends RuntimeException {

        private final transient Holder holder;

        Held(Holder holder) {
            super("source '" + holder.source() + "' is locked by job request " + holder.requestId());
            this.holder = holder;
        }

        Holder holder() {
            return holder;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(SyncLock.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration ttl;
    private final Duration heartbeat;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sync-lock-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, ScheduledFuture<?>> held = new ConcurrentHashMap<>();

    SyncLock(JdbcTemplate jdbc, Clock clock, BillingProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttl = properties.lock().ttl();
        this.heartbeat = properties.lock().heartbeat();
    }

    /**
     * Takes every source for {@code requestId}, in name order, or none: when one is held by a live
     * holder, the ones taken are given back and {@link Held} names that holder. Returns the expired
     * holders taken over (their processes died; their executions are left STARTED).
     */
    List<Holder> acquire(List<String> sources, long requestId) {
        List<String> taken = new ArrayList<>();
        List<Holder> takenOver = new ArrayList<>();
        try {
            for (String source : new TreeSet<>(sources)) {
                if (!tryInsert(source, requestId)) {
                    Holder holder = holder(source).orElse(null);
                    if (holder != null && holder.expired(clock.instant()) && jdbc.update("DELETE FROM sync_lock"
                            + " WHERE source = ? AND job_request_id = ? AND expires_at < ?", source, holder.requestId(),
                            Utc.of(clock.instant())) == 1) {
                        log.warn("{}: taking over the lock of job request {} (execution {}, node {}): not renewed since {}",
                                source, holder.requestId(), holder.jobExecutionId(), holder.node(), holder.heartbeatAt());
                        takenOver.add(holder);
                    }
                    if (!tryInsert(source, requestId)) {
                        Holder current = holder(source).orElse(holder);
                        throw new Held(current != null ? current
                                : new Holder(source, -1, null, "?", clock.instant(), clock.instant(), clock.instant()));
                    }
                }
                taken.add(source);
            }
        } catch (RuntimeException e) {
            if (!taken.isEmpty()) {
                release(requestId);
            }
            throw e;
        }
        held.put(requestId, heartbeats.scheduleAtFixedRate(() -> renew(requestId), heartbeat.toMillis(),
                heartbeat.toMillis(), TimeUnit.MILLISECONDS));
        return takenOver;
    }

    private boolean tryInsert(String source, long requestId) {
        Instant now = clock.instant();
        try {
            jdbc.update("INSERT INTO sync_lock (source, job_request_id, holder, acquired_at, heartbeat_at, expires_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", source, requestId, Node.NAME, Utc.of(now), Utc.of(now),
                    Utc.of(now.plus(ttl)));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Names the job execution that holds the request's sources. */
    void attach(long requestId, long jobExecutionId) {
        jdbc.update("UPDATE sync_lock SET job_execution_id = ? WHERE job_request_id = ?", jobExecutionId, requestId);
    }

    private void renew(long requestId) {
        try {
            Instant now = clock.instant();
            int rows = jdbc.update("UPDATE sync_lock SET heartbeat_at = ?, expires_at = ? WHERE job_request_id = ?",
                    Utc.of(now), Utc.of(now.plus(ttl)), requestId);
            if (rows == 0) {
                log.error("job request {}: its sync lock is gone (taken over after missed heartbeats?)", requestId);
            }
        } catch (RuntimeException e) {
            log.warn("job request {}: could not renew the sync lock: {}", requestId, e.getMessage());
        }
    }

    void release(long requestId) {
        ScheduledFuture<?> renewal = held.remove(requestId);
        if (renewal != null) {
            renewal.cancel(false);
        }
        jdbc.update("DELETE FROM sync_lock WHERE job_request_id = ?", requestId);
    }

    public Optional<Holder> holder(String source) {
        return jdbc.query("SELECT * FROM sync_lock WHERE source = ?", this::map, source).stream().findFirst();
    }

    public List<Holder> holders() {
        return jdbc.query("SELECT * FROM sync_lock ORDER BY source", this::map);
    }

    /** Removes expired rows (their holders died) and returns them. */
    List<Holder> clearExpired() {
        Instant now = clock.instant();
        List<Holder> expired = holders().stream().filter(h -> h.expired(now)).toList();
        List<Holder> cleared = new ArrayList<>();
        for (Holder h : expired) {
            if (jdbc.update("DELETE FROM sync_lock WHERE source = ? AND job_request_id = ? AND expires_at < ?",
                    h.source(), h.requestId(), Utc.of(now)) == 1) {
                cleared.add(h);
            }
        }
        return cleared;
    }

    private Holder map(ResultSet rs, int row) throws SQLException {
        long execution = rs.getLong("job_execution_id");
        Long executionId = rs.wasNull() ? null : execution;
        return new Holder(rs.getString("source"), rs.getLong("job_request_id"), executionId, rs.getString("holder"),
                Utc.read(rs, "acquired_at"), Utc.read(rs, "heartbeat_at"), Utc.read(rs, "expires_at"));
    }

    @Override
    public void destroy() {
        heartbeats.shutdownNow();
    }
}
