package com.contactcenter.billing.cli;

import com.contactcenter.billing.demo.DemoDataGenerator;
import com.contactcenter.billing.demo.DemoDataSpec;
import com.contactcenter.billing.source.SourceLocations;
import java.io.PrintStream;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@code demo-data}: needs no warehouse, so it runs without the application context. */
final class DemoDataCommand {

    private DemoDataCommand() {}

    static int run(CommandRequest.DemoData request, PrintStream out, PrintStream err) {
        DriverManagerDataSource target = new DriverManagerDataSource(request.url(), request.user(), request.password());
        long started = System.nanoTime();
        try (ProgressTicker progress = new ProgressTicker(out)) {
            var summary = new DemoDataGenerator(target)
                    .generate(
                            new DemoDataSpec(
                                    request.users(),
                                    request.messages(),
                                    request.seed(),
                                    request.end(),
                                    request.months()),
                            progress::doing);
            out.printf(
                    "generated into %s in %.1f s: %,d roles, %,d users, %,d channels, %,d user channels,"
                            + " %,d user sessions, %,d messages, %,d calls, %,d bot sessions (%,d invalid rows)%n",
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
                    summary.invalidRows());
            return 0;
        } catch (RuntimeException e) {
            err.println("error: demo-data into " + SourceLocations.describe(request.url()) + " failed: "
                    + Cli.oneLine(e, request.password()));
            return 1;
        }
    }
}
