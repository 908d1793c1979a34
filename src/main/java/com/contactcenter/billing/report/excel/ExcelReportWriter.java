package com.contactcenter.billing.report.excel;

import com.contactcenter.billing.report.Freshness;
import com.contactcenter.billing.report.ReportData;
import com.contactcenter.billing.report.UserOrder;
import com.contactcenter.billing.snapshot.SnapshotFigures;
import com.contactcenter.billing.snapshot.SnapshotUser;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the billing-estimate workbook finance works with: sheets Resumen, Usuarios, Servicios,
 * WhatsApp, Calidad de datos and Cambios, built on the template (styles, branding, charts). The
 * small sheets and the charts are filled on the template in memory; the user rows are streamed,
 * so a tenant with 100,000 users fits in a small heap.
 *
 * <p>Texts follow the locale (English for an English locale, Spanish otherwise); sheet names are
 * always the Spanish ones, so formulas linking to them work with either language.
 */
public class ExcelReportWriter {

    /** Rows of the streamed sheet kept in memory. */
    public static final int STREAM_WINDOW = 200;

    private final Path templateFile;

    public ExcelReportWriter(Path templateFile) {
        this.templateFile = Objects.requireNonNull(templateFile, "templateFile");
    }

    /**
     * Writes the .xlsx to {@code out}, which is left open.
     *
     * @throws ExcelTemplateException when the template is missing or not usable (one-line message)
     * @throws UncheckedIOException when writing fails
     */
    public void write(ReportData data, Locale locale, OutputStream out) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(out, "out");
        Labels labels = Labels.forLocale(locale);
        SnapshotFigures figures = data.figures();
        try (XSSFWorkbook workbook = Template.open(templateFile)) {
            Cells cells = new Cells(
                    Styles.read(templateFile, workbook, figures.estimate().scale(), labels), labels);
            Template.finish(workbook);
            new SummarySheet(cells, labels).fill(workbook.getSheet(Template.SUMMARY), data);
            new ServicesSheet(cells, labels).fill(templateFile, workbook.getSheet(Template.SERVICES), figures);
            new WhatsappSheet(cells, labels)
                    .fill(templateFile, workbook.getSheet(Template.WHATSAPP), figures.whatsapp());
            new DataQualitySheet(cells, labels).fill(workbook.getSheet(Template.DATA_QUALITY), figures.dataQuality());
            new ChangesSheet(cells, labels).fill(workbook.getSheet(Template.CHANGES), data.changes(), data.breakdown());
            UsersSheet users = new UsersSheet(cells, labels, figures.timeZone());
            List<SnapshotUser> sorted = UserOrder.byName(data.users(), labels.textLocale());
            users.prepare(workbook.getSheet(Template.USERS), sorted);
            describe(workbook, figures, labels);
            repeatHeaders(workbook);

            // Closing the streaming workbook deletes its temporary files (and closes the template copy).
            try (SXSSFWorkbook streaming = new SXSSFWorkbook(workbook, STREAM_WINDOW)) {
                users.stream(streaming.getSheet(Template.USERS), sorted);
                streaming.write(new KeepOpen(out));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Excel report: " + e.getMessage(), e);
        }
    }

    /** The rows printed again at the top of every page: the band and column headers of each long sheet. */
    static final Map<String, Integer> HEADER_ROWS = Map.of(
            Template.USERS, UsersSheet.HEADER_ROW,
            Template.SERVICES, ServicesSheet.HEADER_ROW,
            Template.WHATSAPP, WhatsappSheet.HEADER_ROW,
            Template.DATA_QUALITY, DataQualitySheet.HEADER_ROW);

    private static void repeatHeaders(XSSFWorkbook workbook) {
        HEADER_ROWS.forEach((name, header) -> {
            Sheet sheet = workbook.getSheet(name);
            sheet.setRepeatingRows(new CellRangeAddress(0, header, -1, -1));
        });
    }

    private static void describe(XSSFWorkbook workbook, SnapshotFigures figures, Labels labels) {
        String asOf = Freshness.dateTimeWithZone(figures.version().asOf(), figures.timeZone(), labels.textLocale());
        String footer = labels.format("footer", asOf);
        for (Sheet sheet : workbook) {
            sheet.getFooter().setCenter(footer);
        }
        var properties = workbook.getProperties().getCoreProperties();
        properties.setTitle(labels.format(
                "document.title",
                figures.source(),
                figures.period().from().toString(),
                figures.period().to().toString()));
        properties.setCreator("billing-estimate");
        properties.setDescription(labels.format("disclaimer.text", asOf));
    }

    /** POI may close the stream it writes to; the caller owns {@code out}. */
    static final class KeepOpen extends FilterOutputStream {

        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
