package com.contactcenter.billing.report.pdf;

import com.contactcenter.billing.report.ReportData;
import com.contactcenter.billing.snapshot.PlanStamp;
import com.contactcenter.billing.snapshot.Snapshot;
import com.contactcenter.billing.snapshot.SnapshotUser;
import com.contactcenter.billing.usage.GroupBy;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

/** Report data from export documents, the PDF they give, and its text read back. */
final class PdfReports {

    static final Path FONT = Path.of("reports-templates", "fonts", "DejaVuSans.ttf");
    static final Locale SPANISH = Locale.forLanguageTag("es-CO");

    private PdfReports() {}

    /** The demo tenant's November 2026 export, as ./run-job.sh writes it (282 users). */
    static ReportData demo() {
        return fromExport("demo-2026-11.json");
    }

    /** A small hand-made export: hostile names, emoji, CJK, control characters, an unpriced seat and service. */
    static ReportData hostile() {
        return fromExport("hostile-names.json");
    }

    static ReportData fromExport(String resource) {
        return ReportData.of(snapshot(1, resource(resource)), Optional.empty());
    }

    /** A snapshot holding {@code document}; only the document and the version matter to a report. */
    static Snapshot snapshot(int version, String document) {
        return new Snapshot(
                "fixture-v" + version,
                "fixture",
                LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 31),
                GroupBy.MONTH,
                version,
                Instant.EPOCH,
                Instant.EPOCH,
                document);
    }

    /** As {@link #snapshot(int, String)}, priced with {@code plan}. */
    static Snapshot snapshot(int version, String document, PlanStamp plan) {
        Snapshot s = snapshot(version, document);
        return new Snapshot(
                s.id(),
                s.source(),
                s.from(),
                s.to(),
                s.groupBy(),
                version,
                s.asOf(),
                s.computedAt(),
                s.content(),
                plan);
    }

    static ReportData withUsers(ReportData d, List<SnapshotUser> users) {
        return new ReportData(d.figures(), users, d.changes());
    }

    /**
     * {@code count} users named {@code U<id>} (one word, so a listed user is found by its name) whose
     * activity is {@code id % 97}: many ties, broken by id.
     */
    static List<SnapshotUser> users(int count) {
        List<SnapshotUser> users = new ArrayList<>(count);
        IntStream.rangeClosed(1, count)
                .forEach(id -> users.add(new SnapshotUser(
                        id,
                        "U" + id,
                        "u" + id + "@ejemplo.co",
                        "Agente",
                        1,
                        id % 97,
                        0,
                        0,
                        0,
                        Instant.parse("2026-11-20T15:00:00Z"))));
        return users;
    }

    static byte[] render(ReportData data, Locale locale) {
        return render(new PdfReportWriter(FONT, 50, 500), data, locale);
    }

    static byte[] render(PdfReportWriter writer, ReportData data, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(data, locale, out);
        return out.toByteArray();
    }

    /** Each page's text, lines joined by '\n', runs of blanks (no-break spaces included) as one space. */
    static List<String> pages(byte[] pdf) {
        try {
            PdfReader reader = new PdfReader(pdf);
            try {
                PdfTextExtractor extractor = new PdfTextExtractor(reader, new LineTextAssembler());
                List<String> pages = new ArrayList<>();
                for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                    pages.add(normalize(extractor.getTextFromPage(page)));
                }
                return pages;
            } finally {
                reader.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(byte[] pdf) {
        return String.join("\n", pages(pdf));
    }

    static String normalize(String text) {
        return text.replaceAll("[ \\t\\u00a0\\u202f]+", " ")
                .replaceAll(" ?\\n ?", "\n")
                .strip();
    }

    static String resource(String name) {
        try (InputStream in = PdfReports.class.getResourceAsStream("/report/pdf/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource /report/pdf/" + name + " not found");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
