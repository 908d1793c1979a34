package com.contactcenter.billing.ops;

import com.contactcenter.billing.jdbc.Utc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Table {@code sync_lock}: one row per source being synced, naming the job execution that holds
 * it, so that two syncs of a source never run at once, whichever node or trigger started them.
 * Taking a source is an INSERT on its primary key, which the warehouse makes atomic across nodes.
 * The holder renews its row every {@code billing.lock.heartbeat}. A holder is dead, and its row is
 * taken over at once, when it ran on this very host and its process no longer exists, or when it
 * ran on another host whose node's Quartz instance is gone from the cluster check-in; and in any
 * case when its row was not renewed for {@code billing.lock.ttl}. Taken by {@link SourceLockListener}, as a part of the sync job.
 */
@Component
public class SyncLock implements DisposableBean {

    /** A row of the lock table. */
    public record Holder(
            String source,
            long jobExecutionId,
            String node,
            String schedulerInstance,
            Instant acquiredAt,
            Instant heartbeatAt,
            Instant expiresAt) {}

    /** A source is held by a live holder. */
    static final class Held extends RuntimeException {

        private final transient Holder holder;

        Held(Holder holder) {
            super("source '" + holder.source() + "' is locked by job execution " + holder.jobExecutionId());
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
    private final WorkScheduler cluster;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sync-lock-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, ScheduledFuture<?>> held = new ConcurrentHashMap<>();

    SyncLock(JdbcTemplate jdbc, Clock clock, LockProperties properties, WorkScheduler cluster) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttl = properties.ttl();
        this.heartbeat = properties.heartbeat();
        this.cluster = cluster;
    }

    /**
     * Takes {@code source} for the job execution, taking over a dead holder's row. Returns the dead
     * holder taken over, if any.
     *
     * @throws Held when a live holder has it
     */
    Optional<Holder> acquire(String source, long jobExecutionId) {
        Optional<Holder> takenOver = Optional.empty();
        if (!tryInsert(source, jobExecutionId)) {
            Holder holder = holder(source).orElse(null);
            if (holder != null && holder.jobExecutionId() == jobExecutionId) {
                renewLater(jobExecutionId);
                return Optional.empty();
            }
            if (holder != null) {
                Optional<String> dead = whyDead(holder);
                if (dead.isPresent()
                        && jdbc.update(
                                        "DELETE FROM sync_lock WHERE source = ? AND job_execution_id = ?",
                                        source,
                                        holder.jobExecutionId())
                                == 1) {
                    log.warn(
                            "{}: taking over the lock of job execution {} (node {}): {}",
                            source,
                            holder.jobExecutionId(),
                            holder.node(),
                            dead.get());
                    takenOver = Optional.of(holder);
                }
            }
            if (!tryInsert(source, jobExecutionId)) {
                Holder current = holder(source).orElse(holder);
                throw new Held(
                        current != null
                                ? current
                                : new Holder(source, -1, "?", null, clock.instant(), clock.instant(), clock.instant()));
            }
        }
        renewLater(jobExecutionId);
        return takenOver;
    }

    private void renewLater(long jobExecutionId) {
        held.computeIfAbsent(
                jobExecutionId,
                id -> heartbeats.scheduleAtFixedRate(
                        () -> renew(id), heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS));
    }

    private boolean tryInsert(String source, long jobExecutionId) {
        Instant now = clock.instant();
        try {
            jdbc.update(
                    "INSERT INTO sync_lock (source, job_execution_id, holder, scheduler_instance, acquired_at,"
                            + " heartbeat_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    source,
                    jobExecutionId,
                    Node.NAME,
                    cluster.instanceId().orElse(null),
                    Utc.of(now),
                    Utc.of(now),
                    Utc.of(now.plus(ttl)));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private void renew(long jobExecutionId) {
        try {
            Instant now = clock.instant();
            int rows = jdbc.update(
                    "UPDATE sync_lock SET heartbeat_at = ?, expires_at = ? WHERE job_execution_id = ?",
                    Utc.of(now),
                    Utc.of(now.plus(ttl)),
                    jobExecutionId);
            if (rows == 0) {
                log.error(
                        "job execution {}: its sync lock is gone (taken over after missed heartbeats?)",
                        jobExecutionId);
            }
        } catch (RuntimeException e) {
            log.warn("job execution {}: could not renew the sync lock: {}", jobExecutionId, e.getMessage());
        }
    }

    /** Gives the source back, when the execution still holds it. */
    void release(String source, long jobExecutionId) {
        ScheduledFuture<?> renewal = held.remove(jobExecutionId);
        if (renewal != null) {
            renewal.cancel(false);
        }
        jdbc.update("DELETE FROM sync_lock WHERE source = ? AND job_execution_id = ?", source, jobExecutionId);
    }

    public Optional<Holder> holder(String source) {
        return jdbc.query("SELECT * FROM sync_lock WHERE source = ?", this::map, source).stream()
                .findFirst();
    }

    public List<Holder> holders() {
        return jdbc.query("SELECT * FROM sync_lock ORDER BY source", this::map);
    }

    /** Whether the holder's process still runs, as far as the warehouse and this host can tell. */
    boolean alive(Holder holder) {
        return whyDead(holder).isEmpty();
    }

    /**
     * Why the holder is known to be dead: its lease expired; its node's Quartz instance left the
     * cluster (or stopped checking in); or it ran on this host and its process is gone.
     */
    Optional<String> whyDead(Holder holder) {
        if (holder.expiresAt().isBefore(clock.instant())) {
            return Optional.of(
                    "its lease expired at " + holder.expiresAt() + " (not renewed since " + holder.heartbeatAt() + ")");
        }
        if (Node.onThisHost(holder.node())) {
            // this host knows its own processes: a live one is alive, however late its node checked in
            return Node.deadProcess(holder.node());
        }
        if (holder.schedulerInstance() != null
                && !holder.schedulerInstance().equals(cluster.instanceId().orElse(null))) {
            try {
                if (!cluster.checkedIn(holder.schedulerInstance())) {
                    return Optional.of("its node (" + holder.schedulerInstance() + ") has left the cluster");
                }
            } catch (DataAccessException e) {
                log.warn("could not read the cluster check-in: {}", e.getMessage());
            }
        }
        return Optional.empty();
    }

    private Holder map(ResultSet rs, int row) throws SQLException {
        return new Holder(
                rs.getString("source"),
                rs.getLong("job_execution_id"),
                rs.getString("holder"),
                rs.getString("scheduler_instance"),
                Utc.read(rs, "acquired_at"),
                Utc.read(rs, "heartbeat_at"),
                Utc.read(rs, "expires_at"));
    }

    @Override
    public void destroy() {
        heartbeats.shutdownNow();
    }
}
