package com.contactcenter.billing.report.excel;

import static com.contactcenter.billing.report.excel.ReportFixtures.DEMO_BY_MONTH;
import static com.contactcenter.billing.report.excel.Workbooks.format;
import static com.contactcenter.billing.report.excel.Workbooks.number;
import static com.contactcenter.billing.report.excel.Workbooks.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.report.ReportData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sheet Cambios read back: the demo's November by month against a previous version that had 6
 * agents fewer (480,000.00 of seats), 10 SMS segments fewer (500.00) and WhatsApp out at 110 a
 * message instead of 120 (73,388 x 10 = 733,880.00): one labelled row per part, each figure in its
 * own cell, and the parts' sum equal to the total's difference, 1,214,380.00.
 */
class ChangesSheetTest {

    private static final Locale SPANISH = Locale.forLanguageTag("es-CO");

    @Test
    void explainsTheDifferenceInLabelledPartsEachFigureInItsOwnCell() throws IOException {
        List<String> removed = new ArrayList<>();
        ReportData data = ReportFixtures.withPrevious(DEMO_BY_MONTH, previous -> {
            ArrayNode users = (ArrayNode) previous.get("users");
            for (int i = users.size() - 1; i >= 0 && removed.size() < 6; i--) {
                if (users.get(i).get("role").asString().equals("Agente")) {
                    removed.add(
                            0,
                            users.get(i).get("name").asString() + " ("
                                    + users.get(i).get("id").asLong() + ")");
                    users.remove(i);
                }
            }
            ObjectNode agents = (ObjectNode) find(previous.get("usersByRole"), "role", "Agente");
            agents.put("users", 220);
            ObjectNode estimate = (ObjectNode) previous.get("estimate");
            ObjectNode agentSeats = line(estimate, "seat", "Agente");
            agentSeats.put("quantity", 220);
            agentSeats.put("amount", "17600000.00");
            ObjectNode sms = line(estimate, "service", "sms_out");
            sms.put("quantity", 46679);
            sms.put("amount", "2333950.00");
            ((ObjectNode) find(previous.get("services"), "key", "sms_out")).put("units", 46679);
            for (JsonNode point : previous.get("series")) {
                if (point.get("key").asString().equals("sms_out")) {
                    ((ObjectNode) point).put("units", point.get("units").asLong() - 10);
                }
            }
            ObjectNode whatsapp = line(estimate, "service", "whatsapp_out");
            whatsapp.put("unitPrice", "110.00");
            whatsapp.put("amount", "8072680.00");
            // 53,542,532.50 - 480,000 - 500 - 733,880
            estimate.put("total", "52328152.50");
        });

        try (XSSFWorkbook workbook = Workbooks.written(data, SPANISH)) {
            Sheet sheet = workbook.getSheet("Cambios");
            assertThat(cells(sheet.getRow(ChangesSheet.HEADER_ROW)))
                    .containsExactly("Parte", "Concepto", "Antes", "Después", "Importe", "Detalle");

            Row seats = sheet.getRow(ChangesSheet.HEADER_ROW + 1);
            assertThat(text(seats, 0)).isEqualTo("Usuarios nuevos");
            assertThat(text(seats, 1)).isEqualTo("Agente");
            assertThat(number(seats, 2)).isEqualTo(220);
            assertThat(number(seats, 3)).isEqualTo(226);
            assertThat(number(seats, 4)).isEqualTo(480000.00);
            assertThat(format(seats, 4)).isEqualTo("#,##0.00");
            assertThat(text(seats, 5)).isEqualTo("+6 (" + String.join(", ", removed) + ")");

            Row sms = sheet.getRow(ChangesSheet.HEADER_ROW + 2);
            assertThat(text(sms, 0)).isEqualTo("Consumo");
            assertThat(text(sms, 1)).isEqualTo("SMS salientes");
            assertThat(number(sms, 2)).isEqualTo(46679);
            assertThat(number(sms, 3)).isEqualTo(46689);
            assertThat(number(sms, 4)).isEqualTo(500.00);
            assertThat(text(sms, 5)).isEqualTo("46.679 → 46.689 unidades; cambió en: 2026-11-01: 46.679 → 46.689");

            Row price = sheet.getRow(ChangesSheet.HEADER_ROW + 3);
            assertThat(text(price, 0)).isEqualTo("Precio por unidad");
            assertThat(text(price, 1)).isEqualTo("WhatsApp salientes");
            assertThat(number(price, 2)).isEqualTo(110.00);
            assertThat(number(price, 3)).isEqualTo(120.00);
            assertThat(number(price, 4)).isEqualTo(733880.00);
            assertThat(text(price, 5)).isEqualTo("73.388 unidades: 110,00 → 120,00 por unidad");

            Row sum = sheet.getRow(ChangesSheet.HEADER_ROW + 4);
            assertThat(text(sum, 0)).isEqualTo("Suma de las partes");
            assertThat(number(sum, 4)).isEqualTo(1214380.00);
            Row total = sheet.getRow(ChangesSheet.HEADER_ROW + 5);
            assertThat(text(total, 0)).isEqualTo("Diferencia del total estimado");
            assertThat(number(total, 2)).isEqualTo(52328152.50);
            assertThat(number(total, 3)).isEqualTo(53542532.50);
            assertThat(number(total, 4)).isEqualTo(1214380.00);

            // no raw keys anywhere, and no figure written as text beside another
            for (int r = ChangesSheet.HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
                if (sheet.getRow(r) == null) {
                    continue;
                }
                for (String cell : cells(sheet.getRow(r))) {
                    assertThat(cell)
                            .doesNotContain("service:")
                            .doesNotContain("sms_out")
                            .doesNotContain("seat:");
                }
            }
            assertThat(sms.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getColumnWidth(5)).isEqualTo(90 * 256);
        }
    }

    @Test
    void speaksEnglishWithAnEnglishLocale() throws IOException {
        ReportData data = ReportFixtures.withPrevious(DEMO_BY_MONTH, previous -> {
            ObjectNode estimate = (ObjectNode) previous.get("estimate");
            ObjectNode sms = line(estimate, "service", "sms_out");
            sms.put("quantity", 46679);
            sms.put("amount", "2333950.00");
            estimate.put("total", "53542032.50");
        });
        try (XSSFWorkbook workbook = Workbooks.written(data, Locale.ENGLISH)) {
            Sheet sheet = workbook.getSheet("Cambios");
            assertThat(cells(sheet.getRow(ChangesSheet.HEADER_ROW)))
                    .containsExactly("Part", "Item", "Before", "After", "Amount", "Detail");
            Row sms = sheet.getRow(ChangesSheet.HEADER_ROW + 1);
            assertThat(text(sms, 0)).isEqualTo("Usage");
            assertThat(text(sms, 1)).isEqualTo("Outgoing SMS");
            assertThat(number(sms, 4)).isEqualTo(500.00);
            // the series was left as it was: no bucket is named
            assertThat(text(sms, 5)).isEqualTo("46,679 → 46,689 units");
            assertThat(text(sheet.getRow(ChangesSheet.HEADER_ROW + 2), 0)).isEqualTo("Sum of the parts");
        }
    }

    private static List<String> cells(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(c -> texts.add(c.getCellType() == CellType.STRING ? c.getStringCellValue() : ""));
        return texts;
    }

    private static ObjectNode line(ObjectNode estimate, String kind, String key) {
        for (JsonNode l : estimate.get("lines")) {
            if (l.get("kind").asString().equals(kind) && l.get("key").asString().equals(key)) {
                return (ObjectNode) l;
            }
        }
        throw new AssertionError(kind + " " + key);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (n.get(field).asString().equals(value)) {
                return n;
            }
        }
        throw new AssertionError(field + "=" + value);
    }
}
