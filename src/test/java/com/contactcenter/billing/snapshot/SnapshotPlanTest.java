package com.contactcenter.billing.snapshot;

import static com.contactcenter.billing.support.EdgeTenantFixture.AS_OF;
import static com.contactcenter.billing.support.EdgeTenantFixture.OCTOBER_FIRST;
import static com.contactcenter.billing.support.EdgeTenantFixture.OCTOBER_LAST;
import static com.contactcenter.billing.support.EdgeTenantFixture.SYNC_FROM;
import static com.contactcenter.billing.support.EdgeTenantFixture.SYNC_TO;
import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.ops.Requester;
import com.contactcenter.billing.pricing.PricingProperties;
import com.contactcenter.billing.pricing.PricingProperties.PlanProperties;
import com.contactcenter.billing.pricing.PricingProperties.SeatPrice;
import com.contactcenter.billing.source.SourceProperties;
import com.contactcenter.billing.source.SourceRegistry;
import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.ExportJson;
import com.contactcenter.billing.support.FixedClock;
import com.contactcenter.billing.support.SourceDatabases;
import com.contactcenter.billing.sync.SyncWindow;
import com.contactcenter.billing.usage.GroupBy;
import com.contactcenter.billing.warehouse.FactStore;
import com.contactcenter.billing.warehouse.ReferenceStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The plan a snapshot is priced with: recorded with each version, a change of plan or of prices
 * makes a new version and the diff says which, and a tenant on the single list of prices keeps the
 * export it had before plans. Config changes are played by services built on other properties.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:wh_plan;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "spring.datasource.username=sa",
            "spring.datasource.password=",
            FixedClock.PROPERTY + "=" + AS_OF,
            "billing.sources[0].name=edge",
            "billing.sources[0].url=jdbc:h2:mem:plan_edge_src;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "billing.sources[0].username=sa",
            "billing.sources[0].time-zone=America/Bogota",
            "logging.level.com.contactcenter.billing=WARN"
        })
@TestPropertySource(locations = EdgeTenantFixture.PRICING)
@Import(FixedClock.class)
class SnapshotPlanTest {

    private static final JsonNode EXPECTED = ExportJson.resource(EdgeTenantFixture.EXPECTED_OCTOBER_BY_MONTH);

    @Autowired
    JobRunner jobs;

    @Autowired
    SnapshotService snapshots;

    @Autowired
    PricingProperties pricing;

    @Autowired
    SnapshotProperties snapshotSettings;

    @Autowired
    SourceRegistry sources;

    @Autowired
    ReferenceStore references;

    @Autowired
    FactStore facts;

    @Autowired
    SnapshotStore store;

    @Autowired
    Clock clock;

    @BeforeAll
    static void loadSource() {
        SourceDatabases.loadH2("plan_edge_src", EdgeTenantFixture.SQL);
    }

    @Test
    void aChangeOfPricesOrOfPlanMakesANewVersionAndTheDiffSaysWhich() {
        // given October synced and snapshotted on the single list of prices
        assertThat(jobs.sync(List.of("edge"), new SyncWindow(SYNC_FROM, SYNC_TO), Requester.cli())
                        .succeeded())
                .isTrue();
        Snapshot v1 = snapshots.compute("edge", OCTOBER_FIRST, OCTOBER_LAST, GroupBy.MONTH);

        // then it records the default plan, and its document is the export it was before plans
        assertThat(v1.plan()).isEqualTo(PlanStamp.of(pricing.plan(null)));
        assertThat(v1.plan().plan()).isEqualTo("default");
        assertThat(ExportJson.without(SnapshotService.json(v1), "snapshot", "forecast"))
                .isEqualTo(EXPECTED);
        assertThat(snapshots.compute("edge", OCTOBER_FIRST, OCTOBER_LAST, GroupBy.MONTH))
                .isEqualTo(v1);

        // when a price no figure shows changes (Supervisor has no billable user: no seat line)
        PricingProperties dearerSupervisors = withSeat(pricing, "Supervisor", "100001");
        Snapshot v2 = service(dearerSupervisors, null).compute("edge", OCTOBER_FIRST, OCTOBER_LAST, GroupBy.MONTH);

        // then a new version, with the same figures and document, whose diff names the prices
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.plan().pricesHash()).isNotEqualTo(v1.plan().pricesHash());
        assertThat(ExportJson.without(SnapshotService.json(v2), "snapshot", "forecast"))
                .isEqualTo(EXPECTED);
        SnapshotDiff pricesChanged = snapshots.diff(v1, v2);
        assertThat(pricesChanged.lines()).noneMatch(SnapshotDiff.Line::changed);
        assertThat(pricesChanged.planChange()).hasValueSatisfying(change -> {
            assertThat(change.planChanged()).isFalse();
            assertThat(change.pricesChanged()).isTrue();
            assertThat(change.describe()).isEqualTo("plan default: prices changed");
        });

        // when the tenant moves to a plan in dollars
        PricingProperties withPro = withPlan(
                dearerSupervisors,
                "pro",
                new PlanProperties(
                        "USD",
                        2,
                        List.of(new SeatPrice("Agente", new BigDecimal("25.50"))),
                        Map.of("[voice_minutes]", new BigDecimal("0.04"))));
        Snapshot v3 = service(withPro, "pro").compute("edge", OCTOBER_FIRST, OCTOBER_LAST, GroupBy.MONTH);

        // then a new version priced by it, naming it in the export's extra keys
        JsonNode estimate = SnapshotService.json(v3).get("estimate");
        assertThat(v3.version()).isEqualTo(3);
        assertThat(v3.plan().plan()).isEqualTo("pro");
        assertThat(estimate.get("currency").asString()).isEqualTo("USD");
        assertThat(estimate.get("plan").asString()).isEqualTo("pro");
        assertThat(estimate.get("pricesHash").asString())
                .isEqualTo(withPro.plan("pro").pricesHash());
        // 4 agents x 25.50 + 63 voice minutes x 0.04; Administrador and Sin rol unpriced in this plan
        assertThat(estimate.get("total").asString()).isEqualTo("104.52");
        SnapshotDiff planChanged = snapshots.diff(v2, v3);
        assertThat(planChanged.planChange())
                .hasValueSatisfying(
                        change -> assertThat(change.describe()).isEqualTo("plan default -> pro, prices changed"));
        assertThat(store.version("edge", OCTOBER_FIRST, OCTOBER_LAST, GroupBy.MONTH, 3)
                        .orElseThrow()
                        .snapshot()
                        .plan())
                .isEqualTo(v3.plan());
    }

    /** The application's snapshot service, had config said these prices and this plan for the tenant. */
    private SnapshotService service(PricingProperties pricing, String plan) {
        SourceProperties s = sources.require("edge");
        SourceProperties edge = new SourceProperties(
                s.name(),
                s.url(),
                s.username(),
                s.password(),
                s.timeZone(),
                s.queries(),
                s.queryTimeout(),
                s.initSql(),
                s.connectTimeout(),
                plan);
        SourceRegistry registry = Mockito.mock(SourceRegistry.class);
        Mockito.when(registry.require("edge")).thenReturn(edge);
        return new SnapshotService(
                registry,
                references,
                facts,
                store,
                pricing,
                clock,
                new SnapshotRetention(store, registry, clock, snapshotSettings));
    }

    private static PricingProperties withSeat(PricingProperties p, String role, String price) {
        List<SeatPrice> seats = new ArrayList<>(
                p.seats().stream().filter(s -> !s.role().equals(role)).toList());
        seats.add(new SeatPrice(role, new BigDecimal(price)));
        return new PricingProperties(p.currency(), p.scale(), seats, p.services(), p.defaultPlan(), p.plans());
    }

    private static PricingProperties withPlan(PricingProperties p, String name, PlanProperties plan) {
        return new PricingProperties(
                p.currency(), p.scale(), p.seats(), p.services(), p.defaultPlan(), Map.of(name, plan));
    }
}
