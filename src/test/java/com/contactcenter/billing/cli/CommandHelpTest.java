package com.contactcenter.billing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code COMMAND --help} prints that command's options, and nothing of the other commands. */
class CommandHelpTest {

    @TempDir
    Path dir;

    static Stream<String> commands() {
        return Cli.OPTIONS.keySet().stream().filter(c -> !c.equals("demo")).sorted();
    }

    @ParameterizedTest(name = "{0} --help")
    @MethodSource("commands")
    void eachCommandsHelpNamesEveryOptionItTakesAndNoOtherCommand(String command) {
        CliRun.Result result = new CliRun(dir).run(command, "--help");

        assertThat(result.exit()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out())
                .startsWith("usage: ./run-job.sh " + command + " [OPTIONS] [--spring.*=...]\n\n")
                .containsPattern(line(command))
                .endsWith("Exit status: 0 done, 1 the job failed, 2 bad usage.\n");
        for (String option : Cli.OPTIONS.get(command)) {
            assertThat(result.out()).as(command + " --" + option).contains("--" + option);
        }
        for (String other : Cli.OPTIONS.keySet()) {
            if (!other.equals(command)) {
                assertThat(result.out()).as("a line of " + other).doesNotContainPattern(line(other));
            }
        }
        assertThat(new CliRun(dir).run("help", command).out()).isEqualTo(result.out());
    }

    /** Where a command's usage starts: its name at the start of an indented line. */
    private static Pattern line(String command) {
        return Pattern.compile("\n  " + Pattern.quote(command) + "\\s");
    }

    @Test
    void syncsHelpIsItsOwnUsageAndWhatItDoes() {
        CliRun.Result result = new CliRun(dir).run("sync", "--source", "t1", "--help");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).isEqualTo("""
                usage: ./run-job.sh sync [OPTIONS] [--spring.*=...]

                  sync      [--source NAME] [--from DATE --to DATE]
                            sync usage from the sources (all of them by default) into the warehouse;
                            without a range, the nightly window (today, yesterday and trailing days).
                            One job per tenant, shared with the serve nodes (this process helps
                            while it waits); prints progress, exits 1 naming the tenants that failed

                Dates are local dates (YYYY-MM-DD) in the source's time zone, both inclusive.
                Exit status: 0 done, 1 the job failed, 2 bad usage.
                """);
    }

    @Test
    void aCommandWithoutDatesLeavesTheDatesLineOut() {
        String help = new CliRun(dir).run("sources", "--help").out();

        assertThat(help).isEqualTo("""
                usage: ./run-job.sh sources [OPTIONS] [--spring.*=...]

                  sources   list every tenant: origin (yaml or directory), time zone, server and last
                            sync; the directory rows skipped, and whether the directory could be read

                Exit status: 0 done, 1 the job failed, 2 bad usage.
                """);
    }

    @Test
    void helpAloneAndTheDemosHelpListEveryCommand() {
        String all = new CliRun(dir).run("help").out();

        assertThat(new CliRun(dir).run("--help").out()).isEqualTo(all);
        assertThat(all)
                .startsWith("usage: ./run-job.sh [COMMAND] [OPTIONS] [--spring.*=...]\n")
                .endsWith("Every command takes --help. Exit status: 0 done, 1 the job failed, 2 bad usage.\n");
        for (String command : Set.copyOf(Cli.OPTIONS.keySet())) {
            if (!command.equals("demo")) {
                assertThat(all).as(command).containsPattern(line(command));
            }
        }
    }
}
