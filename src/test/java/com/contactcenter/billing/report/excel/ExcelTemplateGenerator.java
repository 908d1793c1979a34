package com.contactcenter.billing.report.excel;

import com.contactcenter.billing.usage.ServiceKey;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.ShapeTypes;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFSimpleShape;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Builds {@code reports-templates/billing-estimate.xlsx}: the look (named styles on sheet
 * Estilos, column widths, the branded band and logo) and the two charts over one sample row.
 * The commands to regenerate it are in reports-templates/README.md.
 */
public final class ExcelTemplateGenerator {

    static final String PRODUCT = "Estimación de facturación";
    static final String DATE_FORMAT = "dd/mm/yyyy";

    private static final byte[] NAVY = rgb(0x1F, 0x3A, 0x5F);
    private static final byte[] BLUE = rgb(0x2E, 0x5C, 0x8A);
    private static final byte[] ACCENT = rgb(0xF2, 0xA9, 0x00);
    private static final byte[] LIGHT = rgb(0xDD, 0xEB, 0xF7);
    private static final byte[] WHITE = rgb(0xFF, 0xFF, 0xFF);
    /** One colour per service, in ServiceKey order. */
    private static final byte[][] PALETTE = {
        NAVY,
        ACCENT,
        rgb(0x2A, 0x9D, 0x8F),
        rgb(0xE7, 0x6F, 0x51),
        rgb(0x4C, 0x8B, 0xF5),
        rgb(0x8E, 0x6C, 0x8A),
        rgb(0x7F, 0x7F, 0x7F)
    };

    private final XSSFWorkbook workbook = new XSSFWorkbook();

    private ExcelTemplateGenerator() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "reports-templates/billing-estimate.xlsx");
        write(out);
        System.out.println("wrote " + out.toAbsolutePath().normalize());
    }

    static void write(Path out) throws IOException {
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (XSSFWorkbook workbook = new ExcelTemplateGenerator().build();
                OutputStream stream = Files.newOutputStream(out)) {
            workbook.write(stream);
        }
    }

    private XSSFWorkbook build() {
        workbook.getProperties().getCoreProperties().setTitle(PRODUCT);
        workbook.getProperties().getCoreProperties().setCreator("billing-estimate");
        XSSFSheet summary = sheet(Template.SUMMARY, PRODUCT, 36, 26, 16, 18, 16, 18, 40);
        XSSFSheet users =
                sheet(Template.USERS, "Usuarios facturables del periodo", 10, 32, 38, 22, 11, 11, 16, 11, 16, 22);
        XSSFSheet services = sheet(
                Template.SERVICES,
                "Consumo por periodo: unidades facturables por servicio",
                16,
                16,
                16,
                16,
                16,
                16,
                16,
                16);
        XSSFSheet whatsapp =
                sheet(Template.WHATSAPP, "WhatsApp por canal: mensajes entrantes y salientes", 14, 32, 16, 16, 16, 16);
        XSSFSheet quality =
                sheet(Template.DATA_QUALITY, "Calidad de datos: registros y usuarios excluidos", 30, 80, 14);
        XSSFSheet changes = sheet(Template.CHANGES, "Cambios frente a la versión anterior", 24, 32, 20, 18, 18, 22, 12);
        XSSFSheet styles = workbook.createSheet(Template.STYLES);
        namedStyles(styles);

        logo(summary);
        sampleRows(summary, users, services, whatsapp, quality, changes);
        servicesChart(services);
        whatsappChart(whatsapp);
        workbook.setActiveSheet(0);
        return workbook;
    }

    private XSSFSheet sheet(String name, String title, int... widths) {
        XSSFSheet sheet = workbook.createSheet(name);
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        Row band = sheet.createRow(0);
        band.setHeightInPoints(34);
        for (int c = 0; c < widths.length; c++) {
            band.createCell(c).setCellStyle(bandStyle());
        }
        band.getCell(0).setCellValue(title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, widths.length - 1));
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setDisplayGridlines(false);
        return sheet;
    }

    private XSSFCellStyle bandStyle;

    private XSSFCellStyle bandStyle() {
        if (bandStyle == null) {
            bandStyle = style(font(16, true, false, WHITE), NAVY);
            bandStyle.setVerticalAlignment(VerticalAlignment.CENTER);
            bandStyle.setIndention((short) 1);
        }
        return bandStyle;
    }

    /** Column A the name the writer looks up, column B a cell with the style. */
    private void namedStyles(XSSFSheet sheet) {
        sheet.setColumnWidth(0, 16 * 256);
        sheet.setColumnWidth(1, 50 * 256);
        XSSFCellStyle disclaimer = style(font(12, true, false, rgb(0x7F, 0x60, 0x00)), rgb(0xFF, 0xF2, 0xCC));
        disclaimer.setVerticalAlignment(VerticalAlignment.CENTER);
        XSSFCellStyle note = style(font(10, false, true, rgb(0x40, 0x40, 0x40)), null);
        note.setWrapText(true);
        note.setVerticalAlignment(VerticalAlignment.TOP);
        XSSFCellStyle section = style(font(12, true, false, NAVY), null);
        section.setBorderBottom(BorderStyle.MEDIUM);
        section.setBottomBorderColor(new XSSFColor(NAVY));
        XSSFCellStyle header = style(font(10, true, false, WHITE), BLUE);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        thinBorders(header);
        XSSFCellStyle label = style(font(10, true, false, null), null);
        XSSFCellStyle text = style(font(10, false, false, null), null);
        XSSFCellStyle number = style(font(10, false, false, null), null);
        number.setAlignment(HorizontalAlignment.RIGHT);
        XSSFCellStyle total = style(font(10, true, false, null), LIGHT);
        total.setBorderTop(BorderStyle.THIN);
        total.setTopBorderColor(new XSSFColor(NAVY));
        XSSFCellStyle flag = style(font(10, false, false, rgb(0x9C, 0x57, 0x00)), rgb(0xFF, 0xEB, 0x9C));

        Object[][] rows = {
            {Styles.BAND, bandStyle(), PRODUCT},
            {Styles.DISCLAIMER, disclaimer, "Estimación, no es una factura"},
            {Styles.NOTE, note, "Notas y frases explicativas"},
            {Styles.SECTION, section, "Título de sección"},
            {Styles.HEADER, header, "Encabezado de columna"},
            {Styles.LABEL, label, "Etiqueta de un dato"},
            {Styles.TEXT, text, "Texto"},
            {Styles.NUMBER, number, 1234567.5},
            {Styles.TOTAL, total, "Fila de totales"},
            {Styles.FLAG, flag, "Aviso: sin precio configurado"},
        };
        Row intro = sheet.createRow(0);
        intro.createCell(0)
                .setCellValue("Estilos con nombre que usa el informe (columna B). Esta hoja no sale en el"
                        + " informe; ver reports-templates/README.md.");
        for (int i = 0; i < rows.length; i++) {
            Row row = sheet.createRow(i + 2);
            row.createCell(0).setCellValue((String) rows[i][0]);
            var cell = row.createCell(1);
            cell.setCellStyle((CellStyle) rows[i][1]);
            if (rows[i][2] instanceof Double d) {
                cell.setCellValue(d);
            } else {
                cell.setCellValue((String) rows[i][2]);
            }
        }
    }

    private void logo(XSSFSheet summary) {
        XSSFDrawing drawing = summary.createDrawingPatriarch();
        // A rounded "CC" badge at the right end of the band, inside column G.
        XSSFSimpleShape mark =
                drawing.createSimpleShape(drawing.createAnchor(1_900_000, 60_000, 2_550_000, 370_000, 6, 0, 6, 0));
        mark.setShapeType(ShapeTypes.ROUND_RECT);
        mark.setFillColor(ACCENT[0] & 0xFF, ACCENT[1] & 0xFF, ACCENT[2] & 0xFF);
        mark.setLineStyleColor(0xFF, 0xFF, 0xFF);
        XSSFRichTextString text = new XSSFRichTextString("CC");
        text.applyFont(font(14, true, false, NAVY));
        mark.setText(text);
    }

    private void sampleRows(
            XSSFSheet summary,
            XSSFSheet users,
            XSSFSheet services,
            XSSFSheet whatsapp,
            XSSFSheet quality,
            XSSFSheet changes) {
        XSSFCellStyle header = namedStyle(Styles.HEADER);
        XSSFCellStyle date = workbook.createCellStyle();
        date.setDataFormat(workbook.createDataFormat().getFormat(DATE_FORMAT));

        summary.createRow(1).createCell(0).setCellValue("Estimación, no es una factura");
        headers(
                users,
                2,
                header,
                "ID",
                "Nombre",
                "Correo",
                "Rol",
                "Canales",
                "Sesiones",
                "Mensajes enviados",
                "Llamadas",
                "Minutos de llamada",
                "Último ingreso (UTC)");
        users.createFreezePane(0, 3);

        Row serviceHeader = services.createRow(1);
        headerCell(serviceHeader, 0, header, "Inicio del periodo");
        Row sample = services.createRow(2);
        sample.createCell(0).setCellValue(LocalDate.of(2026, 1, 1));
        sample.getCell(0).setCellStyle(date);
        ServiceKey[] keys = ServiceKey.values();
        for (int i = 0; i < keys.length; i++) {
            headerCell(serviceHeader, i + 1, header, keys[i].spanishLabel() + " (" + keys[i].key() + ")");
            sample.createCell(i + 1).setCellValue(0);
        }

        headers(whatsapp, 1, header, "ID del canal", "Canal", "Entrantes", "Salientes", "Total");
        Row channel = whatsapp.createRow(2);
        channel.createCell(1).setCellValue("Canal de WhatsApp");
        channel.createCell(2).setCellValue(0);
        channel.createCell(3).setCellValue(0);
        channel.createCell(4).setCellValue(0);

        headers(quality, 1, header, "Motivo", "Qué significa", "Cantidad");
        headers(changes, 2, header, "Sección", "Clave", "Medida", "Anterior", "Nuevo", "Diferencia", "¿Cambió?");
    }

    private void servicesChart(XSSFSheet sheet) {
        XSSFChart chart = chart(sheet, 9, 1, 21, 24, "Consumo por servicio (unidades)");
        XDDFCategoryAxis bottom = chart.createCategoryAxis(AxisPosition.BOTTOM);
        bottom.setNumberFormat(DATE_FORMAT);
        XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
        left.setCrosses(AxisCrosses.AUTO_ZERO);
        left.setNumberFormat("#,##0");
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, bottom, left);
        data.setVaryColors(false);
        XDDFNumericalDataSource<Double> buckets =
                XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(2, 2, 0, 0));
        buckets.setFormatCode(DATE_FORMAT);
        for (int i = 0; i < ServiceKey.values().length; i++) {
            XDDFLineChartData.Series series = (XDDFLineChartData.Series) data.addSeries(
                    buckets,
                    XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(2, 2, i + 1, i + 1)));
            series.setTitle(
                    sheet.getRow(1).getCell(i + 1).getStringCellValue(),
                    new CellReference(sheet.getSheetName(), 1, i + 1, true, true));
            // Explicit colours: without them LibreOffice draws every series alike and without lines.
            XDDFSolidFillProperties colour = new XDDFSolidFillProperties(XDDFColor.from(PALETTE[i % PALETTE.length]));
            XDDFLineProperties line = new XDDFLineProperties(colour);
            line.setWidth(2.25);
            series.setLineProperties(line);
            series.setMarkerStyle(MarkerStyle.CIRCLE);
            XDDFShapeProperties marker = new XDDFShapeProperties();
            marker.setFillProperties(colour);
            marker.setLineProperties(new XDDFLineProperties(colour));
            series.getCTLineSer().getMarker().addNewSpPr().set(marker.getXmlObject());
            series.setSmooth(false);
        }
        chart.plot(data);
    }

    private void whatsappChart(XSSFSheet sheet) {
        XSSFChart chart = chart(sheet, 7, 1, 17, 22, "WhatsApp: entrantes y salientes por canal");
        XDDFCategoryAxis bottom = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
        left.setCrosses(AxisCrosses.AUTO_ZERO);
        left.setNumberFormat("#,##0");
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, bottom, left);
        data.setBarDirection(BarDirection.COL);
        data.setBarGrouping(BarGrouping.CLUSTERED);
        data.setVaryColors(false);
        XDDFDataSource<String> channels =
                XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(2, 2, 1, 1));
        byte[][] colors = {BLUE, ACCENT};
        for (int i = 0; i < 2; i++) {
            int column = WhatsappSheet.INBOUND_COLUMN + i;
            XDDFBarChartData.Series series = (XDDFBarChartData.Series) data.addSeries(
                    channels,
                    XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(2, 2, column, column)));
            series.setTitle(
                    sheet.getRow(1).getCell(column).getStringCellValue(),
                    new CellReference(sheet.getSheetName(), 1, column, true, true));
            series.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(colors[i])));
        }
        chart.plot(data);
    }

    private XSSFChart chart(XSSFSheet sheet, int col1, int row1, int col2, int row2, String title) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, col1, row1, col2, row2));
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        return chart;
    }

    private void headers(XSSFSheet sheet, int r, XSSFCellStyle style, String... texts) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < texts.length; c++) {
            headerCell(row, c, style, texts[c]);
        }
    }

    private static void headerCell(Row row, int c, XSSFCellStyle style, String text) {
        var cell = row.createCell(c);
        cell.setCellStyle(style);
        cell.setCellValue(text);
    }

    private XSSFCellStyle namedStyle(String name) {
        XSSFSheet styles = workbook.getSheet(Template.STYLES);
        for (Row row : styles) {
            if (row.getCell(0) != null && name.equals(row.getCell(0).getStringCellValue())) {
                return (XSSFCellStyle) row.getCell(1).getCellStyle();
            }
        }
        throw new IllegalStateException(name);
    }

    private XSSFCellStyle style(XSSFFont font, byte[] fill) {
        XSSFCellStyle style = workbook.createCellStyle();
        style.setFont(font);
        if (fill != null) {
            style.setFillForegroundColor(new XSSFColor(fill));
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
        return style;
    }

    private XSSFFont font(int points, boolean bold, boolean italic, byte[] color) {
        XSSFFont font = workbook.createFont();
        font.setFontName("Calibri");
        font.setFontHeightInPoints((short) points);
        font.setBold(bold);
        font.setItalic(italic);
        if (color != null) {
            font.setColor(new XSSFColor(color));
        }
        return font;
    }

    private static void thinBorders(XSSFCellStyle style) {
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        style.setTopBorderColor(new XSSFColor(WHITE));
        style.setBottomBorderColor(new XSSFColor(WHITE));
        style.setLeftBorderColor(new XSSFColor(WHITE));
        style.setRightBorderColor(new XSSFColor(WHITE));
    }

    private static byte[] rgb(int r, int g, int b) {
        return new byte[] {(byte) r, (byte) g, (byte) b};
    }
}
