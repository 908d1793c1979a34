package com.contactcenter.billing.report.pdf;

import static com.contactcenter.billing.report.pdf.PdfReports.SPANISH;
import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.report.ReportData;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tenant of 100,000 users: the report completes (no time is asserted). */
class PdfReportScaleTest {

    private static final ReportData HUNDRED_THOUSAND =
            PdfReports.withUsers(PdfReports.demo(), PdfReports.users(100_000));

    @Test
    void aHundredThousandUsersGiveTheFiftyMostActive() {
        String text = PdfReports.text(PdfReports.render(HUNDRED_THOUSAND, SPANISH));

        assertThat(text.replace('\n', ' ')).contains("Se muestran los 50 usuarios más activos de 100.000");
        // activity is id % 97: the 50 most active are the first 50 ids with 96, from 96 up by 97
        assertThat(text)
                .contains("\n96 U96 u96@ejemplo.co ", "\n4849 U4849 u4849@ejemplo.co ")
                .doesNotContain("\n4946 U4946 ", "\n1 U1 ");
    }

    @Test
    void aHundredThousandRowsStreamThroughTheUsersTableWhenAllAreListed(@TempDir Path dir) throws IOException {
        PdfReportWriter writer = new PdfReportWriter(PdfReports.FONT, 50, Integer.MAX_VALUE);
        Path file = dir.resolve("all-users.pdf");

        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            writer.write(HUNDRED_THOUSAND, SPANISH, out);
        }

        PdfReader reader = new PdfReader(file.toString());
        try {
            int pages = reader.getNumberOfPages();
            PdfTextExtractor extractor = new PdfTextExtractor(reader, new LineTextAssembler());
            String last = PdfReports.normalize(extractor.getTextFromPage(pages));
            assertThat(pages).isGreaterThan(1_000);
            // by name, "U99999" sorts last ("U9..." after "U1...")
            assertThat(List.of(last.split("\n")))
                    .contains(
                            "99999 U99999 u99999@ejemplo.co Agente 1 " + 99_999 % 97 + " 0 0 0 " + "20/11/2026 10:00");
            assertThat(last).contains("ID Nombre Correo Rol").containsPattern("Página " + pages + " de\\s+" + pages);
        } finally {
            reader.close();
        }
    }
}
