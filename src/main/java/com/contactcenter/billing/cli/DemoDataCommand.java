package com.contactcenter.billing.cli;

import com.contactcenter.billing.demo.DemoDataGenerator;
import com.contactcenter.billing.demo.DemoDataSpec;
import com.contactcenter.billing.demo.DemoDataSummary;
import com.contactcenter.billing.source.SourceLocations;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongFunction;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@code demo-data}: needs no warehouse, so it runs without the application context. */
final class DemoDataCommand {

    /** H2's own administrator, which a new H2 database gets when no user is named (the demo's is one). */
    static final String H2_DEFAULT_USER = "sa";

    private DemoDataCommand() {}

    static int run(CommandRequest.DemoData request, PrintStream out, PrintStream err) {
        DataSource target = dataSource(request.url(), request.user(), request.password());
        long started = System.nanoTime();
        DemoDataSpec spec = request.upTo() == null
                ? new DemoDataSpec(request.users(), request.messages(), request.seed(), request.end(), request.months())
                : DemoDataSpec.upTo(
                        request.users(), request.messages(), request.seed(), request.upTo(), request.months());
        try {
            // the command's other lines are the operator's, in English: its progress too
            DemoDataSummary summary = generate(target, spec, CliTexts.of(Locale.ENGLISH), err);
            out.printf(
                    "generated into %s in %.1f s: %,d roles, %,d users, %,d channels, %,d user channels,"
                            + " %,d user sessions, %,d messages, %,d calls, %,d bot sessions (%,d invalid rows)"
                            + "; data up to %s UTC%n",
                    SourceLocations.describe(request.url()),
                    (System.nanoTime() - started) / 1e9,
                    summary.roles(),
                    summary.users(),
                    summary.channels(),
                    summary.userChannels(),
                    summary.userSessions(),
                    summary.messages(),
                    summary.calls(),
                    summary.botSessions(),
                    summary.invalidRows(),
                    spec.end());
            return 0;
        } catch (RuntimeException e) {
            err.println("error: demo-data into " + SourceLocations.describe(request.url()) + " failed: "
                    + Cli.oneLine(e, request.password()));
            return 1;
        }
    }

    /**
     * The target database as the command names it; an H2 database without {@code --user} is opened
     * as H2's default {@value #H2_DEFAULT_USER} with an empty password (or the one given).
     */
    static DataSource dataSource(String url, String user, String password) {
        if (user == null && url.startsWith("jdbc:h2:")) {
            return new DriverManagerDataSource(url, H2_DEFAULT_USER, password == null ? "" : password);
        }
        return new DriverManagerDataSource(url, user, password);
    }

    /** Generates {@code spec} into {@code target}, its progress on {@code progress} (a line every 2 s, or a ticker). */
    static DemoDataSummary generate(DataSource target, DemoDataSpec spec, CliTexts texts, PrintStream progress) {
        try (ProgressTicker ticker = new ProgressTicker(progress, ProgressTicker.onTerminal(progress))) {
            return new DemoDataGenerator(target).generate(spec, p -> ticker.doing(line(texts, p)));
        }
    }

    /** The progress line of one state of a generation, for the seconds elapsed. */
    static LongFunction<String> line(CliTexts texts, DemoDataGenerator.Progress progress) {
        return switch (progress.step()) {
            case USERS -> seconds -> texts.text("demo.progress.users", seconds);
            case EVENTS ->
                seconds -> texts.text(
                        "demo.progress.events",
                        progress.percent(),
                        progress.eventRowsDone(),
                        progress.eventRows(),
                        seconds);
            case INDEXES -> seconds -> texts.text("demo.progress.indexes", progress.eventRows(), seconds);
        };
    }
}
