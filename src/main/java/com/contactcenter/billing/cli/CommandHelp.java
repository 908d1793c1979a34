package com.contactcenter.billing.cli;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@code help} prints (every command) and what {@code COMMAND --help} prints (that command's
 * options and what it does, the same words as in the whole list).
 */
final class CommandHelp {

    private static final String HEADER = """
            usage: ./run-job.sh [COMMAND] [OPTIONS] [--spring.*=...]

            With no command, runs the demo: generates a demo tenant database (three months up to
            now), syncs it into the embedded warehouse, prints last month by day and today, and
            writes last month's JSON export and both its reports.

            """;

    /** Exit statuses, for every command; dates only for the commands that take one. */
    private static final String DATES =
            "Dates are local dates (YYYY-MM-DD) in the source's time zone, both inclusive.\n";

    private static final String EXIT = "Exit status: 0 done, 1 the job failed, 2 bad usage.\n";

    /** A command's usage line(s) and what it does, as the list shows it. */
    private record Entry(String command, String text) {}

    /** In the order the list shows them; a command with two forms (bench) has an entry for each. */
    private static final List<Entry> COMMANDS = List.of(
            new Entry("sync", """
                  sync      [--source NAME] [--from DATE --to DATE]
                            sync usage from the sources (all of them by default) into the warehouse;
                            without a range, the nightly window (today, yesterday and trailing days).
                            One job per tenant, shared with the serve nodes (this process helps
                            while it waits); prints progress, exits 1 naming the tenants that failed
                """),
            new Entry("snapshot", """
                  snapshot  --source NAME --from DATE --to DATE [--group-by day|week|month]
                            compute a snapshot version of a period from the warehouse
                """),
            new Entry("export", """
                  export    --source NAME (--period YYYY-MM | --from DATE --to DATE) [--group-by ...]
                            --format json --out FILE
                            write the newest snapshot of that period (computed if there is none)
                """),
            new Entry("diff", """
                  diff      --source NAME --from DATE --to DATE [--group-by ...]
                            why the estimate moved between the two newest snapshot versions of a
                            period: parts (prices, users added and ended, usage per service,
                            rounding) that add up exactly to the total's difference
                """),
            new Entry("report", """
                  report    --source NAME (--period YYYY-MM | --from DATE --to DATE) [--group-by ...]
                            [--format xlsx,pdf] [--out DIR]
                            render the newest snapshot of that period (computed if there is none) as
                            billing-estimate_<source>_<from>_<to>.xlsx / .pdf (default: both, in
                            billing.report.out-dir)
                """),
            new Entry("portfolio", """
                  portfolio --period YYYY-MM [--format xlsx,csv] [--out DIR]
                            every tenant's newest snapshot of the month (computed where missing) in one
                            workbook, billing-portfolio_<YYYY-MM>.xlsx, and its Tenants sheet as .csv
                            (default: both, in billing.report.out-dir)
                """),
            new Entry("forecast-backtest", """
                  forecast-backtest --source NAME --months N
                            replay the month-end forecast as of days 3, 7, 10, 14 and 21 of each of the
                            last N complete months from the warehouse alone, and print per day the
                            mean error of the total and of each service against the straight line,
                            and how often the month's total fell inside the 80 % interval
                """),
            new Entry("serve", """
                  serve     [--server.port=8080]
                            run the service: the schedule (Quartz, clustered in the warehouse) and the
                            HTTP API (see README, "Service"); stops on SIGTERM or Ctrl-C
                """),
            new Entry("resync", """
                  resync    --source NAME --from DATE --to DATE
                            re-sync one source over a period: prints the job execution id at once,
                            then follows the run to its end
                """),
            new Entry("restart", """
                  restart   EXECUTION_ID
                            restart a failed or crashed sync execution; it continues after its last
                            committed day
                """),
            new Entry("sources", """
                  sources   list every tenant: origin (yaml or directory), time zone, server and last
                            sync; the directory rows skipped, and whether the directory could be read
                """),
            new Entry("hash-password", """
                  hash-password
                            read a password from standard input and print its {bcrypt} hash, for
                            an API account's password-hash (billing.security.accounts)
                """),
            new Entry("demo-data", """
                  demo-data --url JDBC_URL [--user U --password P] --users N --messages N [--seed S]
                            [--months M] [--end DATE]
                            generate reference-schema demo data into a MySQL, MariaDB or H2 database,
                            up to now or over whole days up to --end (H2 without --user: sa)
                """),
            new Entry("bench", """
                  bench     [OPTIONS]
                            measure the sync, the snapshot and the reports on one large tenant, or
                            many small tenants synced at once (see ./run-job.sh bench --help; the
                            benchmark is built beside the jar, not in it)
                """),
            new Entry("help", """
                  help      this text
                """));

    private CommandHelp() {}

    /** Every command. */
    static String all() {
        return HEADER + "commands:\n" + COMMANDS.stream().map(Entry::text).collect(Collectors.joining()) + "\n" + DATES
                + "Every command takes --help. " + EXIT;
    }

    /** One command's options; every command for the demo (no command) and for a name that is none. */
    static String of(String command) {
        String forms = COMMANDS.stream()
                .filter(e -> e.command().equals(command))
                .map(Entry::text)
                .collect(Collectors.joining());
        if (command.equals("demo") || forms.isEmpty()) {
            return all();
        }
        return "usage: ./run-job.sh " + command + " [OPTIONS] [--spring.*=...]\n\n" + forms + "\n"
                + (forms.contains("DATE") ? DATES : "") + EXIT;
    }
}
