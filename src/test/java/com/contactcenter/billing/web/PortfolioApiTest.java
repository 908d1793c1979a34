package com.contactcenter.billing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.ops.Requester;
import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.FixedClock;
import com.contactcenter.billing.support.SourceDatabases;
import com.contactcenter.billing.sync.SyncWindow;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code GET /api/portfolio}: the month's workbook or CSV for platform staff; a tenant's own admin
 * gets 404, as for anything outside its tenants, and an operator 403, as for every GET of the API.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:wh_portfolio_api;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "spring.datasource.username=sa",
            "spring.datasource.password=",
            FixedClock.PROPERTY + "=" + EdgeTenantFixture.AS_OF,
            "billing.sources[0].name=edge",
            "billing.sources[0].url=jdbc:h2:mem:pfapi_edge_src;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "billing.sources[0].username=sa",
            "billing.sources[1].name=other",
            "billing.sources[1].url=jdbc:h2:mem:pfapi_edge_src;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "billing.sources[1].username=sa",
            "billing.schedule.enabled=false",
            "logging.level.com.contactcenter.billing=WARN"
        })
@TestPropertySource(locations = EdgeTenantFixture.PRICING)
@AutoConfigureMockMvc
@Import(FixedClock.class)
class PortfolioApiTest {

    private static final String PASSWORD = "pw-1";
    private static final String OCTOBER = "/api/portfolio?period=2026-10";

    @DynamicPropertySource
    static void accounts(DynamicPropertyRegistry registry) {
        String[][] accounts = {{"staff", "admin", "*"}, {"otto", "operator", "*"}, {"edge-admin", "admin", "edge"}};
        for (int i = 0; i < accounts.length; i++) {
            String[] account = accounts[i];
            String prefix = "billing.security.accounts[" + i + "].";
            registry.add(prefix + "name", () -> account[0]);
            registry.add(prefix + "role", () -> account[1]);
            registry.add(prefix + "password-hash", () -> "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD));
            registry.add(prefix + "tenants[0]", () -> account[2]);
        }
    }

    @BeforeAll
    static void loadSource() {
        SourceDatabases.loadH2("pfapi_edge_src", EdgeTenantFixture.SQL);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JobRunner jobs;

    private MockHttpServletResponse get(String url, String account, int status) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url)
                        .with(httpBasic(account, PASSWORD)))
                .andExpect(status().is(status))
                .andReturn()
                .getResponse();
    }

    @Test
    void platformStaffDownloadTheMonthsWorkbookAndItsCsv() throws Exception {
        // given
        assertThat(jobs.sync(
                                List.of("edge"),
                                new SyncWindow(EdgeTenantFixture.SYNC_FROM, EdgeTenantFixture.SYNC_TO),
                                Requester.cli())
                        .succeeded())
                .isTrue();

        // when
        MockHttpServletResponse xlsx = get(OCTOBER, "staff", 200);
        MockHttpServletResponse csv = get(OCTOBER + "&format=csv", "staff", 200);

        // then
        assertThat(xlsx.getHeader("Content-Disposition")).contains("billing-portfolio_2026-10.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            assertThat(workbook.getSheet("Tenants").getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("edge");
            assertThat(workbook.getSheet("Tenants").getRow(2).getCell(0).getStringCellValue())
                    .isEqualTo("other");
        }
        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(csv.getHeader("Content-Disposition")).contains("billing-portfolio_2026-10.csv");
        String text = csv.getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<String> lines = text.substring(1).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1))
                .startsWith("edge,America/Bogota,default,COP,")
                .contains("," + EdgeTenantFixture.TOTAL + ",")
                .endsWith(",ok");
        assertThat(lines.get(2)).startsWith("other,America/Bogota,default,COP,").endsWith(",sin datos");
    }

    @Test
    void aTenantsAdminGetsNotFoundAndAnOperatorForbidden() throws Exception {
        assertThat(get(OCTOBER, "edge-admin", 404).getContentAsString()).doesNotContain("edge", "other");
        get(OCTOBER + "&format=csv", "edge-admin", 404);
        get(OCTOBER, "otto", 403);
    }

    @Test
    void aBadPeriodOrFormatIsABadRequest() throws Exception {
        assertThat(get("/api/portfolio?period=2026-13", "staff", 400).getContentAsString())
                .contains("AAAA-MM");
        assertThat(get(OCTOBER + "&format=pdf", "staff", 400).getContentAsString())
                .contains("xlsx o csv");
    }
}
