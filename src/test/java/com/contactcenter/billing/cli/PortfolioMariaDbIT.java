package com.contactcenter.billing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.MariaDb;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 300 tenants on MariaDB (they share one source database under their own names, half on a plan in
 * dollars): the portfolio of October, computing every tenant's missing snapshot, is written by the
 * jar in a JVM of 256 MB of heap; one row per tenant, and per currency a total that is the sum of
 * the tenants' own exports. {@code -Dportfolio.tenants=1000} runs it at a thousand tenants (the
 * figure README Portfolio gives); the GC log's largest heap in use is printed.
 */
@ExtendWith(MariaDb.class)
class PortfolioMariaDbIT {

    private static final int TENANTS = Integer.getInteger("portfolio.tenants", 300);
    private static final Path JAR = Path.of("target/billing-estimate.jar");

    private static String tenant(int i) {
        return String.format("pf_t%04d", i);
    }

    @Test
    void hundredsOfTenantsInOneWorkbookWithinTheSmallHeap() throws Exception {
        assertThat(JAR)
                .as("the jar (mvn package runs before the integration tests)")
                .exists();
        String warehouse = MariaDb.recreateWarehouse("pf_wh");
        String source = MariaDb.loadSource("pf_src", EdgeTenantFixture.SQL);
        Path dir = Files.createDirectories(Path.of("target/portfolio-it"));
        Path config = dir.resolve("tenants.properties");
        List<String> lines = new ArrayList<>(List.of(
                "spring.datasource.url=" + warehouse,
                "spring.datasource.username=" + MariaDb.USER,
                "spring.datasource.password=" + MariaDb.PASSWORD,
                "logging.level.com.contactcenter.billing=WARN",
                "billing.pricing.plans.pro.currency=USD",
                "billing.pricing.plans.pro.seats[0].role=Agente",
                "billing.pricing.plans.pro.seats[0].monthly-price=25.50",
                "billing.pricing.plans.pro.services[voice_minutes]=0.04"));
        for (int i = 0; i < TENANTS; i++) {
            String prefix = "billing.sources[" + i + "].";
            lines.add(prefix + "name=" + tenant(i));
            lines.add(prefix + "url=" + source);
            lines.add(prefix + "username=" + MariaDb.USER);
            lines.add(prefix + "password=" + MariaDb.PASSWORD);
            lines.add(prefix + "time-zone=America/Bogota");
            if (i % 2 == 1) {
                lines.add(prefix + "plan=pro");
            }
        }
        Files.write(config, lines, StandardCharsets.UTF_8);
        String settings = "--spring.config.additional-location=file:" + config.toAbsolutePath();

        // given every tenant synced around October, and one export of each plan
        // (a tenant whose job could not be created, as Batch's job-instance insert may deadlock on
        // MariaDB when many start at once, is synced by asking again: the failed tenants restart)
        CliRun.Result sync = new CliRun(dir).run("sync", "--from", "2026-09-30", "--to", "2026-11-01", settings);
        for (int again = 0; again < 3 && sync.exit() != 0; again++) {
            sync = new CliRun(dir).run("sync", "--from", "2026-09-30", "--to", "2026-11-01", settings);
        }
        assertThat(sync.exit()).as(sync.err()).isZero();
        BigDecimal cop = total(settings, tenant(0), dir);
        BigDecimal usd = total(settings, tenant(1), dir);

        // when the jar writes the portfolio in 256 MB of heap, computing the other 298 snapshots
        Path log = dir.resolve("portfolio.log");
        Path gc = dir.resolve("portfolio-gc.log");
        Process process = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-Xmx256m",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-Xlog:gc:file=" + gc.toAbsolutePath(),
                        "-jar",
                        JAR.toString(),
                        "portfolio",
                        "--period",
                        "2026-10",
                        "--out",
                        dir.toAbsolutePath().toString(),
                        settings)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();

        // then
        String output = Files.readString(log);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output)
                .contains("portfolio of 2026-10: " + TENANTS + " tenants", String.format("%-12s %d", "ok", TENANTS));
        System.out.printf(
                "portfolio of %d tenants: largest heap in use before a collection %d MB (of 256)%n",
                TENANTS, largestHeapInUse(gc));
        try (InputStream in = Files.newInputStream(dir.resolve("billing-portfolio_2026-10.xlsx"));
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            XSSFSheet tenants = workbook.getSheet("Tenants");
            int total = column(tenants.getRow(0), "Total estimado");
            for (int i = 0; i < TENANTS; i++) {
                Row row = tenants.getRow(1 + i);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(tenant(i));
                assertThat(row.getCell(total).getNumericCellValue()).isEqualTo((i % 2 == 0 ? cop : usd).doubleValue());
            }
            Row copTotals = tenants.getRow(1 + TENANTS + 1);
            Row usdTotals = tenants.getRow(1 + TENANTS + 2);
            assertThat(copTotals.getCell(0).getStringCellValue()).isEqualTo("Total COP");
            assertThat(copTotals.getCell(total).getNumericCellValue())
                    .isEqualTo(cop.multiply(BigDecimal.valueOf(TENANTS / 2)).doubleValue());
            assertThat(usdTotals.getCell(0).getStringCellValue()).isEqualTo("Total USD");
            assertThat(usdTotals.getCell(total).getNumericCellValue())
                    .isEqualTo(usd.multiply(BigDecimal.valueOf(TENANTS / 2)).doubleValue());
            assertThat(tenants.getLastRowNum()).isEqualTo(1 + TENANTS + 2);
        }
        assertThat(Files.readAllLines(dir.resolve("billing-portfolio_2026-10.csv")))
                .hasSize(1 + TENANTS);
    }

    /** The largest heap in use before a collection, in MB, from lines such as "Pause Young ... 120M->30M(256M)". */
    private static long largestHeapInUse(Path gcLog) throws java.io.IOException {
        java.util.regex.Pattern before = java.util.regex.Pattern.compile("(\\d+)M->\\d+M\\(");
        long largest = 0;
        for (String line : Files.readAllLines(gcLog)) {
            java.util.regex.Matcher m = before.matcher(line);
            if (m.find()) {
                largest = Math.max(largest, Long.parseLong(m.group(1)));
            }
        }
        return largest;
    }

    /** The tenant's own export of October: its estimated total. */
    private static BigDecimal total(String settings, String tenant, Path dir) throws Exception {
        Path file = dir.resolve(tenant + ".json");
        CliRun.Result export = new CliRun(dir)
                .run(
                        "export",
                        "--source",
                        tenant,
                        "--period",
                        "2026-10",
                        "--format",
                        "json",
                        "--out",
                        file.toAbsolutePath().toString(),
                        settings);
        assertThat(export.exit()).as(export.err()).isZero();
        JsonNode doc = JsonMapper.builder().build().readTree(file.toFile());
        return new BigDecimal(doc.get("estimate").get("total").asString());
    }

    private static int column(Row header, String name) {
        for (var cell : header) {
            if (cell.getStringCellValue().equals(name)) {
                return cell.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + name);
    }
}
