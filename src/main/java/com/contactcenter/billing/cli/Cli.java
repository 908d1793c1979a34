package com.contactcenter.billing.cli;

import com.contactcenter.billing.BillingApplication;
import com.contactcenter.billing.config.BillingProperties;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What run-job.sh calls. Arguments are checked before anything starts: bad usage exits 2 with a
 * message and the command's usage, a failed job exits 1 with a one-line reason, success exits 0.
 */
public final class Cli {

    static final Map<String, Set<String>> OPTIONS = Map.of(
            "demo", Set.of(),
            "sync", Set.of("source", "from", "to"),
            "snapshot", Set.of("source", "from", "to", "group-by"),
            "export", Set.of("source", "period", "from", "to", "group-by", "format", "out"),
            "diff", Set.of("source", "from", "to", "group-by"),
            "report", Set.of("source", "period", "from", "to", "group-by", "format", "out"),
            "demo-data", Set.of("url", "user", "password", "users", "messages", "seed", "months", "end"));

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
              demo-data --url JDBC_URL [--user U --password P] --users N --messages N [--seed S]
                        [--months M] [--end DATE]
                        generate reference-schema demo data into a MySQL, MariaDB or H2 database
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
            arguments = CliArguments.parse(args, OPTIONS, Set.of());
            if (arguments.help()) {
                out.print(USAGE);
                return 0;
            }
            if (!arguments.positional().isEmpty()) {
                throw new UsageException(arguments.command(), "unexpected argument '" + arguments.positional().get(0) + "'");
            }
            CommandRequest request = CommandRequest.of(arguments);
            if (request instanceof CommandRequest.DemoData demoData) {
                return DemoDataCommand.run(demoData, out, err);
            }
            checkSources(request, arguments.springArgs());
            try (ConfigurableApplicationContext context = start(arguments.springArgs())) {
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

    /** Unknown source names are usage errors, found from config alone, before the warehouse is opened. */
    private static void checkSources(CommandRequest request, String[] springArgs) {
        List<String> asked = request.sources();
        if (asked.isEmpty()) {
            return;
        }
        SpringApplication peek = new SpringApplication(ConfigOnly.class);
        quiet(peek);
        try (ConfigurableApplicationContext context = peek.run(springArgs)) {
            BillingProperties config = Binder.get(context.getEnvironment())
                    .bind("billing", Bindable.of(BillingProperties.class))
                    .orElseGet(() -> new BillingProperties(List.of(), null, null, null, null));
            for (String source : asked) {
                if (!config.sourceNames().contains(source)) {
                    throw new UsageException(request.command(), "unknown source '" + source + "'; configured: "
                            + (config.sourceNames().isEmpty() ? "none" : String.join(", ", config.sourceNames())));
                }
            }
        }
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

    /** Loads configuration and nothing else. */
    static class ConfigOnly {
    }
}
