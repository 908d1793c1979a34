package com.contactcenter.billing.budget;

import com.contactcenter.billing.jdbc.Utc;
import com.contactcenter.billing.usage.BudgetRule.Standing;
import com.contactcenter.billing.usage.BudgetState;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Table {@code budget_state}: each change of a tenant's budget state within a month, numbered per
 * tenant and month, and the webhook's outbox (delivered or not, attempts, the last error).
 */
@Repository
class BudgetStateStore {

    /** One recorded change; amounts as the plain decimal strings they were shown as. */
    record Change(
            long id,
            String source,
            YearMonth month,
            int seq,
            BudgetState state,
            BudgetState previous,
            String currency,
            String budget,
            String estimateSoFar,
            String forecastPoint,
            String forecastLow,
            String forecastHigh,
            Instant asOf,
            Instant changedAt,
            String cause,
            Long jobExecutionId,
            Instant deliveredAt,
            int attempts,
            String lastError) {}

    /** Why a state was evaluated: after a sync (with its job execution) or for an API call. */
    record Cause(String name, Long jobExecutionId) {

        static Cause sync(long jobExecutionId) {
            return new Cause("sync", jobExecutionId);
        }

        static Cause api() {
            return new Cause("api", null);
        }
    }

    /** Two recorders racing on one tenant and month give up after this many collisions (never seen). */
    private static final int RACES = 10;

    private static final int ERROR_MAX = 500;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Clock clock;

    BudgetStateStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.clock = clock;
    }

    /** The tenant's newest change in the month. */
    Optional<Change> latest(String source, YearMonth month) {
        return jdbc
                .query(
                        "SELECT * FROM budget_state WHERE source = ? AND period_month = ? ORDER BY seq DESC LIMIT 1",
                        this::map,
                        source,
                        month.toString())
                .stream()
                .findFirst();
    }

    /**
     * Records the standing if its state differs from the month's newest recorded one ({@code ok}
     * before any): the change, or empty when there is none. Compare and insert: the next number
     * after the newest, which the unique key (source, month, number) lets only one recorder take;
     * the other reads again and records nothing if the winner's state is its own.
     */
    Optional<Change> record(String source, YearMonth month, Standing standing, Instant asOf, Cause cause) {
        for (int race = 0; race < RACES; race++) {
            Optional<Change> latest = latest(source, month);
            BudgetState previous = latest.map(Change::state).orElse(BudgetState.OK);
            if (previous == standing.state()) {
                return Optional.empty();
            }
            int seq = latest.map(c -> c.seq() + 1).orElse(1);
            try {
                jdbc.update(
                        "INSERT INTO budget_state (source, period_month, seq, state, previous_state, currency, budget,"
                                + " estimate_so_far, forecast_point, forecast_low, forecast_high, as_of, changed_at,"
                                + " cause, job_execution_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        source,
                        month.toString(),
                        seq,
                        standing.state().code(),
                        previous.code(),
                        standing.currency(),
                        plain(standing.budget()),
                        plain(standing.estimateSoFar()),
                        plain(standing.forecastPoint()),
                        plain(standing.forecastLow()),
                        plain(standing.forecastHigh()),
                        Utc.of(asOf),
                        Utc.of(clock.instant()),
                        cause.name(),
                        cause.jobExecutionId());
            } catch (DuplicateKeyException e) {
                continue;
            }
            return latest(source, month).filter(c -> c.seq() == seq);
        }
        throw new IllegalStateException("budget state of '" + source + "' for " + month + " kept changing under "
                + RACES + " attempts to record it");
    }

    /** The newest changes first; {@code sources} null: every tenant's. */
    List<Change> newest(Collection<String> sources, int limit) {
        if (sources == null) {
            return jdbc.query("SELECT * FROM budget_state ORDER BY changed_at DESC, id DESC LIMIT ?", this::map, limit);
        }
        if (sources.isEmpty()) {
            return List.of();
        }
        return named.query(
                "SELECT * FROM budget_state WHERE source IN (:sources) ORDER BY changed_at DESC, id DESC LIMIT :limit",
                new MapSqlParameterSource("sources", sources).addValue("limit", limit),
                this::map);
    }

    /** Changes not delivered yet, oldest first. */
    List<Change> undelivered(int limit) {
        return jdbc.query(
                "SELECT * FROM budget_state WHERE delivered_at IS NULL ORDER BY id LIMIT ?", this::map, limit);
    }

    /**
     * Takes a change to send until {@code until}: true for one taker only, and never for one
     * delivered, or held by another sender whose hold has not run out.
     */
    boolean claim(long id, Instant until) {
        Instant now = clock.instant();
        return jdbc.update(
                        "UPDATE budget_state SET claimed_until = ? WHERE id = ? AND delivered_at IS NULL"
                                + " AND (claimed_until IS NULL OR claimed_until < ?)",
                        Utc.of(until),
                        id,
                        Utc.of(now))
                == 1;
    }

    /** One POST made: counted, with its error (null: it was delivered). */
    void attempted(long id, String error) {
        jdbc.update(
                "UPDATE budget_state SET attempts = attempts + 1, last_attempt_at = ?, last_error = ? WHERE id = ?",
                Utc.of(clock.instant()),
                error == null ? null : error.substring(0, Math.min(ERROR_MAX, error.length())),
                id);
    }

    void delivered(long id) {
        jdbc.update(
                "UPDATE budget_state SET delivered_at = ?, claimed_until = NULL WHERE id = ?",
                Utc.of(clock.instant()),
                id);
    }

    /** Lets the next pass (here or on another node) take the change again. */
    void release(long id) {
        jdbc.update("UPDATE budget_state SET claimed_until = NULL WHERE id = ? AND delivered_at IS NULL", id);
    }

    Optional<Change> find(long id) {
        return jdbc.query("SELECT * FROM budget_state WHERE id = ?", this::map, id).stream()
                .findFirst();
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    private Change map(ResultSet rs, int row) throws SQLException {
        long execution = rs.getLong("job_execution_id");
        Long executionId = rs.wasNull() ? null : execution;
        return new Change(
                rs.getLong("id"),
                rs.getString("source"),
                YearMonth.parse(rs.getString("period_month")),
                rs.getInt("seq"),
                BudgetState.parse(rs.getString("state")),
                BudgetState.parse(rs.getString("previous_state")),
                rs.getString("currency"),
                rs.getString("budget"),
                rs.getString("estimate_so_far"),
                rs.getString("forecast_point"),
                rs.getString("forecast_low"),
                rs.getString("forecast_high"),
                Utc.read(rs, "as_of"),
                Utc.read(rs, "changed_at"),
                rs.getString("cause"),
                executionId,
                Utc.read(rs, "delivered_at"),
                rs.getInt("attempts"),
                rs.getString("last_error"));
    }
}
