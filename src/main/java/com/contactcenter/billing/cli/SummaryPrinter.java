package com.contactcenter.billing.cli;

import com.contactcenter.billing.snapshot.Snapshot;
import com.contactcenter.billing.snapshot.SnapshotFigures;
import com.contactcenter.billing.snapshot.SnapshotFigures.Estimate;
import com.contactcenter.billing.snapshot.SnapshotFigures.PeriodBounds;
import com.contactcenter.billing.snapshot.SnapshotReader;
import com.contactcenter.billing.usage.ServiceKey;
import java.io.PrintStream;

/** A short text summary of a snapshot, read from its export document. */
final class SummaryPrinter {

    private SummaryPrinter() {}

    static void print(Snapshot snapshot, PrintStream out) {
        SnapshotFigures figures = SnapshotReader.figures(snapshot);
        PeriodBounds period = figures.period();
        out.printf(
                "BILLING ESTIMATE (an estimate, not an invoice) for %s, %s..%s (%s)%n",
                figures.source(), period.from(), period.to(), figures.timeZone());
        out.printf(
                "  period [%s, %s) UTC; data synced up to %s; snapshot %s version %d%n",
                period.startUtc(), period.endUtc(), snapshot.asOf(), snapshot.id(), snapshot.version());
        out.println("Users by role:");
        figures.usersByRole().forEach(r -> out.printf("  %-30s %,10d%n", r.role(), r.users()));
        out.println("Services:                                count          units");
        figures.services().forEach(s -> {
            String label =
                    ServiceKey.ofKey(s.key()).map(ServiceKey::spanishLabel).orElse(s.key());
            out.printf("  %-14s %-20s %,12d %,14d%n", s.key(), label, s.count(), s.units());
        });
        Estimate estimate = figures.estimate();
        out.printf("Estimate (%s):%n", estimate.currency());
        estimate.lines()
                .forEach(l -> out.printf(
                        "  %-7s %-24s %,12d x %14s = %16s%s%n",
                        l.kind(),
                        l.key(),
                        l.quantity(),
                        l.unitPrice().toPlainString(),
                        l.amount().toPlainString(),
                        l.priced() ? "" : "  (no price configured)"));
        out.printf("  %-7s %-24s %47s%n", "TOTAL", "", estimate.total().toPlainString());
        out.println("Data quality (rows and users left out of the figures):");
        if (figures.dataQuality().isEmpty()) {
            out.println("  no findings");
        }
        figures.dataQuality().forEach(q -> out.printf("  %-28s %,10d%n", q.reason(), q.count()));
    }
}
