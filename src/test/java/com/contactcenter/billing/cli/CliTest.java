package com.contactcenter.billing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The command line as an operator uses it: exit codes, messages, and what it leaves behind. */
class CliTest {

    @TempDir
    Path dir;

    private CliRun cli;

    @BeforeEach
    void cliInThisTestsFolder() {
        cli = new CliRun(dir);
    }

    static Stream<Arguments> badUsage() {
        return Stream.of(
                Arguments.of(
                        new String[] {"sync", "--from", "2026-10-05", "--to", "2026-10-01"},
                        "--from 2026-10-05 is after --to 2026-10-01"),
                Arguments.of(new String[] {"sync", "--from", "2026-10-05"}, "--to is required"),
                Arguments.of(new String[] {"sync", "--source", "nope"}, "unknown source 'nope'; configured: t1"),
                Arguments.of(
                        new String[] {"snapshot", "--source", "t1", "--from", "2026-02-30", "--to", "2026-03-01"},
                        "--from '2026-02-30' no es una fecha (AAAA-MM-DD)"),
                Arguments.of(
                        new String[] {
                            "snapshot", "--source", "t1", "--from", "+999999999-12-31", "--to", "+999999999-12-31"
                        },
                        "--from '+999999999-12-31' no es una fecha (AAAA-MM-DD)"),
                Arguments.of(
                        new String[] {"diff", "--source", "t1", "--from", "2026-10-01", "--to", "2026-10-1"},
                        "--to '2026-10-1' no es una fecha (AAAA-MM-DD)"),
                Arguments.of(
                        new String[] {
                            "export",
                            "--source",
                            "t1",
                            "--from",
                            "0000-01-01",
                            "--to",
                            "2026-01-01",
                            "--format",
                            "json",
                            "--out",
                            "x.json"
                        },
                        "--from 0000-01-01 es anterior a 2000-01-01, el primer día admitido"),
                Arguments.of(
                        new String[] {"report", "--source", "t1", "--period", "1999-12"},
                        "--from 1999-12-01 es anterior a 2000-01-01, el primer día admitido"),
                Arguments.of(
                        new String[] {"sync", "--from", "0000-01-01", "--to", "2026-01-01"},
                        "--from 0000-01-01 es anterior a 2000-01-01, el primer día admitido"),
                Arguments.of(
                        new String[] {"sync", "--source", "t1", "--from", "+999999999-12-31", "--to", "+999999999-12-31"
                        },
                        "--from '+999999999-12-31' no es una fecha (AAAA-MM-DD)"),
                Arguments.of(
                        new String[] {"sync", "--source", "t1", "--from", "9999-12-31", "--to", "9999-12-31"},
                        "--to 9999-12-31 es posterior a "),
                Arguments.of(
                        new String[] {"resync", "--source", "t1", "--from", "1990-01-01", "--to", "2026-10-01"},
                        "--from 1990-01-01 es anterior a 2000-01-01, el primer día admitido"),
                Arguments.of(
                        new String[] {"resync", "--source", "t1", "--from", "2026-02-30", "--to", "2026-03-01"},
                        "--from '2026-02-30' no es una fecha (AAAA-MM-DD)"),
                Arguments.of(
                        new String[] {"diff", "--source", "t1", "--from", "2026-10-01", "--to", "2999-01-01"},
                        "--to 2999-01-01 es posterior a "),
                Arguments.of(
                        new String[] {
                            "snapshot",
                            "--source",
                            "t1",
                            "--from",
                            "2026-02-30",
                            "--to",
                            "2026-03-01",
                            "--billing.report.locale=en"
                        },
                        "--from '2026-02-30' is not a date (YYYY-MM-DD)"),
                Arguments.of(
                        new String[] {
                            "snapshot",
                            "--source",
                            "t1",
                            "--from",
                            "2010-01-01",
                            "--to",
                            "2010-01-02",
                            "--billing.sync.earliest-date=2020-01-01",
                            "--billing.report.locale=en"
                        },
                        "--from 2010-01-01 is before 2020-01-01, the earliest day allowed"),
                Arguments.of(
                        new String[] {"snapshot", "--from", "2026-10-01", "--to", "2026-10-31"},
                        "--source is required"),
                Arguments.of(
                        new String[] {
                            "snapshot",
                            "--source",
                            "t1",
                            "--from",
                            "2026-10-01",
                            "--to",
                            "2026-10-31",
                            "--group-by",
                            "year"
                        },
                        "--group-by must be day, week or month, not 'year'"),
                Arguments.of(
                        new String[] {
                            "export", "--source", "t1", "--period", "2026-13", "--format", "json", "--out", "x.json"
                        },
                        "--period '2026-13' is not a month (YYYY-MM)"),
                Arguments.of(
                        new String[] {
                            "export", "--source", "t1", "--period", "2026-10", "--format", "csv", "--out", "x.json"
                        },
                        "--format must be json, not 'csv'"),
                Arguments.of(
                        new String[] {
                            "export",
                            "--source",
                            "t1",
                            "--period",
                            "2026-10",
                            "--from",
                            "2026-10-01",
                            "--to",
                            "2026-10-02",
                            "--format",
                            "json",
                            "--out",
                            "x"
                        },
                        "give either --period or --from/--to, not both"),
                Arguments.of(new String[] {"diff", "--source", "t1", "--from", "2026-10-01"}, "--to is required"),
                Arguments.of(
                        new String[] {"demo-data", "--url", "jdbc:h2:mem:x", "--users", "ten", "--messages", "5"},
                        "--users 'ten' is not a whole number"),
                Arguments.of(new String[] {"frobnicate"}, "unknown command 'frobnicate'"),
                Arguments.of(
                        new String[] {"report", "--source", "t1", "--period", "2026-10", "--format", "xlsx,docx"},
                        "--format must be xlsx or pdf, not 'docx'"),
                Arguments.of(
                        new String[] {"report", "--source", "t1"},
                        "--period YYYY-MM or --from DATE --to DATE is required"),
                Arguments.of(new String[] {"sync", "--verbose"}, "unknown option --verbose for 'sync'"));
    }

    @ParameterizedTest
    @MethodSource("badUsage")
    void badUsageExitsTwoWithAClearMessageBeforeTouchingAnyData(String[] args, String message) {
        CliRun.Result result = cli.run(cli.with(args));

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("error: " + message);
        assertThat(dir.resolve("warehouse.mv.db")).doesNotExist();
        assertThat(dir.resolve("tenant.mv.db")).doesNotExist();
    }

    @Test
    void helpPrintsEveryCommandAndExitsZero() {
        CliRun.Result result = cli.run("help");

        assertThat(result.exit()).isZero();
        assertThat(result.out())
                .contains(
                        "sync",
                        "snapshot",
                        "export",
                        "diff",
                        "demo-data",
                        "Exit status: 0 done, 1 the job failed, 2 bad usage");
    }

    @Test
    void aSourceWhosePlanIsNoPlanStopsTheCommandWithOneLineNamingIt() {
        CliRun.Result result = cli.run(cli.with("sync", "--source", "t1", "--billing.sources[0].plan=gold"));

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err().strip())
                .isEqualTo("error: billing.sources 't1' has the plan 'gold', which is not in"
                        + " billing.pricing.plans (plans: default)");
    }

    @Test
    void aSyncOfManyTenantsWhereSomeFailExitsOneNamingTheFirstTwentyAndCountingTheRest() {
        // given t1 and 22 more tenants whose databases do not exist (an H2 file is never created)
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
                cli.with("sync", "--from", "2026-10-01", "--to", "2026-10-02", "--billing.sync.retry.attempts=1")));
        for (int i = 1; i <= 22; i++) {
            String name = String.format("gone-%02d", i);
            args.add("--billing.sources[" + i + "].name=" + name);
            args.add("--billing.sources[" + i + "].url=jdbc:h2:file:" + dir.resolve(name) + ";IFEXISTS=TRUE");
            args.add("--billing.sources[" + i + "].username=sa");
            args.add("--billing.sources[" + i + "].time-zone=UTC");
        }

        // when they are synced in one request
        CliRun.Result result = cli.run(args.toArray(String[]::new));

        // then the command fails, names the first 20 with their reasons and counts the other 3
        assertThat(result.exit()).as(result.out() + result.err()).isEqualTo(1);
        StringBuilder expected = new StringBuilder("error: sync failed for 23 tenants: ");
        for (int i = 1; i <= 20; i++) {
            String name = String.format("gone-%02d", i);
            String file = dir.resolve(name).toString();
            expected.append(name)
                    .append(" (source '")
                    .append(name)
                    .append("' at h2:file:")
                    .append(file)
                    .append(": reading users, roles and channels failed: Database \"")
                    .append(file)
                    .append("\" not found, and IFEXISTS=true, so we cant auto-create it [90146-240]); ");
        }
        assertThat(result.err().strip()).isEqualTo(expected.append("and 3 more").toString());
        assertThat(result.out()).contains("23 / 23 tenants done, 23 failed, 0 running, 0 waiting");
    }

    @Test
    void snapshotOfASourceNeverSyncedFailsWithOneLineAndExitOne() {
        CliRun.Result result =
                cli.run(cli.with("snapshot", "--source", "t1", "--from", "2026-10-01", "--to", "2026-10-31"));

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err().strip())
                .isEqualTo(
                        "error: nothing to compute from: source 't1' has never been synced (run: ./run-job.sh sync --source t1)");
    }

    @Test
    void demoDataIntoAnH2FileNeedsNoUserAndRunsUpToTheClocksInstant() {
        // 2026-10-31 14:00 UTC: the data ends then, its future rows 10 to 70 minutes later
        java.time.Clock clock =
                java.time.Clock.fixed(java.time.Instant.parse("2026-10-31T14:00:00Z"), java.time.ZoneOffset.UTC);
        String[] args = {"demo-data", "--url", cli.sourceUrl(), "--users", "30", "--messages", "2000", "--months", "1"};

        CliRun.Result first = cli.run(clock, args);
        // a database that exists already (made by the demo as sa) opens the same way
        CliRun.Result again = cli.run(clock, args);

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(again.exit()).as(again.err()).isZero();
        // 2,000 valid messages + 42 invalid, 100 + 29 calls, 40 + 16 bot sessions, 87 invalid rows
        assertThat(again.out())
                .contains(
                        "2,042 messages, 129 calls, 56 bot sessions (87 invalid rows); data up to 2026-10-31T14:00 UTC");
        CliRun.Result synced =
                cli.run(cli.with("sync", "--source", "t1", "--from", "2026-10-01", "--to", "2026-10-31"));
        assertThat(synced.exit()).as(synced.err()).isZero();
    }

    @Test
    void generatesSyncsSnapshotsExportsAndDiffsATenant() throws Exception {
        CliRun.Result generated = cli.run(
                "demo-data",
                "--url",
                cli.sourceUrl(),
                "--user",
                "sa",
                "--users",
                "30",
                "--messages",
                "5000",
                "--seed",
                "3",
                "--end",
                "2026-10-31",
                "--months",
                "1");
        assertThat(generated.exit()).as(generated.err()).isZero();

        CliRun.Result synced =
                cli.run(cli.with("sync", "--source", "t1", "--from", "2026-10-01", "--to", "2026-10-31"));
        assertThat(synced.exit()).as(synced.err()).isZero();
        assertThat(synced.out()).contains("COMPLETED").contains("t1").contains("31 days");

        Path out = dir.resolve("out/october.json");
        CliRun.Result exported = cli.run(cli.with(
                "export", "--source", "t1", "--period", "2026-10", "--format", "json", "--out", out.toString()));
        assertThat(exported.exit()).as(exported.err()).isZero();
        JsonNode doc = JsonMapper.builder().build().readTree(Files.readString(out));
        assertThat(doc.get("source").asString()).isEqualTo("t1");
        assertThat(doc.get("period").get("startUtc").asString()).isEqualTo("2026-10-01T05:00:00Z");
        assertThat(doc.get("snapshot").get("version").asInt()).isEqualTo(1);
        assertThat(doc.get("services")).hasSize(7);
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("october.json");
        }

        Path reports = dir.resolve("reports");
        CliRun.Result rendered =
                cli.run(cli.with("report", "--source", "t1", "--period", "2026-10", "--out", reports.toString()));
        assertThat(rendered.exit()).as(rendered.err()).isZero();
        try (Stream<Path> files = Files.list(reports)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "billing-estimate_t1_2026-10-01_2026-10-31.xlsx",
                            "billing-estimate_t1_2026-10-01_2026-10-31.pdf");
        }
        assertThat(rendered.out()).contains("version 1");

        Path notAFolder = Files.writeString(dir.resolve("not-a-folder"), "x");
        CliRun.Result unwritable = cli.run(cli.with(
                "report",
                "--source",
                "t1",
                "--period",
                "2026-10",
                "--format",
                "pdf",
                "--out",
                notAFolder.resolve("sub").toString()));
        assertThat(unwritable.exit()).isEqualTo(1);
        assertThat(unwritable.err().lines()).hasSize(1);
        assertThat(unwritable.err()).startsWith("error: cannot create the output folder " + notAFolder.resolve("sub"));

        Path failed = dir.resolve("failed-reports");
        Path corrupt = Files.writeString(dir.resolve("corrupt.xlsx"), "not a workbook");
        for (String[] setting : new String[][] {
            {"--billing.report.template=" + dir.resolve("missing.xlsx"), "missing.xlsx"},
            {"--billing.report.template=" + corrupt, "corrupt.xlsx"},
            {"--billing.report.font=" + dir.resolve("missing.ttf"), "missing.ttf"}
        }) {
            CliRun.Result broken = cli.run(cli.with(
                    "report", "--source", "t1", "--period", "2026-10", "--out", failed.toString(), setting[0]));
            assertThat(broken.exit()).as(setting[0]).isEqualTo(1);
            assertThat(broken.err().lines()).as(broken.err()).hasSize(1);
            assertThat(broken.err()).startsWith("error: cannot write ").contains(setting[1]);
            try (Stream<Path> files = Files.list(failed)) {
                assertThat(files)
                        .as("nothing is left behind when " + setting[1] + " fails")
                        .isEmpty();
            }
        }

        CliRun.Result oneVersion =
                cli.run(cli.with("diff", "--source", "t1", "--from", "2026-10-01", "--to", "2026-10-31"));
        assertThat(oneVersion.exit()).isEqualTo(1);
        assertThat(oneVersion.err())
                .isEqualTo(
                        "error: t1 del 2026-10-01 al 2026-10-31 (por month) tiene 1 versión(es); comparar necesita dos"
                                + System.lineSeparator());

        assertThat(cli.run(cli.with("sync", "--source", "t1", "--from", "2026-10-01", "--to", "2026-10-31"))
                        .exit())
                .isZero();
        CliRun.Result second =
                cli.run(cli.with("snapshot", "--source", "t1", "--from", "2026-10-01", "--to", "2026-10-31"));
        assertThat(second.exit()).isZero();
        assertThat(second.out()).contains("version 2");

        CliRun.Result diff = cli.run(cli.with("diff", "--source", "t1", "--from", "2026-10-01", "--to", "2026-10-31"));
        assertThat(diff.exit()).as(diff.err()).isZero();
        String total = new java.math.BigDecimal(doc.get("estimate").get("total").asString()).toPlainString();
        String grouped =
                String.format(java.util.Locale.forLanguageTag("es-CO"), "%,.2f", new java.math.BigDecimal(total));
        assertThat(diff.out().lines())
                .as("a re-sync of unchanged data changes nothing")
                .containsExactly(
                        "¿Por qué cambió? t1 del 2026-10-01 al 2026-10-31 (por month)",
                        diff.out().lines().toList().get(1),
                        "Total estimado: " + grouped + " COP → " + grouped + " COP; diferencia 0,00 COP",
                        "  Nada cambió entre las dos versiones.");
        assertThat(diff.out().lines().toList().get(1))
                .matches("Versión 1 \\(datos hasta .*\\) → versión 2 \\(datos hasta .*\\)");
    }
}
