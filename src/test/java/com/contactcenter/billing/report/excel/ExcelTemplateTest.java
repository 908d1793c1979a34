package com.contactcenter.billing.report.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.contactcenter.billing.report.ReportData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExcelTemplateTest {

    private static final ReportData DATA = ReportFixtures.report(ReportFixtures.HOSTILE);

    @TempDir
    Path dir;

    @Test
    void aTextFileNamedXlsxIsReportedAsNotAValidWorkbookNamingTheFile() throws IOException {
        // given
        Path template = dir.resolve("billing-estimate.xlsx");
        Files.writeString(template, "this is not a spreadsheet\nsecond line\n", StandardCharsets.UTF_8);

        // then
        assertThatThrownBy(() -> write(template))
                .isInstanceOf(ExcelTemplateException.class)
                .hasMessageStartingWith("Excel template " + template.toAbsolutePath() + ": not a valid .xlsx workbook")
                .hasMessageNotContaining("\n");
    }

    @Test
    void anEmptyFileIsReportedAsNotAValidWorkbook() throws IOException {
        Path template = Files.createFile(dir.resolve("billing-estimate.xlsx"));

        assertThatThrownBy(() -> write(template))
                .isInstanceOf(ExcelTemplateException.class)
                .hasMessageContaining(template.toAbsolutePath().toString())
                .hasMessageContaining("not a valid .xlsx workbook");
    }

    @Test
    void aMissingTemplateIsReportedAsNotFound() {
        Path template = dir.resolve("nowhere/billing-estimate.xlsx");

        assertThatThrownBy(() -> write(template))
                .isInstanceOf(ExcelTemplateException.class)
                .hasMessage("Excel template " + template.toAbsolutePath() + ": file not found");
    }

    @Test
    void aTemplateWithoutOneOfTheSheetsNamesIt() throws IOException {
        // given
        Path template = edited(workbook -> workbook.removeSheetAt(workbook.getSheetIndex("Cambios")));

        // then
        assertThatThrownBy(() -> write(template))
                .isInstanceOf(ExcelTemplateException.class)
                .hasMessage("Excel template " + template.toAbsolutePath() + ": sheet 'Cambios' is missing");
    }

    @Test
    void aTemplateWithoutItsChartNamesTheSheet() throws IOException {
        // given: the WhatsApp sheet replaced by a plain one
        Path template = edited(workbook -> {
            int index = workbook.getSheetIndex("WhatsApp");
            workbook.removeSheetAt(index);
            workbook.createSheet("WhatsApp");
            workbook.setSheetOrder("WhatsApp", index);
        });

        // then
        assertThatThrownBy(() -> write(template))
                .isInstanceOf(ExcelTemplateException.class)
                .hasMessage("Excel template " + template.toAbsolutePath()
                        + ": sheet 'WhatsApp' must hold exactly one chart, it has 0");
    }

    @Test
    void aTemplateWithoutANamedStyleNamesTheStyle() throws IOException {
        // given
        Path template = edited(workbook -> {
            for (Row row : workbook.getSheet(Template.STYLES)) {
                if (row.getCell(0) != null && "flag".equals(row.getCell(0).getStringCellValue())) {
                    row.getCell(0).setCellValue("renamed");
                }
            }
        });

        // then
        assertThatThrownBy(() -> write(template))
                .isInstanceOf(ExcelTemplateException.class)
                .hasMessageStartingWith("Excel template " + template.toAbsolutePath()
                        + ": style 'flag' is missing from sheet 'Estilos'");
    }

    @Test
    void theTemplateFileIsNeverModified() throws IOException {
        // given
        byte[] before = Files.readAllBytes(ReportFixtures.TEMPLATE);

        // when
        write(ReportFixtures.TEMPLATE);

        // then
        assertThat(Files.readAllBytes(ReportFixtures.TEMPLATE)).isEqualTo(before);
    }

    @Test
    void theGeneratorBuildsATemplateTheWriterAccepts() throws IOException {
        // given
        Path template = dir.resolve("generated.xlsx");

        // when
        ExcelTemplateGenerator.write(template);

        // then
        try (XSSFWorkbook workbook = Workbooks.read(Workbooks.bytes(template, DATA, Locale.ENGLISH))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(6);
            XSSFChart services = ExcelReportWriterTest.chartOn(workbook.getSheet("Servicios"));
            assertThat(ExcelReportWriterTest.seriesRanges(services)).hasSize(7);
        }
    }

    @Test
    void theCommittedTemplateHasTheBrandAndTheStylesSheet() throws IOException {
        try (InputStream in = Files.newInputStream(ReportFixtures.TEMPLATE);
                XSSFWorkbook template = new XSSFWorkbook(in)) {
            assertThat(template.getSheet("Resumen").getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Estimación de facturación");
            assertThat(template.getSheet("Resumen").getDrawingPatriarch().getShapes())
                    .isNotEmpty();
            assertThat(template.getSheet(Template.STYLES)).isNotNull();
        }
    }

    private void write(Path template) {
        new ExcelReportWriter(template).write(DATA, Locale.ENGLISH, new ByteArrayOutputStream());
    }

    private interface Edit {
        void apply(XSSFWorkbook workbook);
    }

    /** A copy of the committed template, edited. */
    private Path edited(Edit edit) throws IOException {
        Path copy = dir.resolve("edited.xlsx");
        try (InputStream in = Files.newInputStream(ReportFixtures.TEMPLATE);
                XSSFWorkbook workbook = new XSSFWorkbook(in);
                OutputStream out = Files.newOutputStream(copy)) {
            edit.apply(workbook);
            workbook.write(out);
        }
        return copy;
    }
}
