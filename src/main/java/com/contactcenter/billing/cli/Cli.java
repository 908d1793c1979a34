package com.contactcenter.billing.cli;

import com.contactcenter.billing.BillingApplication;
import com.contactcenter.billing.config.BillingProperties;
import com.contactcenter.billing.source.SourceRegistry;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * What run-job.sh calls. Arguments are checked before anything starts: bad usage exits 2 with a
 * message and the command's usage, a failed job exits 1 with a one-line reason, success exits 0.
 */
public final class Cli {

    static final Map<String, Set<String>> OPTIONS = Map.ofEntries(
            Map.entry("demo", Set.of()),
            Map.entry("sync", Set.of("source", "from", "to")),
            Map.entry("snapshot", Set.of("source", "from", "to", "group-by")),
            Map.entry("export", Set.of("source", "period", "from", "to", "group-by", "format", "out")),
            Map.entry("diff", Set.of("source", "from", "to", "group-by")),
            Map.entry("report", Set.of("source", "period", "from", "to", "group-by", "format", "out")),
            Map.entry("demo-data", Set.of("url", "user", "password", "users", "messages", "seed", "months", "end")),
            Map.entry("serve", Set.of()),
            Map.entry("resync", Set.of("source", "from", "to")),
            Map.entry("restart", Set.of()),
            Map.entry("hash-password", Set.of()),
            Map.entry("sources", Set.of()),
            Map.entry("portfolio", Set.of("period", "format", "out")),
            Map.entry("bench", Set.of("messages", "users", "db", "user", "password", "month", "out", "reuse-tenant")));

    /** Options that take no value. */
    static final Set<String> FLAGS = Set.of("reuse-tenant");

    static final String USAGE = """
            usage: ./run-job.sh [COMMAND] [OPTIONS] [--spring.*=...]

            With no command, runs the demo: generates a demo tenant database, syncs it into the
            embedded warehouse, snapshots the current month, prints the estimate and writes
            the JSON export and both reports.

            commands:
              sync      [--source NAME] [--from DATE --to DATE]
                        sync usage from the sources (all of them by default) into the warehouse;
                        without a range, the nightly window (today, yesterday and trailing days)
              snapshot  --source NAME --from DATE --to DATE [--group-by day|week|month]
                        compute a snapshot version of a period from the warehouse
              export    --source NAME (--period YYYY-MM | --from DATE --to DATE) [--group-by ...]
                        --format json --out FILE
                        write the newest snapshot of that period (computed if there is none)
              diff      --source NAME --from DATE --to DATE [--group-by ...]
                        compare the two newest snapshot versions of a period
              report    --source NAME (--period YYYY-MM | --from DATE --to DATE) [--group-by ...]
                        [--format xlsx,pdf] [--out DIR]
                        render the newest snapshot of that period (computed if there is none) as
                        billing-estimate_<source>_<from>_<to>.xlsx / .pdf (default: both, in
                        billing.report.out-dir)
              portfolio --period YYYY-MM [--format xlsx,csv] [--out DIR]
                        every tenant's newest snapshot of the month (computed where missing) in one
                        workbook, billing-portfolio_<YYYY-MM>.xlsx, and its Tenants sheet as .csv
                        (default: both, in billing.report.out-dir)
              serve     [--server.port=8080]
                        run the service: the schedule (Quartz, clustered in the warehouse) and the
                        HTTP API (see README, "Service"); stops on SIGTERM or Ctrl-C
              resync    --source NAME --from DATE --to DATE
                        re-sync one source over a period: prints the job execution id at once,
                        then follows the run to its end
              restart   EXECUTION_ID
                        restart a failed or crashed sync execution; it continues after its last
                        committed day
              sources   list every tenant: origin (yaml or directory), time zone, server and last
                        sync; the directory rows skipped, and whether the directory could be read
              hash-password
                        read a password from standard input and print its {bcrypt} hash, for
                        an API account's password-hash (billing.security.accounts)
              demo-data --url JDBC_URL [--user U --password P] --users N --messages N [--seed S]
                        [--months M] [--end DATE]
                        generate reference-schema demo data into a MySQL, MariaDB or H2 database
              bench     [--messages N] [--users N] [--db JDBC_URL] [--user U --password P]
                        [--month YYYY-MM] [--out DIR] [--reuse-tenant]
                        generate a tenant (default 10,000,000 messages, 5,000 users, last month)
                        in MariaDB/MySQL (default jdbc:mysql://127.0.0.1:3306/billing_bench: databases
                        billing_bench_src and billing_bench_wh, recreated), measure the floors, the
                        syncs, the snapshot and both reports, and write DIR/results.md (default
                        target/bench); run-job.sh runs it with -Xmx256m unless JAVA_OPTS sets -Xmx
              help      this text

            Dates are local dates (YYYY-MM-DD) in the source's time zone, both inclusive.
            Every command takes --help. Exit status: 0 done, 1 the job failed, 2 bad usage.
            """;

    private Cli() {
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        CliArguments arguments;
        try {
            arguments = CliArguments.parse(args, OPTIONS, FLAGS);
            if (arguments.help()) {
                out.print(USAGE);
                return 0;
            }
            if (!arguments.positional().isEmpty() && !arguments.command().equals("restart")) {
                throw new UsageException(arguments.command(), "unexpected argument '" + arguments.positional().get(0) + "'");
            }
            CommandRequest request = CommandRequest.of(arguments);
            if (request instanceof CommandRequest.HashPassword) {
                return hashPassword(out, err);
            }
            if (request instanceof CommandRequest.DemoData demoData) {
                return DemoDataCommand.run(demoData, out, err);
            }
            if (request instanceof CommandRequest.Bench bench) {
                return BenchCommand.run(bench.spec(), arguments.springArgs(), out, err);
            }
            checkSources(request, arguments.springArgs());
            if (request instanceof CommandRequest.Serve) {
                return serve(arguments.springArgs(), err);
            }
            try (ConfigurableApplicationContext context = start(arguments.springArgs())) {
                requireKnown(request, context.getBean(SourceRegistry.class).names());
                if (request instanceof CommandRequest.Sources) {
                    return context.getBean(SourcesCommand.class).print(out);
                }
                return context.getBean(CliCommands.class).execute(request, out, err);
            }
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println("run './run-job.sh help' for usage");
            return 2;
        } catch (RuntimeException e) {
            err.println("error: " + oneLine(e));
            return 1;
        }
    }

    /**
     * Unknown source names are usage errors, found from config alone, before the warehouse is opened;
     * with a tenant directory only once the application has read it ({@link #requireKnown}).
     */
    private static void checkSources(CommandRequest request, String[] springArgs) {
        if (request.sources().isEmpty()) {
            return;
        }
        SpringApplication peek = new SpringApplication(ConfigOnly.class);
        quiet(peek);
        try (ConfigurableApplicationContext context = peek.run(springArgs)) {
            BillingProperties config = Binder.get(context.getEnvironment())
                    .bind("billing", Bindable.of(BillingProperties.class))
                    .orElseGet(() -> new BillingProperties(List.of(), null, null, null, null, null, null, null, null, null));
            if (!config.directory().configured()) {
                requireKnown(request, config.sourceNames());
            }
        }
    }

    private static void requireKnown(CommandRequest request, List<String> known) {
        for (String source : request.sources()) {
            if (!known.contains(source)) {
                throw new UsageException(request.command(), "unknown source '" + source + "'; configured: "
                        + (known.isEmpty() ? "none" : String.join(", ", known)));
            }
        }
    }

    /** Prints the bcrypt hash of the password read from the console (not echoed) or standard input. */
    private static int hashPassword(PrintStream out, PrintStream err) {
        String password;
        try {
            java.io.Console console = System.console();
            if (console != null) {
                char[] typed = console.readPassword("password: ");
                password = typed == null ? null : new String(typed);
            } else {
                password = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                        java.nio.charset.StandardCharsets.UTF_8)).readLine();
            }
        } catch (java.io.IOException e) {
            err.println("error: could not read the password: " + e.getMessage());
            return 1;
        }
        if (password == null || password.isEmpty()) {
            err.println("error: empty password");
            return 1;
        }
        out.println("{bcrypt}" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().encode(password));
        return 0;
    }

    /**
     * Runs the web server and the scheduler until the JVM is asked to stop (SIGTERM, Ctrl-C):
     * Spring's shutdown hook closes the context, which ends the wait.
     */
    private static int serve(String[] springArgs, PrintStream err) {
        SpringApplication app = new SpringApplication(BillingApplication.class);
        app.setWebApplicationType(WebApplicationType.SERVLET);
        app.setBannerMode(Banner.Mode.OFF);
        CountDownLatch closed = new CountDownLatch(1);
        app.addListeners((ApplicationListener<ContextClosedEvent>) e -> closed.countDown());
        // the scheduler is off in application.yml (only this command fires triggers); an argument outranks it
        String[] args = new String[springArgs.length + 1];
        args[0] = "--spring.quartz.auto-startup=true";
        System.arraycopy(springArgs, 0, args, 1, springArgs.length);
        app.run(args);
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return 1;
        }
        return 0;
    }

    static ConfigurableApplicationContext start(String[] springArgs) {
        SpringApplication app = new SpringApplication(BillingApplication.class);
        quiet(app);
        return app.run(springArgs);
    }

    private static void quiet(SpringApplication app) {
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
    }

    static String oneLine(Throwable e) {
        Throwable shown = e;
        while (shown.getCause() != null && (shown.getMessage() == null || shown instanceof org.springframework.beans.BeansException)) {
            shown = shown.getCause();
        }
        String message = shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /** {@link #oneLine(Throwable)} with {@code password} (when there is one) masked. */
    static String oneLine(Throwable e, String password) {
        String reason = oneLine(e);
        return password == null || password.isEmpty() ? reason : reason.replace(password, "****");
    }

    /** Loads configuration and nothing else. */
    static class ConfigOnly {
    }
}
