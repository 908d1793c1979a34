package com.contactcenter.billing.cli;

import com.contactcenter.billing.snapshot.Snapshot;
import com.contactcenter.billing.snapshot.SnapshotFigures;
import com.contactcenter.billing.snapshot.SnapshotFigures.Estimate;
import com.contactcenter.billing.snapshot.SnapshotFigures.PeriodBounds;
import com.contactcenter.billing.snapshot.SnapshotFigures.SeriesPoint;
import com.contactcenter.billing.snapshot.SnapshotReader;
import com.contactcenter.billing.usage.GroupBy;
import com.contactcenter.billing.usage.ServiceKey;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A short text summary of a snapshot, read from its export document, in the reports' language
 * ({@link CliTexts}): users by role, services, the estimate, activity per day (a bar per day when
 * the snapshot is grouped by day) and the data-quality findings.
 */
final class SummaryPrinter {

    /** The longest bar of the activity by day. */
    static final int BAR = 40;

    private static final DateTimeFormatter LOCAL_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private SummaryPrinter() {}

    static void print(Snapshot snapshot, PrintStream out) {
        print(snapshot, out, CliTexts.of(Locale.forLanguageTag("es")));
    }

    static void print(Snapshot snapshot, PrintStream out, CliTexts texts) {
        SnapshotFigures figures = SnapshotReader.figures(snapshot);
        PeriodBounds period = figures.period();
        boolean english = texts.locale().getLanguage().equals("en");
        out.println(texts.text(
                "summary.title",
                figures.source(),
                period.from().toString(),
                period.to().toString(),
                figures.timeZone(),
                texts.text("groupBy." + snapshot.groupBy().code())));
        ZoneId zone = zone(figures.timeZone());
        out.println("  "
                + texts.text(
                        "summary.asOf",
                        LOCAL_MINUTE.format(snapshot.asOf().atZone(zone)),
                        zone.getId(),
                        snapshot.id(),
                        snapshot.version()));
        out.println(texts.text("summary.usersByRole"));
        figures.usersByRole().forEach(r -> out.printf("  %-30s %12s%n", r.role(), texts.count(r.users())));
        out.printf(
                "%-28s %14s %14s%n",
                texts.text("summary.services"), texts.text("summary.col.count"), texts.text("summary.col.units"));
        figures.services()
                .forEach(s -> out.printf(
                        "  %-26s %14s %14s%n",
                        service(s.key(), english), texts.count(s.count()), texts.count(s.units())));
        Estimate estimate = figures.estimate();
        String currency = estimate.currency();
        out.println(texts.text("summary.estimate", currency));
        estimate.lines()
                .forEach(l -> out.printf(
                        "  %-9s %-26s %12s × %16s = %22s%s%n",
                        texts.text(l.seat() ? "summary.kind.seat" : "summary.kind.service"),
                        l.seat() ? l.key() : service(l.key(), english),
                        texts.count(l.quantity()),
                        texts.money(l.unitPrice(), estimate.scale(), null),
                        texts.money(l.amount(), estimate.scale(), currency),
                        l.priced() ? "" : "  " + texts.text("summary.unpriced")));
        out.printf(
                "  %-9s %-26s %12s   %16s   %22s%n",
                texts.text("summary.total"), "", "", "", texts.money(estimate.total(), estimate.scale(), currency));
        if (snapshot.groupBy() == GroupBy.DAY) {
            printByDay(figures, out, texts);
        }
        out.println(texts.text("summary.dataQuality"));
        if (figures.dataQuality().isEmpty()) {
            out.println("  " + texts.text("summary.noFindings"));
        }
        figures.dataQuality()
                .forEach(q -> out.printf(
                        "  %-70s %10s%n",
                        texts.text("finding." + q.reason()) + " (" + q.reason() + ")", texts.count(q.count())));
    }

    /** Each day's events (the count of every service), with a bar scaled to the busiest day. */
    private static void printByDay(SnapshotFigures figures, PrintStream out, CliTexts texts) {
        Map<LocalDate, Long> events = new LinkedHashMap<>();
        figures.buckets().forEach(day -> events.put(day, 0L));
        for (SeriesPoint point : figures.series()) {
            events.merge(point.bucket(), point.count(), Long::sum);
        }
        if (events.size() < 2) {
            return; // one day: the services above are that day
        }
        long busiest = events.values().stream().mapToLong(Long::longValue).max().orElse(0);
        out.println(texts.text("summary.byDay"));
        events.forEach((day, count) -> out.printf(
                "  %s %-5s %12s %s%n",
                day,
                day.getDayOfWeek().getDisplayName(TextStyle.SHORT, texts.locale()),
                texts.count(count),
                "#".repeat(busiest == 0 ? 0 : (int) Math.round((double) BAR * count / busiest))));
    }

    private static String service(String key, boolean english) {
        return ServiceKey.ofKey(key)
                .map(k -> english ? k.englishLabel() : k.spanishLabel())
                .orElse(key);
    }

    private static ZoneId zone(String timeZone) {
        try {
            return ZoneId.of(timeZone);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
