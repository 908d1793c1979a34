package com.contactcenter.billing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.support.MariaDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark at a tiny size, as CI runs it: a smoke test that every step runs and is written
 * with the rows it handled. Its times are not asserted (it is not a timed test).
 */
@ExtendWith(MariaDb.class)
class BenchMariaDbIT {

    @TempDir
    Path out;

    @Test
    void tinyBenchWritesEveryStepWithItsRows() throws IOException {
        int exit = BenchCommand.run(
                new String[] {
                    "bench",
                    "--messages",
                    "3000",
                    "--users",
                    "30",
                    "--month",
                    "2026-10",
                    "--db",
                    "jdbc:mysql://" + MariaDb.HOST + ":" + MariaDb.PORT + "/billing_it_bench?useSSL=false"
                            + "&allowPublicKeyRetrieval=true",
                    "--user",
                    MariaDb.USER,
                    "--password",
                    MariaDb.PASSWORD,
                    "--out",
                    out.toString()
                },
                System.out,
                System.err,
                Clock.systemUTC());

        assertThat(exit).isZero();
        String results = Files.readString(out.resolve("results.md"));
        assertThat(results).contains("- tenant: 3,000 messages, 30 users (seed 42); month 2026-10-01..2026-10-31");
        Map<String, List<String>> rows = ResultsTable.rows(results);
        // 3,042 messages, 179 calls, 76 bot sessions (87 rows of them invalid) and 286 user sessions
        // over 2026-09-30..2026-10-31 UTC; October in Bogota holds 3,425 of them.
        assertThat(rows)
                .containsOnlyKeys(
                        "generate tenant",
                        "scan floor",
                        "query floor",
                        "driver floor (columns read, not folded)",
                        "full-month sync",
                        "scan floor (3 days)",
                        "nightly sync (3 days)",
                        "snapshot",
                        "Excel floor (median of 5)",
                        "xlsx report (median of 5)",
                        "pdf report (median of 5)",
                        "month end to end (sync, snapshot, xlsx, pdf)",
                        "command start: bare JVM (run-job.sh --help) (median of 5)",
                        "command start: export of an existing snapshot (median of 5)",
                        "whole run");
        assertThat(rows.get("generate tenant").get(1)).isEqualTo("3,583");
        assertThat(rows.get("scan floor").get(1)).isEqualTo("3,425");
        assertThat(rows.get("query floor").get(1)).isEqualTo("3,425");
        assertThat(rows.get("driver floor (columns read, not folded)").get(1)).isEqualTo("3,425");
        assertThat(rows.get("full-month sync").get(1)).isEqualTo("3,425");
        assertThat(rows.get("scan floor (3 days)").get(1)).isEqualTo("322");
        assertThat(rows.get("nightly sync (3 days)").get(1)).isEqualTo("322");
        for (String usersListed : List.of(
                "snapshot", "Excel floor (median of 5)", "xlsx report (median of 5)", "pdf report (median of 5)")) {
            assertThat(rows.get(usersListed).get(1)).as(usersListed).isEqualTo("28");
        }
        assertThat(rows.get("month end to end (sync, snapshot, xlsx, pdf)").get(1))
                .isEqualTo("3,425");
        assertThat(rows.get("full-month sync").get(6)).isEqualTo("≤ 2 × scan floor; ≤ 1.5 × query floor");
        assertThat(rows.get("whole run").get(6)).isEqualTo("within a 256 MB heap (-Xmx256m)");
        // the xlsx's ratio and targets are given at 100,000 users only
        List<String> xlsx = rows.get("xlsx report (median of 5)");
        assertThat(List.of(xlsx.get(3), xlsx.get(6), xlsx.get(7))).containsOnly("");
        assertThat(rows.get("command start: export of an existing snapshot (median of 5)")
                        .get(6))
                .isEqualTo("≤ 3 × bare JVM; ≤ 2 s");
        assertThat(rows.get("command start: export of an existing snapshot (median of 5)")
                        .get(3))
                .endsWith(" × bare JVM");
        assertThat(Files.list(out.resolve("reports"))
                        .map(p -> p.getFileName().toString())
                        .sorted()
                        .toList())
                .containsExactly(
                        "billing-estimate_bench_2026-10-01_2026-10-31.pdf",
                        "billing-estimate_bench_2026-10-01_2026-10-31.xlsx");
        assertThat(out.resolve("excel-floor.xlsx")).doesNotExist();
    }
}
