package com.contactcenter.billing.cli;

import com.contactcenter.billing.ops.JobHistory;
import com.contactcenter.billing.ops.JobHistory.LastSync;
import com.contactcenter.billing.source.SourceLocations;
import com.contactcenter.billing.source.SourceRegistry;
import com.contactcenter.billing.source.SourceRegistry.Origin;
import com.contactcenter.billing.source.SourceRegistry.SkippedRow;
import com.contactcenter.billing.source.SourceRegistry.Tenant;
import java.io.PrintStream;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code ./run-job.sh sources}: every tenant with its origin, zone, server (never credentials) and
 * newest sync run; then the directory rows skipped and whether the directory could be read.
 */
@Component
class SourcesCommand {

    private static final String ROW = "%-24s %-9s %-20s %-24s %s%n";

    private final SourceRegistry sources;
    private final JobHistory history;

    SourcesCommand(SourceRegistry sources, JobHistory history) {
        this.sources = sources;
        this.history = history;
    }

    int print(PrintStream out) {
        List<Tenant> tenants = sources.tenants();
        out.printf(ROW, "tenant", "origin", "time zone", "server", "last sync");
        for (Tenant t : tenants) {
            out.printf(
                    ROW,
                    t.name(),
                    t.origin(),
                    t.source().timeZone().getId(),
                    SourceLocations.describe(t.source().url()),
                    lastSync(t.name()));
        }
        long fromDirectory =
                tenants.stream().filter(t -> t.origin() == Origin.DIRECTORY).count();
        out.printf(
                "%d tenant(s): %d yaml, %d directory%n", tenants.size(), tenants.size() - fromDirectory, fromDirectory);
        List<SkippedRow> skipped = sources.skippedRows();
        if (!skipped.isEmpty()) {
            out.println("skipped directory rows:");
            skipped.forEach(s -> out.printf("  row %d '%s': %s%n", s.row(), s.name(), s.reason()));
        }
        sources.directoryError()
                .ifPresent(error -> out.println("warning: " + error + "; only the YAML sources are listed"));
        return 0;
    }

    private String lastSync(String source) {
        return history.lastSync(source).map(SourcesCommand::describe).orElse("never synced");
    }

    private static String describe(LastSync run) {
        return run.status() + " " + run.from() + ".." + run.to()
                + (run.finishedAt() == null ? ", not finished" : ", finished " + run.finishedAt());
    }
}
