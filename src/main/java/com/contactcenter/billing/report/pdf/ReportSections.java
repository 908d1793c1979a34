package com.contactcenter.billing.report.pdf;

import com.contactcenter.billing.report.Freshness;
import com.contactcenter.billing.report.HeadlineChange;
import com.contactcenter.billing.report.ReportData;
import com.contactcenter.billing.report.pdf.ReportFonts.DocumentFonts;
import com.contactcenter.billing.snapshot.SnapshotDiff;
import com.contactcenter.billing.snapshot.SnapshotFigures;
import com.contactcenter.billing.snapshot.SnapshotFigures.EstimateLine;
import com.contactcenter.billing.snapshot.SnapshotFigures.Finding;
import com.contactcenter.billing.snapshot.SnapshotFigures.ForecastFigures;
import com.contactcenter.billing.snapshot.SnapshotFigures.PeriodBounds;
import com.contactcenter.billing.snapshot.SnapshotFigures.PricedService;
import com.contactcenter.billing.snapshot.SnapshotFigures.Version;
import com.contactcenter.billing.snapshot.SnapshotUser;
import com.contactcenter.billing.usage.UsageReport.RoleUsers;
import com.contactcenter.billing.usage.UsageReport.WhatsappChannel;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.util.Optional;
import java.util.Set;

/** The report's sections, written in order into an open document. */
final class ReportSections {

    /** Rows between two writes of the users table: the table never holds more, so memory stays flat. */
    static final int ROWS_PER_FLUSH = 500;

    private static final float TITLE = 16;
    private static final float HEADING = 12;
    private static final float BODY = 8.5f;
    private static final float SMALL = 7.5f;
    private static final float HEADING_SPACE = 32;
    private static final float MIN_FOLLOWING = 60;
    private static final float CONSUMPTION_CHART = 210;
    private static final Color HEADER_FILL = new Color(222, 228, 236);
    private static final Color TOTAL_FILL = new Color(240, 240, 240);
    private static final Color NOTE_FILL = new Color(255, 244, 204);
    private static final Color FLAG = new Color(170, 60, 0);
    /** Columns of figures: right-aligned, heading included. */
    private static final Set<String> NUMERIC_COLUMNS = Set.of(
            "col.users",
            "col.monthlyPrice",
            "col.count",
            "col.units",
            "col.unitPrice",
            "col.amount",
            "col.quantity",
            "col.inbound",
            "col.outbound",
            "col.id",
            "col.channels",
            "col.sessions",
            "col.messagesSent",
            "col.calls",
            "col.callMinutes");

    private final Document document;
    private final PdfWriter writer;
    private final SnapshotFigures snapshot;
    private final Optional<SnapshotDiff> changes;
    private final Labels labels;
    private final Figures figures;
    private final DocumentFonts fonts;
    private final Optional<HeadlineChange> comparison;
    private boolean glyphsNoted;

    ReportSections(
            Document document, PdfWriter writer, ReportData data, Labels labels, Figures figures, DocumentFonts fonts) {
        this.document = document;
        this.writer = writer;
        this.snapshot = data.figures();
        this.changes = data.changes();
        this.comparison = data.change();
        this.labels = labels;
        this.figures = figures;
        this.fonts = fonts;
    }

    void summary() {
        PeriodBounds period = snapshot.period();
        Version version = snapshot.version();
        Font titleFont = fonts.bold(TITLE);
        Paragraph title =
                new Paragraph(fonts.printable(labels.text("title") + " — " + snapshot.source(), titleFont), titleFont);
        title.setSpacingAfter(2);
        document.add(title);
        Font freshnessFont = fonts.bold(BODY);
        Paragraph freshness = new Paragraph(
                fonts.printable(
                        Freshness.withZone(version.asOf(), snapshot.timeZone(), figures.locale()), freshnessFont),
                freshnessFont);
        freshness.setSpacingAfter(6);
        document.add(freshness);
        headline();

        PdfPTable info = new PdfPTable(new float[] {2.2f, 4f});
        info.setWidthPercentage(75);
        info.setHorizontalAlignment(Element.ALIGN_LEFT);
        field(info, "field.tenant", snapshot.source());
        field(info, "field.timeZone", snapshot.timeZone());
        field(
                info,
                "field.period",
                labels.text("value.period", figures.date(period.from()), figures.date(period.to())));
        field(
                info,
                "field.periodLocal",
                labels.text(
                        "value.periodLocal",
                        figures.minute(period.startUtc()),
                        figures.minute(period.endUtc()),
                        figures.zoneOrUtc().getId()));
        field(
                info,
                "field.asOf",
                labels.text(
                        "value.asOf",
                        figures.instant(version.asOf()),
                        figures.zoneOrUtc().getId()));
        field(info, "field.groupBy", labels.groupBy(snapshot.groupBy()));
        field(info, "field.snapshot", labels.text("value.snapshot", version.id(), version.number()));
        field(info, "field.computedAt", figures.instant(version.computedAt()));
        field(info, "field.currency", snapshot.estimate().currency());
        field(info, "field.changes", changes.map(this::changes).orElse(labels.text("value.noPrevious")));
        changes.flatMap(SnapshotDiff::planChange)
                .ifPresent(change -> field(
                        info,
                        "field.planChange",
                        change.planChanged()
                                ? labels.text(
                                        "value.planChanged",
                                        change.older().plan(),
                                        change.newer().plan())
                                : labels.text(
                                        "value.pricesChanged", change.newer().plan())));
        field(info, "field.dataQuality", labels.text("value.findings", figures.count(snapshot.findings())));
        info.setSpacingAfter(8);
        document.add(info);

        PdfPTable box = new PdfPTable(1);
        box.setWidthPercentage(100);
        PdfPCell disclaimer = cell(
                labels.text(
                        "disclaimer",
                        figures.minute(version.asOf()) + " ("
                                + figures.zoneOrUtc().getId() + ")"),
                fonts.bold(BODY),
                Element.ALIGN_LEFT);
        disclaimer.setBackgroundColor(NOTE_FILL);
        disclaimer.setPadding(6);
        box.addCell(disclaimer);
        document.add(box);
        glyphsNote();
    }

    /**
     * The first page's headline: the estimated total, seats and services, the like-for-like change
     * of the total, and for a period still to end its forecast (point and 80 % range), saying so
     * when the history is short.
     */
    private void headline() {
        SnapshotFigures.Estimate estimate = snapshot.estimate();
        PdfPTable table = new PdfPTable(new float[] {2.6f, 5.4f});
        table.setWidthPercentage(80);
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        table.setKeepTogether(true);
        Font big = fonts.bold(HEADING);
        headlineRow(table, labels.text("headline.total", estimate.currency()), figures.money(estimate.total()), big);
        headlineRow(table, labels.text("headline.seats"), figures.money(estimate.seatsAmount()), fonts.regular(BODY));
        headlineRow(
                table, labels.text("headline.services"), figures.money(estimate.servicesAmount()), fonts.regular(BODY));
        headlineRow(table, labels.text("headline.change"), change(), fonts.regular(BODY));
        Optional<ForecastFigures> forecast = snapshot.forecast();
        if (forecast.isPresent()) {
            ForecastFigures f = forecast.get();
            String value = f.totalHigh() == null
                    ? labels.text("headline.forecastNoHigh", figures.money(f.totalPoint()))
                    : labels.text(
                            "headline.forecastValue",
                            figures.money(f.totalPoint()),
                            figures.money(f.totalLow()),
                            figures.money(f.totalHigh()));
            headlineRow(table, labels.text("headline.forecast", figures.date(f.periodEnd())), value, fonts.bold(BODY));
            if (f.shortHistory()) {
                Font font = fonts.bold(SMALL);
                font.setColor(FLAG);
                PdfPCell note = cell(labels.text("headline.shortHistory", f.daysOfHistory()), font, Element.ALIGN_LEFT);
                note.setColspan(2);
                note.setBorder(Rectangle.NO_BORDER);
                table.addCell(note);
            }
        }
        table.setSpacingAfter(8);
        document.add(table);
    }

    /** "+12,3 % (1–30 nov. frente a 1–31 oct.; anterior $ 1.000,00)", or says there is no figure to compare. */
    private String change() {
        if (comparison.isEmpty()) {
            return labels.text("headline.noComparison");
        }
        HeadlineChange c = comparison.get();
        String previous = c.previous() == null ? labels.text("headline.noData") : figures.money(c.previous());
        String value = c.percent()
                .map(figures::percent)
                .orElseGet(() -> labels.text(
                        c.current() == null || c.previous() == null ? "headline.noData" : "headline.noPercent"));
        return labels.text("headline.changeValue", value, c.label(), previous);
    }

    private void headlineRow(PdfPTable table, String label, String value, Font valueFont) {
        PdfPCell name =
                cell(label, valueFont.getSize() > BODY ? fonts.bold(HEADING) : fonts.bold(BODY), Element.ALIGN_LEFT);
        name.setBorder(Rectangle.NO_BORDER);
        table.addCell(name);
        PdfPCell content = cell(value, valueFont, Element.ALIGN_LEFT);
        content.setBorder(Rectangle.NO_BORDER);
        table.addCell(content);
    }

    /** Says what the white square stands for, once text on the page had a character the font lacks. */
    private void glyphsNote() {
        if (fonts.replacedAny() && !glyphsNoted) {
            note(labels.text("glyphs.note", String.valueOf(Glyphs.MISSING)));
            glyphsNoted = true;
        }
    }

    void usersByRole() {
        PdfPTable table = table(70, 3, 1.2f, 1.8f, 1.2f);
        head(table, "col.role", "col.users", "col.monthlyPrice", "col.note");
        long total = 0;
        for (RoleUsers role : snapshot.usersByRole()) {
            Optional<EstimateLine> seat = snapshot.estimate().seat(role.role());
            table.addCell(text(role.role()));
            table.addCell(number(figures.count(role.users())));
            table.addCell(number(seat.map(l -> figures.money(l.unitPrice())).orElse("")));
            table.addCell(flag(seat.map(EstimateLine::priced).orElse(true)));
            total += role.users();
        }
        table.addCell(totalCell(labels.text("total"), Element.ALIGN_LEFT));
        table.addCell(totalCell(figures.count(total), Element.ALIGN_RIGHT));
        PdfPCell rest = totalCell("", Element.ALIGN_LEFT);
        rest.setColspan(2);
        table.addCell(rest);
        heading("section.usersByRole", height(table));
        document.add(table);
    }

    void services() {
        PdfPTable table = table(100, 3, 2, 1.4f, 1.4f, 1.6f, 1.8f, 1.2f);
        head(table, "col.service", "col.key", "col.count", "col.units", "col.unitPrice", "col.amount", "col.note");
        for (PricedService service : snapshot.pricedServices()) {
            table.addCell(text(labels.service(service.key())));
            table.addCell(text(service.key()));
            table.addCell(number(figures.count(service.count())));
            table.addCell(number(figures.count(service.units())));
            table.addCell(number(figures.money(service.unitPrice())));
            table.addCell(number(figures.money(service.amount())));
            table.addCell(flag(service.priced()));
        }
        heading("section.services", height(table));
        document.add(table);
    }

    void estimate() {
        PdfPTable table = table(100, 1.2f, 3.4f, 1.4f, 1.6f, 1.8f, 1.2f);
        head(table, "col.kind", "col.concept", "col.quantity", "col.unitPrice", "col.amount", "col.note");
        boolean anyUnpriced = false;
        for (EstimateLine line : snapshot.estimate().lines()) {
            boolean seat = line.seat();
            table.addCell(
                    text(seat ? labels.text("kind.seat") : line.service() ? labels.text("kind.service") : line.kind()));
            table.addCell(text(seat ? line.key() : labels.service(line.key())));
            table.addCell(number(figures.count(line.quantity())));
            table.addCell(number(figures.money(line.unitPrice())));
            table.addCell(number(figures.money(line.amount())));
            table.addCell(flag(line.priced()));
            anyUnpriced |= !line.priced();
        }
        PdfPCell label = totalCell(labels.text("total.estimate"), Element.ALIGN_LEFT);
        label.setColspan(4);
        table.addCell(label);
        table.addCell(totalCell(figures.money(snapshot.estimate().total()), Element.ALIGN_RIGHT));
        table.addCell(totalCell("", Element.ALIGN_LEFT));
        heading("section.estimate", height(table));
        document.add(table);
        note(labels.text("estimate.note"));
        if (anyUnpriced) {
            note(labels.text("unpriced.note"));
        }
    }

    void charts() {
        document.newPage();
        ReportCharts charts = new ReportCharts(labels, figures, fonts);
        float width = document.right() - document.left();
        heading("section.consumptionChart", CONSUMPTION_CHART);
        if (snapshot.series().isEmpty()) {
            note(labels.text("chart.noData"));
        } else {
            add(charts.consumption(snapshot, writer.getDirectContent(), width, CONSUMPTION_CHART));
        }
        float whatsappHeight = Math.min(200, 70 + 26 * snapshot.whatsapp().size());
        heading("section.whatsappChart", snapshot.whatsapp().isEmpty() ? 0 : whatsappHeight);
        if (snapshot.whatsapp().isEmpty()) {
            note(labels.text("whatsapp.none"));
            return;
        }
        add(charts.whatsapp(snapshot.whatsapp(), writer.getDirectContent(), width, whatsappHeight));
        PdfPTable table = table(60, 3, 1.3f, 1.3f);
        head(table, "col.channel", "col.inbound", "col.outbound");
        for (WhatsappChannel channel : snapshot.whatsapp()) {
            table.addCell(text(channel.channel()));
            table.addCell(number(figures.count(channel.inbound())));
            table.addCell(number(figures.count(channel.outbound())));
        }
        document.add(table);
    }

    void dataQuality() {
        if (snapshot.dataQuality().isEmpty()) {
            heading("section.dataQuality", 0);
            note(labels.text("dataQuality.none"));
            return;
        }
        PdfPTable table = table(70, 3.2f, 2.2f, 1.2f);
        head(table, "col.reason", "col.code", "col.count");
        for (Finding finding : snapshot.dataQuality()) {
            table.addCell(text(labels.finding(finding.reason())));
            table.addCell(text(finding.reason()));
            table.addCell(number(figures.count(finding.count())));
        }
        heading("section.dataQuality", height(table) + 20);
        note(labels.text("dataQuality.note"));
        document.add(table);
    }

    void users(UserListing listing) {
        document.newPage();
        heading("section.users", 0);
        if (listing.total() == 0) {
            note(labels.text("users.none"));
            return;
        }
        note(
                listing.complete()
                        ? labels.text("users.all", figures.count(listing.total()))
                        : labels.text(
                                "users.top", figures.count(listing.users().size()), figures.count(listing.total())));
        PdfPTable table = table(100, 0.8f, 3.2f, 3.4f, 1.8f, 1.1f, 1.1f, 1.3f, 1.2f, 1.3f, 2.2f);
        table.setKeepTogether(false);
        Font font = fonts.regular(SMALL);
        head(
                table,
                SMALL,
                "col.id",
                "col.name",
                "col.email",
                "col.role",
                "col.channels",
                "col.sessions",
                "col.messagesSent",
                "col.calls",
                "col.callMinutes");
        table.addCell(headCell("col.lastLogin", labels.text("col.lastLogin", snapshot.timeZone()), SMALL));
        // An incomplete table is written and emptied on each add: rows never pile up in memory.
        table.setComplete(false);
        int rows = 0;
        for (SnapshotUser user : listing.users()) {
            table.addCell(cell(Long.toString(user.id()), font, Element.ALIGN_RIGHT));
            table.addCell(cell(user.name(), font, Element.ALIGN_LEFT));
            table.addCell(email(user.email(), font));
            table.addCell(cell(user.role(), font, Element.ALIGN_LEFT));
            table.addCell(cell(figures.count(user.channels()), font, Element.ALIGN_RIGHT));
            table.addCell(cell(figures.count(user.sessions()), font, Element.ALIGN_RIGHT));
            table.addCell(cell(figures.count(user.messagesSent()), font, Element.ALIGN_RIGHT));
            table.addCell(cell(figures.count(user.calls()), font, Element.ALIGN_RIGHT));
            table.addCell(cell(figures.count(user.callMinutes()), font, Element.ALIGN_RIGHT));
            table.addCell(cell(figures.lastLogin(user.lastLoginAt()), font, Element.ALIGN_LEFT));
            if (++rows % ROWS_PER_FLUSH == 0) {
                document.add(table);
            }
        }
        table.setComplete(true);
        document.add(table);
        glyphsNoted = false;
        glyphsNote();
    }

    /** An email address that wraps after its "@" and its dots, never inside a word. */
    private PdfPCell email(String address, Font font) {
        PdfPCell cell = cell(address, font, Element.ALIGN_LEFT);
        for (Object element : cell.getPhrase()) {
            if (element instanceof Chunk chunk) {
                chunk.setSplitCharacter(EMAIL_BREAKS);
            }
        }
        return cell;
    }

    /** Breaks a line after "@" or "." (and where a line breaks anyway: a space, a hyphen). */
    static final SplitCharacter EMAIL_BREAKS = (start, current, end, chars, chunks) -> {
        char c = chunks == null
                ? chars[current]
                : (char) chunks[Math.min(current, chunks.length - 1)].getUnicodeEquivalent(chars[current]);
        return c == '@' || c == '.' || c <= ' ' || c == '-';
    };

    private String changes(SnapshotDiff diff) {
        return diff.lines().stream()
                .filter(l -> "total".equals(l.section()))
                .findFirst()
                .map(total -> labels.text(
                        "value.changes",
                        diff.older().version(),
                        figures.money(total.oldValue()),
                        figures.money(total.newValue()),
                        figures.money(total.difference())))
                .orElse(labels.text("value.changes", diff.older().version(), "", "", ""));
    }

    /**
     * A heading, on a new page when what follows it ({@code following} points high) would not fit
     * below it; something taller than half a page may start low and split.
     */
    private void heading(String key, float following) {
        float page = document.top() - document.bottom();
        float needed = HEADING_SPACE + Math.min(Math.max(following, MIN_FOLLOWING), page / 2);
        if (writer.getVerticalPosition(true) - document.bottom() < needed) {
            document.newPage();
        }
        Paragraph heading = new Paragraph(labels.text(key), fonts.bold(HEADING));
        heading.setSpacingBefore(10);
        heading.setSpacingAfter(5);
        document.add(heading);
    }

    private float height(PdfPTable table) {
        table.setTotalWidth((document.right() - document.left()) * table.getWidthPercentage() / 100);
        table.setLockedWidth(true);
        return table.getTotalHeight();
    }

    private void note(String text) {
        Font font = fonts.regular(SMALL);
        Paragraph note = new Paragraph(fonts.printable(text, font), font);
        note.setSpacingAfter(4);
        document.add(note);
    }

    private void add(Image chart) {
        chart.setAlignment(Image.MIDDLE);
        document.add(chart);
    }

    private void field(PdfPTable table, String key, String value) {
        PdfPCell name = cell(labels.text(key), fonts.bold(BODY), Element.ALIGN_LEFT);
        name.setBorder(Rectangle.NO_BORDER);
        table.addCell(name);
        PdfPCell content = cell(value, fonts.regular(BODY), Element.ALIGN_LEFT);
        content.setBorder(Rectangle.NO_BORDER);
        table.addCell(content);
    }

    private static PdfPTable table(float widthPercentage, float... widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(widthPercentage);
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        table.setHeaderRows(1);
        table.setKeepTogether(true);
        table.setSpacingAfter(4);
        return table;
    }

    private void head(PdfPTable table, String... keys) {
        head(table, BODY, keys);
    }

    private void head(PdfPTable table, float size, String... keys) {
        for (String key : keys) {
            table.addCell(headCell(key, labels.text(key), size));
        }
    }

    private PdfPCell headCell(String key, String text, float size) {
        PdfPCell cell =
                cell(text, fonts.bold(size), NUMERIC_COLUMNS.contains(key) ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        cell.setBackgroundColor(HEADER_FILL);
        return cell;
    }

    private PdfPCell text(String text) {
        return cell(text, fonts.regular(BODY), Element.ALIGN_LEFT);
    }

    private PdfPCell number(String text) {
        return cell(text, fonts.regular(BODY), Element.ALIGN_RIGHT);
    }

    private PdfPCell totalCell(String text, int alignment) {
        PdfPCell cell = cell(text, fonts.bold(BODY), alignment);
        cell.setBackgroundColor(TOTAL_FILL);
        return cell;
    }

    private PdfPCell flag(boolean priced) {
        if (priced) {
            return text("");
        }
        Font font = fonts.bold(BODY);
        font.setColor(FLAG);
        return cell(labels.text("unpriced"), font, Element.ALIGN_LEFT);
    }

    private PdfPCell cell(String text, Font font, int alignment) {
        String printable = fonts.printable(text, font);
        PdfPCell cell = new PdfPCell(new Phrase(printable, font));
        cell.setHorizontalAlignment(alignment);
        if (hasRightToLeft(printable)) {
            // Hebrew or Arabic: the bidi algorithm orders (and shapes) it; left-to-right text skips that cost.
            cell.setRunDirection(PdfWriter.RUN_DIRECTION_LTR);
        }
        cell.setPaddingTop(2);
        cell.setPaddingBottom(3.5f);
        cell.setPaddingLeft(3);
        cell.setPaddingRight(3);
        cell.setBorderColor(Color.GRAY);
        cell.setBorderWidth(0.4f);
        return cell;
    }

    private static boolean hasRightToLeft(String text) {
        for (int i = 0; i < text.length(); i++) {
            byte direction = Character.getDirectionality(text.charAt(i));
            if (direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                    || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return true;
            }
        }
        return false;
    }
}
