package com.contactcenter.billing.budget;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.budget.BudgetStateStore.Cause;
import com.contactcenter.billing.budget.BudgetStateStore.Change;
import com.contactcenter.billing.usage.BudgetRule.Standing;
import com.contactcenter.billing.usage.BudgetState;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Recording budget states on a warehouse made by the product's migrations: a change once, however
 * many recorders see it at once; states numbered per tenant and month. Run on H2 and MariaDB.
 */
abstract class BudgetStateRecording {

    static final Instant NOW = Instant.parse("2026-11-15T17:00:00Z");
    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    abstract DataSource warehouse();

    static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    BudgetStateStore store() {
        return new BudgetStateStore(new JdbcTemplate(warehouse()), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static Standing standing(BudgetState state, String soFar) {
        return new Standing(
                "COP",
                new BigDecimal("300000.00"),
                new BigDecimal(soFar),
                new BigDecimal("305000.00"),
                new BigDecimal("290000.00"),
                new BigDecimal("330000.00"),
                state);
    }

    @Test
    void recordsEachChangeOfStateOnceNumberedWithinTheMonth() {
        // given
        BudgetStateStore store = store();
        String source = "rec_" + getClass().getSimpleName().length();

        // when: ok (the month's state before any record), ok, at risk, at risk, over, ok, and a new month
        List<Optional<Change>> recorded = new ArrayList<>();
        recorded.add(store.record(source, NOVEMBER, standing(BudgetState.OK, "1.00"), NOW, Cause.api()));
        recorded.add(store.record(source, NOVEMBER, standing(BudgetState.AT_RISK, "2.00"), NOW, Cause.sync(7)));
        recorded.add(store.record(source, NOVEMBER, standing(BudgetState.AT_RISK, "3.00"), NOW, Cause.api()));
        recorded.add(store.record(source, NOVEMBER, standing(BudgetState.OVER, "300000.01"), NOW, Cause.sync(8)));
        recorded.add(store.record(source, NOVEMBER, standing(BudgetState.OK, "4.00"), NOW, Cause.api()));
        recorded.add(
                store.record(source, NOVEMBER.plusMonths(1), standing(BudgetState.OK, "0.00"), NOW, Cause.sync(9)));
        recorded.add(store.record(
                source, NOVEMBER.plusMonths(1), standing(BudgetState.PROJECTED_OVER, "5.00"), NOW, Cause.sync(10)));

        // then
        assertThat(recorded.stream().map(r -> r.map(BudgetStateRecording::line).orElse("-")))
                .containsExactly(
                        "-",
                        "2026-11 #1 ok -> at_risk 2.00 sync 7",
                        "-",
                        "2026-11 #2 at_risk -> over 300000.01 sync 8",
                        "2026-11 #3 over -> ok 4.00 api null",
                        "-",
                        "2026-12 #1 ok -> projected_over 5.00 sync 10");
        Change over = recorded.get(3).orElseThrow();
        assertThat(over.budget()).isEqualTo("300000.00");
        assertThat(over.forecastPoint()).isEqualTo("305000.00");
        assertThat(over.forecastLow()).isEqualTo("290000.00");
        assertThat(over.forecastHigh()).isEqualTo("330000.00");
        assertThat(over.currency()).isEqualTo("COP");
        assertThat(over.changedAt()).isEqualTo(NOW);
        assertThat(over.deliveredAt()).isNull();
        assertThat(over.attempts()).isZero();
        assertThat(store.newest(List.of(source), 10).stream().map(Change::seq)).containsExactly(1, 3, 2, 1);
    }

    @Test
    void aChangeSeenByManyAtOnceIsRecordedOnce() throws Exception {
        // given: sixteen recorders, each with its own connection, released together
        BudgetStateStore store = store();
        String source = "race_" + getClass().getSimpleName().length();
        int recorders = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(recorders);
        List<Future<Optional<Change>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < recorders; i++) {
                Callable<Optional<Change>> recorder = () -> {
                    start.await();
                    return store.record(source, NOVEMBER, standing(BudgetState.AT_RISK, "9.00"), NOW, Cause.api());
                };
                results.add(pool.submit(recorder));
            }
            start.countDown();

            // then: one of them recorded it, as number 1
            int recorded = 0;
            for (Future<Optional<Change>> result : results) {
                if (result.get().isPresent()) {
                    recorded++;
                }
            }
            assertThat(recorded).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(new JdbcTemplate(warehouse())
                        .queryForObject(
                                "SELECT COUNT(*) FROM budget_state WHERE source = ? AND period_month = '2026-11'",
                                Long.class,
                                source))
                .isEqualTo(1L);
        assertThat(store.latest(source, NOVEMBER).map(BudgetStateRecording::line))
                .contains("2026-11 #1 ok -> at_risk 9.00 api null");
    }

    static String line(Change c) {
        return c.month() + " #" + c.seq() + " " + c.previous().code() + " -> "
                + c.state().code() + " " + c.estimateSoFar() + " " + c.cause() + " " + c.jobExecutionId();
    }
}
