package com.contactcenter.billing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code forecast-backtest} on the command line: bad arguments exit 2 before any data is touched. */
class ForecastBacktestUsageTest {

    @TempDir
    Path dir;

    static Stream<Arguments> badUsage() {
        return Stream.of(
                Arguments.of(new String[] {"forecast-backtest", "--months", "3"}, "--source is required"),
                Arguments.of(new String[] {"forecast-backtest", "--source", "t1"}, "--months is required"),
                Arguments.of(
                        new String[] {"forecast-backtest", "--source", "t1", "--months", "0"},
                        "--months must be between 1 and 60, not 0"),
                Arguments.of(
                        new String[] {"forecast-backtest", "--source", "t1", "--months", "61"},
                        "--months must be between 1 and 60, not 61"),
                Arguments.of(
                        new String[] {"forecast-backtest", "--source", "t1", "--months", "three"},
                        "--months 'three' is not a whole number"),
                Arguments.of(
                        new String[] {"forecast-backtest", "--source", "nope", "--months", "3"},
                        "unknown source 'nope'; configured: t1"),
                Arguments.of(
                        new String[] {"forecast-backtest", "--source", "t1", "--months", "3", "--from", "2026-01-01"},
                        "unknown option --from for 'forecast-backtest'"),
                Arguments.of(
                        new String[] {"forecast-backtest", "--source", "t1", "--months", "3", "--months", "4"},
                        "--months is given twice"));
    }

    @ParameterizedTest
    @MethodSource("badUsage")
    void badArgumentsExitTwoWithAUsageMessageBeforeTouchingAnyData(String[] args, String message) {
        CliRun cli = new CliRun(dir);

        CliRun.Result result = cli.run(cli.with(args));

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("error: " + message, "run './run-job.sh help' for usage");
        assertThat(dir.resolve("warehouse.mv.db")).doesNotExist();
        assertThat(dir.resolve("tenant.mv.db")).doesNotExist();
    }

    @Test
    void theUsageNamesTheCommand() {
        CliRun.Result result = new CliRun(dir).run("forecast-backtest", "--help");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("forecast-backtest --source NAME --months N");
    }

    @Test
    void aTenantNeverSyncedHasNothingToReplay() {
        CliRun cli = new CliRun(dir);

        CliRun.Result result = cli.run(cli.with("forecast-backtest", "--source", "t1", "--months", "2"));

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("error: nothing to forecast from: source 't1' has never been synced");
        assertThat(dir.resolve("tenant.mv.db")).doesNotExist();
    }
}
