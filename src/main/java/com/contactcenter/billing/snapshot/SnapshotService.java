package com.contactcenter.billing.snapshot;

import com.contactcenter.billing.pricing.PricingProperties;
import com.contactcenter.billing.source.SourceRegistry;
import com.contactcenter.billing.usage.Bucket;
import com.contactcenter.billing.usage.DayFacts.UserFact;
import com.contactcenter.billing.usage.Forecast;
import com.contactcenter.billing.usage.GroupBy;
import com.contactcenter.billing.usage.Period;
import com.contactcenter.billing.usage.Plan;
import com.contactcenter.billing.usage.UsageCalculator;
import com.contactcenter.billing.usage.UsageReport;
import com.contactcenter.billing.warehouse.FactStore;
import com.contactcenter.billing.warehouse.FactStore.SyncedDay;
import com.contactcenter.billing.warehouse.ReferenceStore;
import com.contactcenter.billing.warehouse.ReferenceStore.ReferenceCopy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Computes snapshots from the warehouse and keeps every version. A snapshot is tied to the sync
 * runs it read; computing again with nothing re-synced returns the newest version unchanged,
 * computing after a re-sync makes a new version.
 */
@Service
public class SnapshotService {

    private final SourceRegistry sources;
    private final ReferenceStore references;
    private final FactStore facts;
    private final SnapshotStore store;
    private final PricingProperties pricing;
    private final Clock clock;
    private final SnapshotRetention retention;
    /** Projects an open period to its end; null: no forecast block (tests that build the service by hand). */
    private final PeriodForecasts forecasts;

    SnapshotService(
            SourceRegistry sources,
            ReferenceStore references,
            FactStore facts,
            SnapshotStore store,
            PricingProperties pricing,
            Clock clock,
            SnapshotRetention retention) {
        this(sources, references, facts, store, pricing, clock, retention, null);
    }

    @Autowired
    SnapshotService(
            SourceRegistry sources,
            ReferenceStore references,
            FactStore facts,
            SnapshotStore store,
            PricingProperties pricing,
            Clock clock,
            SnapshotRetention retention,
            PeriodForecasts forecasts) {
        this.forecasts = forecasts;
        this.retention = retention;
        this.sources = sources;
        this.references = references;
        this.facts = facts;
        this.store = store;
        this.pricing = pricing;
        this.clock = clock;
    }

    public Period period(String source, LocalDate from, LocalDate to) {
        return new Period(from, to, sources.require(source).timeZone());
    }

    public Snapshot compute(String source, LocalDate from, LocalDate to, GroupBy groupBy) {
        return compute(source, from, to, groupBy, Snapshot.Origin.STANDARD);
    }

    /**
     * As {@link #compute(String, LocalDate, LocalDate, GroupBy)}; a new version is marked with
     * {@code origin} (an unchanged newest version keeps its own).
     */
    public Snapshot compute(String source, LocalDate from, LocalDate to, GroupBy groupBy, Snapshot.Origin origin) {
        Figures figures = figures(source, from, to, groupBy);
        UsageReport report = figures.report();
        Instant asOf = figures.asOf();
        List<Long> syncRunIds = figures.syncRunIds();
        long daysSynced = figures.daysSynced();
        PlanStamp plan = figures.plan();
        PlanStamp documented = figures.planInDocument() ? plan : null;
        Forecast forecast = forecast(source, report.period(), asOf);
        String hash = sha256(out -> SnapshotDocument.write(
                out,
                source,
                report,
                SnapshotDocument.Header.figures(asOf, syncRunIds),
                daysSynced,
                documented,
                forecast));
        for (int attempt = 0; ; attempt++) {
            int newest = store.newestVersion(source, from, to, groupBy);
            Optional<SnapshotStore.Stored> current =
                    newest == 0 ? Optional.empty() : store.version(source, from, to, groupBy, newest);
            if (current.isPresent()
                    && current.get().contentHash().equals(hash)
                    && samePrices(current.get().snapshot().plan(), plan)) {
                return current.get().snapshot();
            }
            String id = UUID.randomUUID().toString();
            Instant computedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            SnapshotDocument.Header header = new SnapshotDocument.Header(id, newest + 1, asOf, computedAt, syncRunIds);
            // Written straight from the figures, gzipped: neither a tree nor the text is ever held whole.
            byte[] gzip =
                    gzip(out -> SnapshotDocument.write(out, source, report, header, daysSynced, documented, forecast));
            Snapshot snapshot = new Snapshot(
                    id, source, from, to, groupBy, newest + 1, asOf, computedAt, Snapshot.Content.gzip(gzip), plan);
            try {
                store.insert(snapshot, joined(syncRunIds), hash, origin);
                return snapshot;
            } catch (DuplicateKeyException e) {
                if (attempt >= 5) {
                    throw e;
                }
            }
        }
    }

    /**
     * The period projected to its end as of the snapshot's as-of, from the warehouse's days before
     * the as-of ({@link PeriodForecasts}); null for a period that is over, at the as-of or by the
     * clock (as the forecast API says: its estimate is the final figure, nothing is left to project),
     * whose document then has no forecast block and stays what it always was.
     */
    private Forecast forecast(String source, Period period, Instant asOf) {
        Instant end = period.endUtc();
        if (forecasts == null || !end.isAfter(asOf) || !end.isAfter(clock.instant())) {
            return null;
        }
        return forecasts.forecast(source, period, asOf);
    }

    /**
     * A version priced by the same plan and prices: the document of a tenant on the single list of
     * prices shows no plan, so its stamp is compared too. A version stored before plans has no stamp;
     * its document alone decides.
     */
    private static boolean samePrices(PlanStamp stored, PlanStamp now) {
        return stored == null || stored.equals(now);
    }

    /**
     * What a version's document is written from: the report, the sync runs it read (ascending) and
     * the plan it is priced with, which the document names unless it is the single list of prices.
     */
    record Figures(
            UsageReport report,
            Instant asOf,
            List<Long> syncRunIds,
            long daysSynced,
            PlanStamp plan,
            boolean planInDocument) {}

    /** The figures of the period from the warehouse as it is now. */
    Figures figures(String source, LocalDate from, LocalDate to, GroupBy groupBy) {
        Period period = period(source, from, to);
        ReferenceCopy reference = references
                .load(source)
                .orElseThrow(() -> new NoDataException("nothing to compute from: source '" + source
                        + "' has never been synced (run: ./run-job.sh sync --source " + source + ")"));
        List<SyncedDay> days = facts.syncedDays(source, from, to);
        // Users' facts are summed per bucket in the warehouse: memory follows users x buckets, not days.
        List<UserFact> userFacts = new ArrayList<>();
        for (Bucket bucket : period.buckets(groupBy)) {
            userFacts.addAll(facts.userTotals(source, bucket.first(), bucket.last()));
        }
        Plan plan = pricing.plan(sources.require(source).plan());
        UsageReport report = new UsageCalculator(plan.pricing())
                .compute(
                        period,
                        groupBy,
                        reference.data(),
                        facts.channelFacts(source, from, to),
                        facts.findingFacts(source, from, to),
                        userFacts);
        TreeSet<Long> runIds = days.stream().map(SyncedDay::syncRunId).collect(Collectors.toCollection(TreeSet::new));
        runIds.add(reference.syncRunId());
        Instant asOf = days.stream().map(SyncedDay::asOf).reduce(reference.asOf(), (a, b) -> a.isAfter(b) ? a : b);
        return new Figures(
                report, asOf, List.copyOf(runIds), days.size(), PlanStamp.of(plan), pricing.isNamedPlan(plan.name()));
    }

    /**
     * The estimated total of {@code source} over {@code from..to} (both inclusive) from the warehouse as
     * it is now, no version stored: a report's like-for-like side. Empty when none of its days is synced.
     */
    public Optional<BigDecimal> estimatedTotal(String source, LocalDate from, LocalDate to) {
        Figures figures = figures(source, from, to, GroupBy.MONTH);
        return figures.daysSynced() == 0
                ? Optional.empty()
                : Optional.of(figures.report().estimate().total());
    }

    public Optional<Snapshot> newest(String source, LocalDate from, LocalDate to, GroupBy groupBy) {
        int newest = store.newestVersion(source, from, to, groupBy);
        return newest == 0
                ? Optional.empty()
                : store.version(source, from, to, groupBy, newest).map(SnapshotStore.Stored::snapshot);
    }

    /**
     * The id of the newest version while it was computed from exactly the sync runs the warehouse holds
     * for its period now (the reference copy's and each synced day's), else of the next version
     * computed from the warehouse: what a reader on screen should see. Cheap when current: three small
     * reads, no document. A new version of a period still open (it ends today or later in the source's
     * zone) is marked intraday, so retention keeps such versions within limits as it does the intraday
     * refresh's.
     */
    public String currentId(String source, LocalDate from, LocalDate to, GroupBy groupBy) {
        return currentHead(source, from, to, groupBy).orElseGet(() -> {
            LocalDate today =
                    LocalDate.now(clock.withZone(sources.require(source).timeZone()));
            Snapshot.Origin origin = to.isBefore(today) ? Snapshot.Origin.STANDARD : Snapshot.Origin.INTRADAY;
            return compute(source, from, to, groupBy, origin).id();
        });
    }

    /**
     * As {@link #currentId}, for the dashboard's custom ranges and their comparison periods: a new
     * version is ad-hoc, and then the source's ad-hoc versions are pruned (never one of {@code inUse},
     * nor the new one), so that any number of distinct ranges keeps a bounded number of versions.
     */
    public String currentAdhocId(String source, LocalDate from, LocalDate to, GroupBy groupBy, Set<String> inUse) {
        return currentHead(source, from, to, groupBy).orElseGet(() -> {
            String id =
                    compute(source, from, to, groupBy, Snapshot.Origin.ADHOC).id();
            Set<String> keep = new HashSet<>(inUse);
            keep.add(id);
            retention.pruneAdhoc(source, keep);
            return id;
        });
    }

    /** The newest version's id while it was computed from exactly the sync runs the warehouse holds for its period now. */
    private Optional<String> currentHead(String source, LocalDate from, LocalDate to, GroupBy groupBy) {
        Optional<SnapshotStore.Head> head = store.newestHead(source, from, to, groupBy);
        if (head.isPresent()) {
            TreeSet<Long> runIds = facts.syncedDays(source, from, to).stream()
                    .map(SyncedDay::syncRunId)
                    .collect(Collectors.toCollection(TreeSet::new));
            references.syncRunId(source).ifPresent(runIds::add);
            if (joined(runIds).equals(head.get().syncRunIds())) {
                return Optional.of(head.get().id());
            }
        }
        return Optional.empty();
    }

    /** Sync run ids as the snapshot row keeps them: ascending, comma-separated. */
    private static String joined(Collection<Long> syncRunIds) {
        return syncRunIds.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    public Snapshot newestOrCompute(String source, LocalDate from, LocalDate to, GroupBy groupBy) {
        return newest(source, from, to, groupBy).orElseGet(() -> compute(source, from, to, groupBy));
    }

    public Optional<Snapshot> version(String source, LocalDate from, LocalDate to, GroupBy groupBy, int version) {
        return store.version(source, from, to, groupBy, version).map(SnapshotStore.Stored::snapshot);
    }

    /** The newest kept version older than {@code snapshot}: what its changes are measured against. */
    public Optional<Snapshot> previous(Snapshot snapshot) {
        return store.previous(snapshot.source(), snapshot.from(), snapshot.to(), snapshot.groupBy(), snapshot.version())
                .map(SnapshotStore.Stored::snapshot);
    }

    /** Records that a report is rendered from {@code snapshot}: retention never prunes it. */
    public void markReported(Snapshot snapshot) {
        store.markReported(snapshot.id(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    public Optional<Snapshot> byId(String id) {
        return store.byId(id).map(SnapshotStore.Stored::snapshot);
    }

    /** Newest first. */
    public List<Snapshot> versions(String source, LocalDate from, LocalDate to, GroupBy groupBy) {
        return store.versions(source, from, to, groupBy).stream()
                .map(SnapshotStore.Stored::snapshot)
                .toList();
    }

    /** What changed from {@code older} to {@code newer}. */
    public SnapshotDiff diff(Snapshot older, Snapshot newer) {
        return SnapshotDiff.between(older, newer);
    }

    /**
     * Why the estimate moved from {@code older} to {@code newer}: parts that add up exactly to the
     * total difference ({@link ChangeBreakdown}). Both documents are read streamed, each user's id,
     * name and role kept.
     */
    public ChangeBreakdown explain(Snapshot older, Snapshot newer) {
        return ChangeBreakdown.explain(ChangeBreakdown.side(older), ChangeBreakdown.side(newer));
    }

    /**
     * The whole document as one tree: only for documents known to be small (tests, fixtures). Every
     * figure the product shows is read through {@link SnapshotReader}.
     */
    public static JsonNode json(Snapshot snapshot) {
        return SnapshotDocument.reading(snapshot, SnapshotDocument::tree);
    }

    /** The document without its users as one tree, read streamed (tests). */
    public static ObjectNode outline(Snapshot snapshot) {
        return SnapshotDocument.reading(snapshot, in -> {
            ObjectNode outline = SnapshotDocument.JSON.createObjectNode();
            SnapshotDocument.read(in, outline::set, null);
            return outline;
        });
    }

    /** The SHA-256 of the document's UTF-8 bytes, streamed: the text of a large tenant is never held whole. */
    private static String sha256(Consumer<OutputStream> document) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            document.accept(new DigestOutputStream(OutputStream.nullOutputStream(), digest));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(Consumer<OutputStream> document) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try {
            document.accept(new GZIPOutputStream(bytes, 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
