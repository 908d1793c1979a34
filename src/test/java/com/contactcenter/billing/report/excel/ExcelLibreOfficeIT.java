package com.contactcenter.billing.report.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.contactcenter.billing.report.ReportData;
import com.contactcenter.billing.snapshot.SnapshotFigures.EstimateLine;
import com.contactcenter.billing.snapshot.SnapshotUser;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the workbook in LibreOffice Calc (what CI installs from Debian) and exports every sheet
 * to CSV: the figures a spreadsheet program reads must be the export's. Skips only on a machine
 * without {@code soffice} and without {@code CI} set; on CI a missing soffice fails.
 */
class ExcelLibreOfficeIT {

    /** Comma, double quote, UTF-8, raw values (not "as shown"), every sheet to its own file (LibreOffice 7.2+). */
    private static final String ALL_SHEETS_CSV =
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

    private static final Labels ES = Labels.forLocale(Locale.forLanguageTag("es-CO"));

    private static Path soffice;

    @TempDir
    Path dir;

    @BeforeAll
    static void findLibreOffice() {
        Optional<Path> found = onPath("soffice");
        if (found.isEmpty()) {
            if (System.getenv("CI") != null) {
                fail("soffice (Debian package libreoffice-calc) is not installed, and CI is set: the LibreOffice check"
                        + " must run on CI");
            }
            assumeTrue(false, "soffice is not installed (apt-get install libreoffice-calc); skipped outside CI");
        }
        soffice = found.get();
    }

    @Test
    void theEstimateTotalsAndUserSumsSurviveLibreOffice() throws Exception {
        // given
        ReportData data = ReportFixtures.report(ReportFixtures.DEMO_BY_MONTH);

        // when
        Path csv = convert(data);

        // then: Resumen
        List<List<String>> summary = Csv.read(csv.resolveSibling("report-Resumen.csv"));
        List<String> total = rowStartingWith(
                summary, ES.format("total.estimate", data.figures().estimate().currency()));
        assertThat(new BigDecimal(total.get(5)))
                .isEqualByComparingTo(data.figures().estimate().total());
        for (EstimateLine line : data.figures().estimate().lines()) {
            List<String> row = summary.stream()
                    .filter(r -> r.size() > 5
                            && r.get(2).equals(line.key())
                            && r.get(0).equals(ES.get("kind." + line.kind())))
                    .findFirst()
                    .orElseThrow();
            assertThat(Long.parseLong(row.get(3))).isEqualTo(line.quantity());
            assertThat(new BigDecimal(row.get(4))).isEqualByComparingTo(line.unitPrice());
            assertThat(new BigDecimal(row.get(5))).isEqualByComparingTo(line.amount());
        }
        int roles = summary.indexOf(rowStartingWith(summary, ES.get("section.roles")));
        List<String> roleTotal = rowStartingWith(summary.subList(roles, summary.size()), ES.get("total"));
        assertThat(Long.parseLong(roleTotal.get(1))).isEqualTo(data.users().size());

        // then: Usuarios, every user row, and sums equal to the totals row and the export
        List<List<String>> users = Csv.read(csv.resolveSibling("report-Usuarios.csv"));
        List<List<String>> userRows = users.subList(UsersSheet.FIRST_USER_ROW, users.size());
        assertThat(userRows).hasSize(data.users().size());
        List<SnapshotUser> sorted = byName(data.users());
        for (int i = 0; i < sorted.size(); i++) {
            assertThat(userRows.get(i).get(1)).isEqualTo(sorted.get(i).name());
        }
        long[] expected = {
            data.users().stream().mapToLong(SnapshotUser::channels).sum(),
            data.users().stream().mapToLong(SnapshotUser::sessions).sum(),
            data.users().stream().mapToLong(SnapshotUser::messagesSent).sum(),
            data.users().stream().mapToLong(SnapshotUser::calls).sum(),
            data.users().stream().mapToLong(SnapshotUser::callMinutes).sum()
        };
        for (int i = 0; i < expected.length; i++) {
            int column = UsersSheet.FIRST_FIGURE + i;
            assertThat(userRows.stream()
                            .mapToLong(r -> Long.parseLong(r.get(column)))
                            .sum())
                    .isEqualTo(expected[i]);
            assertThat(Long.parseLong(users.get(UsersSheet.TOTALS_ROW).get(column)))
                    .isEqualTo(expected[i]);
        }

        // then: Servicios, the total row is each service's units
        List<List<String>> services = Csv.read(csv.resolveSibling("report-Servicios.csv"));
        List<String> serviceTotal = rowStartingWith(services, ES.get("total"));
        for (int i = 0; i < data.figures().services().size(); i++) {
            assertThat(Long.parseLong(serviceTotal.get(i + 1)))
                    .isEqualTo(data.figures().services().get(i).units());
        }
    }

    /** The users in the workbook's order: the Spanish collator's order of names, then ids. */
    private static List<SnapshotUser> byName(List<SnapshotUser> users) {
        java.text.Collator spanish = java.text.Collator.getInstance(java.util.Locale.forLanguageTag("es"));
        spanish.setStrength(java.text.Collator.SECONDARY);
        return users.stream()
                .sorted((a, b) -> {
                    int byName = spanish.compare(a.name(), b.name());
                    return byName != 0 ? byName : Long.compare(a.id(), b.id());
                })
                .toList();
    }

    @Test
    void namesThatLookLikeFormulasComeOutOfLibreOfficeExactlyAsWritten() throws Exception {
        // given
        ReportData data = ReportFixtures.report(ReportFixtures.HOSTILE);

        // when
        Path csv = convert(data);

        // then: each name, tab, carriage return and emoji included, reads exactly as written (as text,
        // not a formula's result); POI's ExcelReportWriterTest checks the quote prefix itself
        List<List<String>> users = Csv.read(csv.resolveSibling("report-Usuarios.csv"));
        List<String> names = users.subList(UsersSheet.FIRST_USER_ROW, users.size()).stream()
                .map(r -> r.get(1))
                .toList();
        assertThat(names)
                .containsExactlyElementsOf(
                        byName(data.users()).stream().map(SnapshotUser::name).toList());
        List<List<String>> summary = Csv.read(csv.resolveSibling("report-Resumen.csv"));
        assertThat(new BigDecimal(rowStartingWith(summary, ES.format("total.estimate", "CLP"))
                        .get(5)))
                .isEqualByComparingTo(data.figures().estimate().total());
    }

    /** Writes the workbook and converts all its sheets; returns the path of the (Resumen) CSV. */
    private Path convert(ReportData data) throws IOException, InterruptedException {
        Path xlsx = dir.resolve("report.xlsx");
        try (OutputStream out = Files.newOutputStream(xlsx)) {
            new ExcelReportWriter(ReportFixtures.TEMPLATE).write(data, Locale.forLanguageTag("es-CO"), out);
        }
        Path out = Files.createDirectories(dir.resolve("csv"));
        Path log = dir.resolve("soffice.log");
        Process process = new ProcessBuilder(
                        soffice.toString(),
                        "--headless",
                        "--norestore",
                        "--nologo",
                        "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                        "--convert-to",
                        ALL_SHEETS_CSV,
                        "--outdir",
                        out.toString(),
                        xlsx.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("soffice did not finish in 3 minutes: " + Files.readString(log));
        }
        Path summary = out.resolve("report-Resumen.csv");
        assertThat(summary)
                .as("soffice exit %d: %s", process.exitValue(), Files.readString(log))
                .exists();
        return summary;
    }

    private static List<String> rowStartingWith(List<List<String>> rows, String first) {
        return rows.stream()
                .filter(r -> !r.isEmpty() && r.get(0).equals(first))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no CSV row starting with " + first));
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks (names with CR do). */
    static final class Csv {

        private Csv() {}

        static List<List<String>> read(Path file) throws IOException {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else {
                    field.append(c);
                }
            }
            if (field.length() > 0 || !row.isEmpty()) {
                row.add(field.toString());
                rows.add(row);
            }
            return rows;
        }
    }
}
