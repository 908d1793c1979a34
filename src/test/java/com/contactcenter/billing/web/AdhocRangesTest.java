package com.contactcenter.billing.web;

import static com.contactcenter.billing.support.DashboardFixture.EDGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.support.DashboardFixture;
import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.ExportJson;
import com.contactcenter.billing.support.MovingClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard's custom ranges do not pile up: each one (and its comparison period) is an ad-hoc
 * version, and only the newest of the 20 most recent ad-hoc keys of a source are kept, besides any a
 * report was rendered from; presets' versions are not touched.
 */
@SpringBootTest
@TestPropertySource(locations = EdgeTenantFixture.PRICING)
@AutoConfigureMockMvc
@Import(MovingClock.class)
class AdhocRangesTest {

    private static final String PASSWORD = "admin-pw-1";
    private static final LocalDate LAST_TO = LocalDate.parse("2026-10-31");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DashboardFixture.register(registry, "wh_adhoc_ranges", new String[] {"ada", "admin", PASSWORD, "*"});
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JobRunner sync;

    @Autowired
    JdbcTemplate warehouse;

    @Autowired
    MovingClock.Moving clock;

    /** A minute later each time: versions are computed one after the other, as on a real dashboard. */
    private JsonNode api(String path) throws Exception {
        clock.advance(Duration.ofMinutes(1));
        return ExportJson.parse(mvc.perform(get(URI.create(path)).with(httpBasic("ada", PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    /** The n-th of 20 distinct 366-day ranges, each compared with the 366 days before it. */
    private static String range(int n) {
        LocalDate to = LAST_TO.minusDays(n);
        return "source=" + EDGE + "&preset=custom&from=" + to.minusDays(365) + "&to=" + to + "&groupBy=month";
    }

    private long versions(String origin) {
        return warehouse.queryForObject(
                "SELECT COUNT(*) FROM snapshot WHERE source = ? AND origin = ?", Long.class, EDGE, origin);
    }

    @Test
    void twentyDistinctCustomRangesKeepABoundedNumberOfVersionsAndTheOneAReportCameFrom() throws Exception {
        // given the first range shown, and its workbook downloaded
        DashboardFixture.syncBoth(sync);
        api("/api/dashboard/consumption?" + range(0));
        String reported =
                api("/api/dashboard/summary?" + range(0)).at("/snapshot/id").asString();
        mvc.perform(get("/api/dashboard/snapshots/" + reported + "/download/xlsx")
                        .with(httpBasic("ada", PASSWORD)))
                .andExpect(status().isOk());

        // when 19 more distinct ranges are shown with their comparison (40 keys in all)
        for (int n = 1; n < 20; n++) {
            api("/api/dashboard/consumption?" + range(n));
        }

        // then the newest of the 20 most recent keys are kept, and the reported version, nothing else
        assertThat(versions("adhoc")).isEqualTo(21);
        assertThat(versions("standard") + versions("intraday")).isZero();
        assertThat(warehouse.queryForObject("SELECT COUNT(*) FROM snapshot WHERE id = ?", Long.class, reported))
                .isEqualTo(1);

        // and showing all 20 again adds none beyond that bound
        for (int n = 0; n < 20; n++) {
            api("/api/dashboard/consumption?" + range(n));
        }
        assertThat(versions("adhoc")).isEqualTo(21);
        assertThat(warehouse.queryForObject("SELECT COUNT(*) FROM snapshot WHERE id = ?", Long.class, reported))
                .isEqualTo(1);

        // while a preset's version is kept as before
        api("/api/dashboard/summary?source=" + EDGE + "&preset=last-month&groupBy=month");
        assertThat(versions("standard")).isEqualTo(1);
    }
}
