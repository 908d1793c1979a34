package com.contactcenter.billing.report;

import com.contactcenter.billing.report.excel.ExcelReportWriter;
import com.contactcenter.billing.report.pdf.PdfReportWriter;
import com.contactcenter.billing.snapshot.NoDataException;
import com.contactcenter.billing.snapshot.Snapshot;
import com.contactcenter.billing.snapshot.SnapshotFigures;
import com.contactcenter.billing.snapshot.SnapshotReports;
import com.contactcenter.billing.snapshot.SnapshotService;
import com.contactcenter.billing.usage.GroupBy;
import com.contactcenter.billing.usage.LikeForLike;
import com.contactcenter.billing.usage.Period;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Renders the newest snapshot of a (source, period, group-by) as xlsx and pdf. Each file is
 * written to a temporary file in the output folder and then moved into place, so a failed run
 * never leaves a half-written report.
 */
@Service
public class ReportService implements SnapshotReports {

    public enum Format {
        XLSX,
        PDF;

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Format parse(String text) {
            return ReportService.parse(Format.class, text, "report format must be xlsx or pdf");
        }
    }

    /** The format whose lower-case name is {@code text}, else an error: "{what}, not 'text'". */
    static <F extends Enum<F>> F parse(Class<F> formats, String text, String what) {
        for (F f : formats.getEnumConstants()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(text.trim().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException(what + ", not '" + text.trim() + "'");
    }

    /** The files written, and the snapshot they show. */
    public record Rendered(Snapshot snapshot, List<Path> files) {}

    private final SnapshotService snapshots;
    private final ReportProperties settings;

    ReportService(SnapshotService snapshots, ReportProperties settings) {
        this.snapshots = snapshots;
        this.settings = settings;
    }

    public Rendered render(
            String source, LocalDate from, LocalDate to, GroupBy groupBy, List<Format> formats, Path outDir) {
        Snapshot snapshot = snapshots.newestOrCompute(source, from, to, groupBy);
        return render(snapshot, formats, outDir);
    }

    public Rendered render(Snapshot snapshot, List<Format> formats, Path outDir) {
        Path dir = prepare(outDir);
        // before rendering, so that retention cannot prune it meanwhile; a failed render only keeps a version
        snapshots.markReported(snapshot);
        Optional<Snapshot> previous = snapshots.previous(snapshot);
        Locale locale = settings.locale();
        ReportData read = ReportData.of(snapshot, previous);
        ReportData data = read.withChange(headline(snapshot, read.figures(), locale));
        Map<Path, AtomicFiles.Body> files = new LinkedHashMap<>();
        for (Format format : formats) {
            files.put(dir.resolve(fileName(snapshot, format)), out -> {
                switch (format) {
                    case XLSX -> new ExcelReportWriter(settings.template()).write(data, locale, out);
                    case PDF ->
                        new PdfReportWriter(settings.font(), settings.pdfTopUsers(), settings.pdfAllUsersUpTo())
                                .write(data, locale, out);
                }
            });
        }
        return new Rendered(snapshot, AtomicFiles.writeAll(files));
    }

    /**
     * The headline's like-for-like change of the estimated total ({@link LikeForLike}): the period's
     * days begun at the as-of against the same stretch of the previous calendar unit (a whole
     * month, ISO week or day) or of the same number of days before (any other range). The previous
     * side, and a cut current side, are read from the warehouse as it is now, without storing a
     * version; a source the warehouse cannot answer for leaves the headline without a change.
     */
    Optional<HeadlineChange> headline(Snapshot snapshot, SnapshotFigures figures, Locale locale) {
        Period period = new Period(snapshot.from(), snapshot.to(), Freshness.zone(figures.timeZone()));
        Optional<LikeForLike> rule = LikeForLike.of(period, unit(period), snapshot.asOf());
        if (rule.isEmpty()) {
            return Optional.empty();
        }
        LikeForLike comparison = rule.get();
        try {
            boolean synced =
                    figures.coverage().daysSynced() > 0 || figures.coverage().days() == 0;
            BigDecimal current = comparison.current().equals(period)
                    ? (synced ? figures.estimate().total() : null)
                    : total(snapshot.source(), comparison.current());
            BigDecimal previous = total(snapshot.source(), comparison.previous());
            return Optional.of(new HeadlineChange(ComparisonLabel.of(comparison, locale), current, previous));
        } catch (NoDataException | IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    private BigDecimal total(String source, Period days) {
        return snapshots.estimatedTotal(source, days.from(), days.to()).orElse(null);
    }

    /** A whole calendar month, ISO week or day compares with the previous one; any other range with the days before it. */
    static LikeForLike.Unit unit(Period period) {
        LocalDate from = period.from();
        LocalDate to = period.to();
        if (from.equals(to)) {
            return LikeForLike.Unit.DAY;
        }
        if (from.getDayOfWeek() == DayOfWeek.MONDAY && to.equals(from.plusDays(6))) {
            return LikeForLike.Unit.WEEK;
        }
        if (from.getDayOfMonth() == 1 && to.equals(YearMonth.from(from).atEndOfMonth())) {
            return LikeForLike.Unit.MONTH;
        }
        return LikeForLike.Unit.DAYS;
    }

    /** Both reports of {@code snapshot} into {@code billing.report.out-dir}: what the snapshot job renders. */
    @Override
    public List<Path> render(Snapshot snapshot) {
        return render(snapshot, List.of(Format.values()), settings.outDir()).files();
    }

    public static String fileName(Snapshot snapshot, Format format) {
        return "billing-estimate_" + snapshot.source() + "_" + snapshot.from() + "_" + snapshot.to() + "."
                + format.extension();
    }

    /** The output folder, created when missing; a folder that cannot be written to fails at once. */
    static Path prepare(Path outDir) {
        Path dir = outDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ReportException("cannot create the output folder " + dir + ": " + AtomicFiles.reason(e), e);
        }
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new ReportException("the output folder " + dir + " is not a writable folder", null);
        }
        return dir;
    }
}
