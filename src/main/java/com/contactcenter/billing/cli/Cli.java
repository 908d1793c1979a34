package com.contactcenter.billing.cli;

import com.contactcenter.billing.BillingApplication;
import com.contactcenter.billing.report.ReportProperties;
import com.contactcenter.billing.source.SourceRegistry;
import com.contactcenter.billing.source.TenantsProperties;
import com.contactcenter.billing.sync.SyncProperties;
import com.contactcenter.billing.validation.DateLimits;
import com.contactcenter.billing.validation.InvalidDateException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;

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
            Map.entry("forecast-backtest", Set.of("source", "months")));

    /** Commands about one source's period, whose dates are checked against the configuration's limits. */
    private static final Set<String> DATED = Set.of("snapshot", "export", "report", "diff", "sync", "resync");

    static final String PREINITIALIZER_IGNORE = "spring.backgroundpreinitializer.ignore";

    /** Options that take no value. */
    static final Set<String> FLAGS = Set.of();

    private Cli() {}

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        // the application's clock (config/ClockConfiguration), which the command line needs before it starts
        return run(args, out, err, Clock.systemUTC());
    }

    /** {@code clock} gives the days a command's options leave out and the day dates are checked against. */
    static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
        CliArguments arguments;
        try {
            arguments = CliArguments.parse(args, OPTIONS, FLAGS);
            if (!arguments.command().equals("serve")) {
                // Boot warms Jackson, validation and HTTP converters up in a thread of its own: a
                // command uses none of them, and on two cores that thread takes the start's CPU
                System.setProperty(PREINITIALIZER_IGNORE, "true");
            }
            if (arguments.help()) {
                out.print(CommandHelp.of(arguments.helpFor()));
                return 0;
            }
            if (!arguments.positional().isEmpty() && !arguments.command().equals("restart")) {
                throw new UsageException(
                        arguments.command(),
                        "unexpected argument '" + arguments.positional().get(0) + "'");
            }
            TenantsProperties config = null;
            DateLimits dates = null;
            if (DATED.contains(arguments.command())) {
                Binder binder = config(arguments.springArgs());
                config = binder.bindOrCreate("billing", Bindable.of(TenantsProperties.class));
                dates = dateLimits(binder, clock);
                arguments.checkDatesWith(dates);
            }
            CommandRequest request = CommandRequest.of(arguments, clock);
            if (request instanceof CommandRequest.HashPassword) {
                return hashPassword(out, err);
            }
            if (request instanceof CommandRequest.DemoData demoData) {
                return DemoDataCommand.run(demoData, out, err);
            }
            if (config != null) {
                checkSources(request, config);
                if (request instanceof CommandRequest.Dated dated) {
                    checkDates(request.command(), dated, config, dates);
                }
            }
            if (request instanceof CommandRequest.Serve) {
                return serve(arguments.springArgs(), err);
            }
            // sources already checked with the dates' configuration, or checked as the application reads its own
            try (ConfigurableApplicationContext context =
                    config != null ? start(arguments.springArgs()) : start(arguments.springArgs(), request)) {
                requireKnown(request, context.getBean(SourceRegistry.class).names());
                if (request instanceof CommandRequest.Sources) {
                    return context.getBean(SourcesCommand.class).print(out);
                }
                if (request instanceof CommandRequest.ForecastBacktest backtest) {
                    return context.getBean(ForecastBacktestCommand.class).print(backtest, out);
                }
                return context.getBean(CliCommands.class).execute(request, out, err);
            }
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println("run './run-job.sh help' for usage");
            return 2;
        } catch (RuntimeException e) {
            err.println("error: " + DatabaseInUse.reason(e).orElseGet(() -> oneLine(e)));
            return 1;
        }
    }

    /**
     * Unknown source names are usage errors, found from config alone, before the warehouse is opened;
     * with a tenant directory only once the application has read it ({@link #requireKnown}).
     */
    private static void checkSources(CommandRequest request, ConfigurableEnvironment environment) {
        checkSources(request, Binder.get(environment).bindOrCreate("billing", Bindable.of(TenantsProperties.class)));
    }

    private static void checkSources(CommandRequest request, TenantsProperties config) {
        if (!config.directory().configured()) {
            requireKnown(request, config.sourceNames());
        }
    }

    /**
     * A period outside what {@link DateLimits} allows is a usage error too. The command line is the
     * machine's operators', who may ask for any number of days.
     */
    private static void checkDates(
            String command, CommandRequest.Dated request, TenantsProperties config, DateLimits dates) {
        if (request.from() == null) {
            return;
        }
        // a tenant of the directory (or every tenant) is not known yet: the zone where tomorrow comes first bounds it
        ZoneId zone = config.sources().stream()
                .filter(s -> s.name().equals(request.source()))
                .findFirst()
                .map(s -> s.timeZone())
                .orElse(ZoneId.of("Pacific/Kiritimati"));
        try {
            dates.range("--from", request.from(), "--to", request.to(), zone, Integer.MAX_VALUE);
        } catch (InvalidDateException e) {
            throw new UsageException(command, e.getMessage());
        }
    }

    /** The limits the API applies ({@code web.DateLimitsConfiguration}), from the same settings. */
    private static DateLimits dateLimits(Binder binder, Clock clock) {
        SyncProperties sync = binder.bindOrCreate("billing.sync", Bindable.of(SyncProperties.class));
        ReportProperties reports = binder.bindOrCreate("billing.report", Bindable.of(ReportProperties.class));
        return new DateLimits(sync.earliestDate(), sync.maxDaysPerRequest(), reports.locale(), clock);
    }

    /** Configuration and nothing else: no warehouse, no source. */
    private static Binder config(String[] springArgs) {
        SpringApplication peek = new SpringApplication(ConfigOnly.class);
        peek.setWebApplicationType(WebApplicationType.NONE);
        peek.setBannerMode(Banner.Mode.OFF);
        peek.setLogStartupInfo(false);
        try (ConfigurableApplicationContext context = peek.run(springArgs)) {
            return Binder.get(context.getEnvironment());
        }
    }

    private static void requireKnown(CommandRequest request, List<String> known) {
        for (String source : request.sources()) {
            if (!known.contains(source)) {
                throw new UsageException(
                        request.command(),
                        "unknown source '" + source + "'; configured: "
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
                password = new java.io.BufferedReader(
                                new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8))
                        .readLine();
            }
        } catch (java.io.IOException e) {
            err.println("error: could not read the password: " + e.getMessage());
            return 1;
        }
        if (password == null || password.isEmpty()) {
            err.println("error: empty password");
            return 1;
        }
        out.println(
                "{bcrypt}" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().encode(password));
        return 0;
    }

    /**
     * Runs the web server and the scheduler until the JVM is asked to stop (SIGTERM, Ctrl-C):
     * Spring's shutdown hook closes the context, which ends the wait.
     */
    private static int serve(String[] springArgs, PrintStream err) {
        CountDownLatch closed = new CountDownLatch(1);
        startService(springArgs, closed::countDown);
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return 1;
        }
        return 0;
    }

    /** The whole application: web server, API, dashboard, security, the schedule; {@code onClose} runs when it closes. */
    static ConfigurableApplicationContext startService(String[] springArgs, Runnable onClose) {
        SpringApplication app = new SpringApplication(BillingApplication.class);
        app.setWebApplicationType(WebApplicationType.SERVLET);
        app.setBannerMode(Banner.Mode.OFF);
        app.addListeners((ApplicationListener<ContextClosedEvent>) e -> onClose.run());
        // the scheduler is off in application.yml (only this command fires triggers); an argument outranks it
        String[] args = new String[springArgs.length + 1];
        args[0] = "--spring.quartz.auto-startup=true";
        System.arraycopy(springArgs, 0, args, 1, springArgs.length);
        return app.run(args);
    }

    /**
     * A command's application: what it uses, not the service ({@link CommandApplication}). Public
     * for the command lines built on the product's, which start it as its own commands do.
     */
    public static ConfigurableApplicationContext start(String[] springArgs) {
        return commandApplication().run(springArgs);
    }

    /**
     * {@link #start(String[])}, the request's sources checked as soon as the configuration is read,
     * before the application is built (nor the warehouse opened).
     */
    private static ConfigurableApplicationContext start(String[] springArgs, CommandRequest request) {
        if (request.sources().isEmpty()) {
            return start(springArgs);
        }
        SpringApplication app = commandApplication();
        UsageException[] refused = new UsageException[1];
        app.addListeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) event -> {
            try {
                checkSources(request, event.getEnvironment());
            } catch (UsageException e) {
                refused[0] = e;
                // ends the run before anything is built, without Boot logging it as a failed start
                throw new SpringApplication.AbandonedRunException();
            }
        });
        try {
            return app.run(springArgs);
        } catch (SpringApplication.AbandonedRunException e) {
            throw refused[0] == null ? e : refused[0];
        }
    }

    private static SpringApplication commandApplication() {
        // as run() does: no command uses what Boot warms up, whoever starts its application
        System.setProperty(PREINITIALIZER_IGNORE, "true");
        SpringApplication app = new SpringApplication(CommandApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        return app;
    }

    static String oneLine(Throwable e) {
        Throwable shown = e;
        while (shown.getCause() != null
                && (shown.getMessage() == null || shown instanceof org.springframework.beans.BeansException)) {
            shown = shown.getCause();
        }
        String message = shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /** {@link #oneLine(Throwable)} with {@code password} (when there is one) masked. */
    public static String oneLine(Throwable e, String password) {
        String reason = oneLine(e);
        return password == null || password.isEmpty() ? reason : reason.replace(password, "****");
    }

    /** Loads configuration and nothing else. */
    static class ConfigOnly {}
}
