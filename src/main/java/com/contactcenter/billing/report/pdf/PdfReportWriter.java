package com.contactcenter.billing.report.pdf;

import com.contactcenter.billing.report.ReportData;
import com.contactcenter.billing.report.pdf.ReportFonts.DocumentFonts;
import com.contactcenter.billing.snapshot.SnapshotFigures;
import com.lowagie.text.Document;
import com.lowagie.text.ExceptionConverter;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes the billing-estimate report as a PDF: the figures of the spreadsheet's summary (period,
 * as-of, snapshot, disclaimer, users by role, services, estimate lines and total), both charts as
 * vector graphics, the data-quality findings and the users (all of them up to
 * {@code allUsersUpTo}, else the {@code topUsers} most active). Every page names the tenant and
 * period, says it is an estimate and numbers itself "Página X de Y". Spanish by default, English
 * for an English locale.
 *
 * <p>The font is read once here and embedded, subset, in every document; a writer is immutable and
 * can serve concurrent reports.
 */
public class PdfReportWriter {

    public static final int DEFAULT_TOP_USERS = 50;
    public static final int DEFAULT_ALL_USERS_UP_TO = 500;
    /** Where the shipped font lives, relative to the application's folder. */
    public static final Path DEFAULT_FONT = Path.of("reports-templates", "fonts", "DejaVuSans.ttf");

    private final ReportFonts fonts;
    private final int topUsers;
    private final int allUsersUpTo;

    /**
     * @param fontFile a TrueType font; a bold face next to it named {@code <name>-Bold.ttf} is used
     *     when present
     * @throws IllegalArgumentException when the font file is missing or not a usable font (a one-line
     *     message naming the file), or a limit is negative
     */
    public PdfReportWriter(Path fontFile, int topUsers, int allUsersUpTo) {
        if (topUsers < 0 || allUsersUpTo < 0) {
            throw new IllegalArgumentException(
                    "topUsers and allUsersUpTo must be 0 or more, not " + topUsers + " and " + allUsersUpTo);
        }
        this.fonts = ReportFonts.load(fontFile);
        this.topUsers = topUsers;
        this.allUsersUpTo = allUsersUpTo;
    }

    /**
     * Writes the report to {@code out}, which stays open.
     *
     * @throws UncheckedIOException when {@code out} fails
     */
    public void write(ReportData data, Locale locale, OutputStream out) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(out, "out");
        try {
            render(data, locale == null ? Figures.SPANISH : locale, out);
        } catch (ExceptionConverter e) {
            Exception cause = e;
            while (cause instanceof ExceptionConverter converter) {
                cause = converter.getException(); // OpenPDF may wrap its own wrapper
            }
            if (cause instanceof IOException io) {
                throw new UncheckedIOException("writing the PDF report failed: " + io.getMessage(), io);
            }
            throw e;
        }
    }

    private void render(ReportData data, Locale locale, OutputStream out) {
        Labels labels = Labels.of(locale);
        SnapshotFigures snapshot = data.figures();
        Figures figures = Figures.of(
                locale, snapshot.estimate().currency(), snapshot.estimate().scale(), snapshot.timeZone());
        DocumentFonts documentFonts = fonts.forDocument();

        Document document = new Document(PageSize.A4.rotate(), 36, 36, 54, 44);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setCloseStream(false);
        writer.setStrictImageSequence(true);
        writer.setPageEvent(pageDecorator(snapshot, labels, figures, documentFonts));
        document.setDocumentLanguage(labels.english() ? "en" : "es-CO");
        document.addTitle(documentFonts.printable(labels.text("title") + " — " + snapshot.source() + " "
                + labels.text(
                        "value.period",
                        figures.date(snapshot.period().from()),
                        figures.date(snapshot.period().to()))));
        document.addCreator("billing-estimate");
        document.open();

        ReportSections sections = new ReportSections(document, writer, data, labels, figures, documentFonts);
        sections.summary();
        sections.usersByRole();
        sections.services();
        sections.estimate();
        sections.charts();
        sections.dataQuality();
        sections.users(UserListing.of(data.users(), topUsers, allUsersUpTo).byName(locale));
        document.close();
    }

    private static PageDecorator pageDecorator(
            SnapshotFigures snapshot, Labels labels, Figures figures, DocumentFonts fonts) {
        String header = labels.text(
                "header.period",
                snapshot.source(),
                figures.date(snapshot.period().from()),
                figures.date(snapshot.period().to()));
        String version =
                labels.text("field.snapshot") + " v" + snapshot.version().number() + " · " + labels.text("field.asOf")
                        + " " + figures.instant(snapshot.version().asOf());
        return new PageDecorator(
                fonts.regularBase(),
                fonts.printable(header),
                fonts.printable(version),
                labels.text("footer.estimate"),
                labels.text("footer.page", "{0}"));
    }
}
