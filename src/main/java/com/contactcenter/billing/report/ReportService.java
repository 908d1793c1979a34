package com.contactcenter.billing.report;

import com.contactcenter.billing.report.excel.ExcelReportWriter;
import com.contactcenter.billing.report.pdf.PdfReportWriter;
import com.contactcenter.billing.snapshot.Snapshot;
import com.contactcenter.billing.snapshot.SnapshotReports;
import com.contactcenter.billing.snapshot.SnapshotService;
import com.contactcenter.billing.usage.GroupBy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
        ReportData data = ReportData.of(snapshot, previous);
        Locale locale = settings.locale();
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
