package com.contactcenter.billing.snapshot;

import static com.contactcenter.billing.support.EdgeTenantFixture.OCTOBER_FIRST;
import static com.contactcenter.billing.support.EdgeTenantFixture.OCTOBER_LAST;
import static com.contactcenter.billing.support.EdgeTenantFixture.SYNC_FROM;
import static com.contactcenter.billing.support.EdgeTenantFixture.SYNC_TO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.ops.Requester;
import com.contactcenter.billing.pricing.PricingProperties;
import com.contactcenter.billing.pricing.PricingProperties.SeatPrice;
import com.contactcenter.billing.snapshot.ChangeBreakdown.BucketChange;
import com.contactcenter.billing.snapshot.ChangeBreakdown.Kind;
import com.contactcenter.billing.snapshot.ChangeBreakdown.Member;
import com.contactcenter.billing.snapshot.ChangeBreakdown.Part;
import com.contactcenter.billing.source.SourceRegistry;
import com.contactcenter.billing.support.SourceDatabases;
import com.contactcenter.billing.sync.SyncWindow;
import com.contactcenter.billing.usage.GroupBy;
import com.contactcenter.billing.warehouse.FactStore;
import com.contactcenter.billing.warehouse.ReferenceStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The edge tenant's October by day, snapshotted after each change a re-sync or config brings:
 * rows that arrive late for a day already synced, a new user, a user that no longer counts, then
 * new prices. Each diff's parts are the hand-computed money of what moved and add up exactly to
 * the total difference. Run on H2 ({@link WhyItMovedTest}) and MariaDB ({@link WhyItMovedMariaDbIT}).
 */
abstract class WhyItMovedScenario {

    static final String SOURCE = "edge";

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

    /** The edge tenant's source database, as the sync reads it. */
    abstract DataSource source();

    void explainsEachChangeAsPartsThatAddUpToTheDifference() {
        // given October by day, synced and snapshotted: 572392.50 (EdgeTenantFixture)
        Snapshot v1 = syncAndSnapshot();
        assertThat(SnapshotReader.figures(v1).estimate().total()).isEqualByComparingTo("572392.50");

        // when an SMS of 4 segments for Oct 10 (a day already synced) arrives late and is re-synced
        SourceDatabases.execute(
                source(),
                List.of("INSERT INTO messages (id, channel_id, user_id, direction, segments, created_at)"
                        + " VALUES (900, 3, 1, 'out', 4, '2026-10-10 16:00:00.000')"));
        Snapshot v2 = syncAndSnapshot();

        // then the one part is SMS usage: 5 -> 9 segments x 50 = +200.00, on Oct 10 (3 -> 7)
        ChangeBreakdown late = snapshots.explain(v1, v2);
        assertThat(late.difference()).isEqualByComparingTo("200.00");
        assertThat(late.parts())
                .extracting(
                        Part::kind,
                        Part::key,
                        Part::oldQuantity,
                        Part::newQuantity,
                        p -> p.amount().toPlainString())
                .containsExactly(tuple(Kind.SERVICE_VOLUME, "sms_out", 5L, 9L, "200.00"));
        assertThat(late.parts().get(0).buckets())
                .containsExactly(new BucketChange(LocalDate.parse("2026-10-10"), 3, 7));
        assertThat(late.sum()).isEqualTo(late.difference());

        // when an agent is created on Oct 20 and re-synced
        SourceDatabases.execute(
                source(),
                List.of("INSERT INTO users (id, full_name, email, role_id, created_at, deactivated_at,"
                        + " last_login_at, updated_at) VALUES (12, 'Nueva Agente', 'nueva@example.com', 2,"
                        + " '2026-10-20 12:00:00.000', NULL, NULL, '2026-10-20 12:00:00.000')"));
        Snapshot v3 = syncAndSnapshot();

        // then the one part is that agent's seat: a whole month at 80,000.00
        ChangeBreakdown added = snapshots.explain(v2, v3);
        assertThat(added.difference()).isEqualByComparingTo("80000.00");
        assertThat(added.parts())
                .extracting(
                        Part::kind,
                        Part::key,
                        Part::oldQuantity,
                        Part::newQuantity,
                        p -> p.amount().toPlainString())
                .containsExactly(tuple(Kind.SEATS_ADDED, "Agente", 4L, 5L, "80000.00"));
        assertThat(added.parts().get(0).added()).containsExactly(new Member(12, "Nueva Agente", "Agente"));
        assertThat(added.sum()).isEqualTo(added.difference());

        // when an agent's deactivation is corrected to before October (it no longer counts)
        SourceDatabases.execute(
                source(),
                List.of("UPDATE users SET deactivated_at = '2026-09-15 00:00:00.000',"
                        + " updated_at = '2026-10-31 00:00:00.000' WHERE id = 10"));
        Snapshot v4 = syncAndSnapshot();

        // then the one part is that seat, negative, naming the user exactly as stored
        ChangeBreakdown ended = snapshots.explain(v3, v4);
        assertThat(ended.difference()).isEqualByComparingTo("-80000.00");
        assertThat(ended.parts())
                .extracting(
                        Part::kind,
                        Part::key,
                        Part::oldQuantity,
                        Part::newQuantity,
                        p -> p.amount().toPlainString())
                .containsExactly(tuple(Kind.SEATS_ENDED, "Agente", 5L, 4L, "-80000.00"));
        assertThat(ended.parts().get(0).ended()).containsExactly(new Member(10, "<script>alert(1)</script>", "Agente"));
        assertThat(ended.sum()).isEqualTo(ended.difference());

        // when the prices change: Agente 80,000 -> 90,000 a month, SMS 50 -> 55 a segment
        PricingProperties dearer = withService(withSeat(pricing, "Agente", "90000"), "sms_out", "55");
        SnapshotService repriced = service(dearer);
        Snapshot v5 = repriced.compute(SOURCE, OCTOBER_FIRST, OCTOBER_LAST, GroupBy.DAY);

        // then two price parts: 4 agents x 10,000 = +40,000.00 and 9 segments x 5 = +45.00
        ChangeBreakdown prices = snapshots.explain(v4, v5);
        assertThat(v5.version()).isEqualTo(5);
        assertThat(prices.difference()).isEqualByComparingTo("40045.00");
        assertThat(prices.parts())
                .extracting(
                        Part::kind,
                        Part::key,
                        p -> p.oldPrice().toPlainString(),
                        p -> p.newPrice().toPlainString(),
                        p -> p.amount().toPlainString())
                .containsExactly(
                        tuple(Kind.SEAT_PRICE, "Agente", "80000.00", "90000.00", "40000.00"),
                        tuple(Kind.SERVICE_PRICE, "sms_out", "50.00", "55.00", "45.00"));
        assertThat(prices.sum()).isEqualTo(prices.difference());

        // and from the first version to the last, every part at once: 572392.50 -> 612637.50
        ChangeBreakdown all = snapshots.explain(v1, v5);
        assertThat(all.newTotal()).isEqualByComparingTo("612637.50");
        assertThat(all.parts())
                .extracting(Part::kind, Part::key, p -> p.amount().toPlainString())
                .containsExactly(
                        // 4 agents before, at the new price: +40,000.00
                        tuple(Kind.SEAT_PRICE, "Agente", "40000.00"),
                        tuple(Kind.SEATS_ADDED, "Agente", "90000.00"),
                        tuple(Kind.SEATS_ENDED, "Agente", "-90000.00"),
                        // 5 segments x 5 = +25.00, then 4 more at 55 = +220.00
                        tuple(Kind.SERVICE_PRICE, "sms_out", "25.00"),
                        tuple(Kind.SERVICE_VOLUME, "sms_out", "220.00"));
        assertThat(all.sum()).isEqualTo(all.difference()).isEqualByComparingTo("40245.00");
    }

    /** Syncs October (one day either side) from the source as it is now, then computes October by day. */
    private Snapshot syncAndSnapshot() {
        assertThat(jobs.sync(List.of(SOURCE), new SyncWindow(SYNC_FROM, SYNC_TO), Requester.cli())
                        .succeeded())
                .isTrue();
        return snapshots.compute(SOURCE, OCTOBER_FIRST, OCTOBER_LAST, GroupBy.DAY);
    }

    /** The application's snapshot service, had config said these prices. */
    private SnapshotService service(PricingProperties prices) {
        SourceRegistry registry = Mockito.mock(SourceRegistry.class);
        Mockito.when(registry.require(SOURCE)).thenReturn(sources.require(SOURCE));
        return new SnapshotService(
                registry,
                references,
                facts,
                store,
                prices,
                clock,
                new SnapshotRetention(store, registry, clock, snapshotSettings));
    }

    private static PricingProperties withSeat(PricingProperties p, String role, String price) {
        List<SeatPrice> seats = new ArrayList<>(
                p.seats().stream().filter(s -> !s.role().equals(role)).toList());
        seats.add(new SeatPrice(role, new BigDecimal(price)));
        return new PricingProperties(p.currency(), p.scale(), seats, p.services(), p.defaultPlan(), p.plans());
    }

    private static PricingProperties withService(PricingProperties p, String key, String price) {
        Map<String, BigDecimal> services = new HashMap<>(p.services());
        services.keySet().removeIf(k -> k.replaceAll("[^a-z]", "").equals(key.replace("_", "")));
        services.put("[" + key + "]", new BigDecimal(price));
        return new PricingProperties(p.currency(), p.scale(), p.seats(), services, p.defaultPlan(), p.plans());
    }
}
