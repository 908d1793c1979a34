package com.contactcenter.billing.report.excel;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.report.ReportData;
import com.contactcenter.billing.snapshot.SnapshotUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 100,000 users stream into the Usuarios sheet. Run alone with a small heap to see it fit:
 * {@code mvn -o -q test -Dtest=ExcelReportLargeTest -DargLine=-Xmx256m}.
 */
class ExcelReportLargeTest {

    private static final int USERS = 100_000;

    @TempDir
    Path dir;

    @Test
    void writesAHundredThousandUsersByStreamingThem() throws Exception {
        // given
        ReportData data = ReportFixtures.withUsers(ReportFixtures.report(ReportFixtures.DEMO_BY_MONTH), USERS);
        Path file = dir.resolve("100k-users.xlsx");
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);

        // when
        try (OutputStream out = Files.newOutputStream(file)) {
            new ExcelReportWriter(ReportFixtures.TEMPLATE).write(data, Locale.forLanguageTag("es-CO"), out);
        }

        // then: read back with the event API (the whole sheet in memory would need about 1 GB)
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
        System.out.printf(
                "100k users: %,d bytes of xlsx; max heap %d MB, peak heap pools %d MB%n",
                Files.size(file), Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
        UserColumn minutes = userColumn(file, "I");
        assertThat(minutes.rows()).isEqualTo(USERS + UsersSheet.FIRST_USER_ROW);
        assertThat(minutes.sum())
                .isEqualTo(data.users().stream()
                        .mapToLong(SnapshotUser::callMinutes)
                        .sum());
    }

    /** The Usuarios sheet's row count and the sum of one column below its header. */
    record UserColumn(long rows, long sum) {}

    private static UserColumn userColumn(Path file, String column)
            throws IOException, OpenXML4JException, XMLStreamException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) new XSSFReader(pkg).getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream in = sheets.next()) {
                    if (sheets.getSheetName().equals(Template.USERS)) {
                        return scan(in, column);
                    }
                }
            }
        }
        throw new AssertionError("no sheet " + Template.USERS);
    }

    private static UserColumn scan(InputStream in, String column) throws XMLStreamException {
        XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(in);
        long rows = 0;
        long sum = 0;
        boolean inTarget = false;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
                rows++;
            } else if (event == XMLStreamConstants.START_ELEMENT
                    && xml.getLocalName().equals("c")) {
                String ref = xml.getAttributeValue(null, "r");
                inTarget = ref.startsWith(column)
                        && Character.isDigit(ref.charAt(column.length()))
                        && Integer.parseInt(ref.substring(column.length())) > UsersSheet.FIRST_USER_ROW;
            } else if (event == XMLStreamConstants.START_ELEMENT
                    && xml.getLocalName().equals("v")
                    && inTarget) {
                sum += (long) Double.parseDouble(xml.getElementText());
            }
        }
        return new UserColumn(rows, sum);
    }
}
