package com.contactcenter.billing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The days a command leaves out, and the days its dates are checked against, are the injected clock's. */
class CommandClockTest {

    /** 02:00 UTC on June 1st 2020: still May 31st in Bogota, so tomorrow there is June 1st. */
    private static final Clock JUNE_FIRST = Clock.fixed(Instant.parse("2020-06-01T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void demoDataWithoutAnEndEndsOnTheClocksDay() {
        // given
        CliArguments arguments = CliArguments.parse(
                new String[] {"demo-data", "--url", "jdbc:h2:mem:x", "--users", "30", "--messages", "100"},
                Cli.OPTIONS,
                Cli.FLAGS);

        // when
        CommandRequest.DemoData request = (CommandRequest.DemoData) CommandRequest.of(arguments, JUNE_FIRST);

        // then
        assertThat(request.end()).isEqualTo(LocalDate.of(2020, 6, 1));
        assertThat(request.upTo()).isEqualTo(JUNE_FIRST.instant());
    }

    @Test
    void aDayAfterTomorrowByTheClockIsRefusedBeforeAnythingStarts() {
        // given
        CliRun cli = new CliRun(dir);

        // when: a day the system's clock has long passed
        CliRun.Result result = cli.run(
                JUNE_FIRST, cli.with("snapshot", "--source", "t1", "--from", "2020-06-01", "--to", "2020-06-02"));

        // then
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo("error: --to 2020-06-02 es posterior a 2020-06-01, mañana en America/Bogota\n"
                        + "run './run-job.sh help' for usage\n");
        assertThat(dir.resolve("warehouse.mv.db")).doesNotExist();
    }
}
