package com.contactcenter.billing.web;

import com.contactcenter.billing.report.ComparisonLabel;
import com.contactcenter.billing.report.Freshness;
import com.contactcenter.billing.report.ReportProperties;
import com.contactcenter.billing.snapshot.NoDataException;
import com.contactcenter.billing.snapshot.Snapshot;
import com.contactcenter.billing.snapshot.SnapshotFigures;
import com.contactcenter.billing.snapshot.SnapshotFigures.Estimate;
import com.contactcenter.billing.snapshot.SnapshotFigures.ServiceUsage;
import com.contactcenter.billing.snapshot.SnapshotReader;
import com.contactcenter.billing.snapshot.SnapshotService;
import com.contactcenter.billing.snapshot.SnapshotUser;
import com.contactcenter.billing.usage.LikeForLike;
import com.contactcenter.billing.usage.Period;
import com.contactcenter.billing.usage.ServiceKey;
import com.contactcenter.billing.usage.UsageReport.RoleUsers;
import com.contactcenter.billing.usage.UsageReport.WhatsappChannel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Collator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The dashboard's sections, each built from one snapshot's export document (through
 * {@link SnapshotReader}, as the reports are), so the screen always shows the export's figures. Reads
 * the warehouse only: a snapshot is computed from the warehouse when its key has none yet, never
 * from a tenant's database.
 */
@Service
class DashboardViews {

    /**
     * Parsed documents kept in memory, since a page load asks for several sections of one snapshot:
     * at most this many, and at most this many users in all (the users' rows are what a parsed
     * document holds most of), but always the one used last.
     */
    private static final int CACHED_SNAPSHOTS = 16;

    private static final long CACHED_USERS = 120_000;

    private final SnapshotService snapshots;
    private final Clock clock;
    private final DashboardTexts texts;
    private final Locale locale;
    private final Map<String, Parsed> cache = new LinkedHashMap<>(CACHED_SNAPSHOTS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Parsed> eldest) {
            if (size() <= CACHED_SNAPSHOTS) {
                return false;
            }
            cachedUsers -= eldest.getValue().users().size();
            return true;
        }
    };
    private long cachedUsers;

    DashboardViews(SnapshotService snapshots, ReportProperties reports, Clock clock, DashboardTexts texts) {
        this.clock = clock;
        this.texts = texts;
        this.snapshots = snapshots;
        this.locale = reports.locale();
    }

    /** The snapshot's figures and its users' figures (each user's detail is read when asked for). */
    record Parsed(Snapshot snapshot, SnapshotFigures figures, List<SnapshotUser> users) {}

    record PeriodView(LocalDate from, LocalDate to, Instant startUtc, Instant endUtc, long days) {
        static PeriodView of(Period p) {
            return new PeriodView(p.from(), p.to(), p.startUtc(), p.endUtc(), p.days());
        }
    }

    record SnapshotRef(
            String id,
            int version,
            Instant asOf,
            Instant computedAt,
            String freshness,
            Map<String, String> downloads) {}

    /**
     * {@code daysSynced} counts only days begun at the snapshot's as-of ({@code daysBegun} of them):
     * a day still to come is never "synced". {@code usageSynced} is false when none of the period's
     * days was synced: its figures are then the seats alone, no usage.
     */
    record Summary(
            String source,
            String timeZone,
            String preset,
            String groupBy,
            PeriodView period,
            SnapshotRef snapshot,
            long daysSynced,
            List<RoleUsers> usersByRole,
            long billableUsers,
            String currency,
            String total,
            long daysBegun,
            boolean usageSynced) {}

    record UserPage(
            long total, int page, int size, int pages, String sort, String dir, String q, List<SnapshotUser> rows) {}

    /** Money is a plain decimal string, as in the export; never a float. */
    record ServiceLine(
            String key, String label, long count, long units, String unitPrice, String amount, boolean priced) {}

    record SeatLine(String role, long users, String monthlyPrice, String amount, boolean priced) {}

    record Services(
            String currency,
            List<ServiceLine> services,
            String servicesTotal,
            List<SeatLine> seats,
            String seatsTotal,
            String total) {}

    record Series(String key, String label, List<Long> units) {}

    record RoleSeries(String role, List<Long> users) {}

    /**
     * {@code current} and {@code previous} are plain decimal strings (counts, units, or money for the
     * total), null for a side with no synced day ("sin datos", never 0); {@code changePercent} has
     * one decimal and is null when the previous figure is 0 or either side has no synced day.
     */
    record Change(String key, String label, String current, String previous, String changePercent) {}

    /**
     * Like for like ({@link LikeForLike}): {@code currentPeriod} is the period's days begun at the
     * snapshot's as-of, {@code previousPeriod} the same stretch of the previous calendar unit (a
     * preset) or of the same days before (a custom range). {@code partial}: the period is under way,
     * cut at {@code cut} (the as-of's local time); the warehouse keeps days, so the previous side
     * counts its days whole. {@code label} says exactly what is compared.
     */
    record Comparison(
            String label,
            PeriodView currentPeriod,
            String currentSnapshotId,
            boolean currentSynced,
            PeriodView previousPeriod,
            String previousSnapshotId,
            boolean previousSynced,
            String cut,
            boolean partial,
            List<Change> rows) {}

    /**
     * A bucket of the series: {@code partial} when its figures cover less than its calendar unit
     * (under way at the as-of, or clipped by the period), drawn apart so it is not read as a drop.
     */
    record BucketView(LocalDate first, LocalDate last, boolean partial) {}

    /**
     * {@code buckets} are the buckets begun at the snapshot's as-of: one still to come has no
     * figures, so it is absent rather than drawn as zeros; {@code bucketDetails} says each one's
     * days and whether it is partial, in the same order.
     */
    record Consumption(
            List<LocalDate> buckets,
            List<BucketView> bucketDetails,
            List<Series> services,
            List<RoleSeries> usersByRole,
            Comparison comparison,
            List<WhatsappChannel> whatsapp) {}

    /**
     * The snapshot a section shows: {@code snapshotId} when the page names the one it is showing (so
     * every section of one page load reads one version, even if a sync lands meanwhile), which must be
     * a version of the query's key; else the current snapshot of the key.
     */
    Parsed load(DashboardQuery query, String snapshotId) {
        if (snapshotId == null || snapshotId.isBlank()) {
            return load(query);
        }
        return parsed(snapshotId.strip())
                .filter(p -> p.snapshot().source().equals(query.source())
                        && p.snapshot().from().equals(query.from())
                        && p.snapshot().to().equals(query.to())
                        && p.snapshot().groupBy() == query.groupBy())
                .orElseThrow(() -> Refusal.notFound("error.noSnapshotForView"));
    }

    /** The current snapshot of the query's key: the newest, or a new version when a sync has touched its period since. */
    Parsed load(DashboardQuery query) {
        String id;
        try {
            id = current(query, query.from(), query.to(), Set.of());
        } catch (NoDataException e) {
            throw Refusal.notFound("error.neverSynced", query.source());
        }
        return parsed(id).orElseThrow();
    }

    /** The snapshot by id when {@code visible} accepts it; only then is it parsed (and cached). */
    Optional<Parsed> byId(String snapshotId, java.util.function.Predicate<Snapshot> visible) {
        return snapshots.byId(snapshotId).filter(visible).map(this::parsed);
    }

    Summary summary(DashboardQuery query, Parsed p) {
        SnapshotFigures f = p.figures();
        long begun = daysBegun(query.period(), p.snapshot().asOf());
        long synced = Math.min(f.coverage().daysSynced(), begun);
        return new Summary(
                f.source(),
                f.timeZone(),
                query.preset(),
                f.groupBy(),
                PeriodView.of(query.period()),
                ref(p),
                synced,
                f.usersByRole(),
                p.users().size(),
                f.estimate().currency(),
                f.estimate().total().toPlainString(),
                begun,
                synced > 0);
    }

    /** The period's local days begun at {@code asOf}: none before it starts, all once it is over. */
    static long daysBegun(Period period, Instant asOf) {
        LocalDate today = LocalDate.ofInstant(asOf, period.zone());
        if (today.isBefore(period.from())) {
            return 0;
        }
        return today.isAfter(period.to())
                ? period.days()
                : today.toEpochDay() - period.from().toEpochDay() + 1;
    }

    UserPage users(Parsed p, String q, String sort, String dir, int page, int size) {
        if (page < 1 || size < 1 || size > 500) {
            throw Refusal.badRequest("error.usersPage");
        }
        String needle = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        Comparator<SnapshotUser> order = comparator(sort == null || sort.isBlank() ? "name" : sort, collator());
        boolean descending = "desc".equalsIgnoreCase(dir);
        if (dir != null && !dir.isBlank() && !descending && !"asc".equalsIgnoreCase(dir)) {
            throw Refusal.badRequest("error.usersDir", dir);
        }
        if (descending) {
            order = order.reversed();
        }
        List<SnapshotUser> matching = p.users().stream()
                .filter(u -> needle.isEmpty()
                        || contains(u.name(), needle)
                        || contains(u.email(), needle)
                        || contains(u.role(), needle))
                .sorted(order.thenComparingLong(SnapshotUser::id))
                .toList();
        int pages = Math.max(1, (matching.size() + size - 1) / size);
        int fromIndex = (int) Math.min((long) (page - 1) * size, matching.size());
        int toIndex = Math.min(fromIndex + size, matching.size());
        return new UserPage(
                matching.size(),
                page,
                size,
                pages,
                sort == null || sort.isBlank() ? "name" : sort,
                descending ? "desc" : "asc",
                q == null ? "" : q,
                matching.subList(fromIndex, toIndex));
    }

    /** Read from the document when asked for: every user's activity by day would not fit a small heap. */
    SnapshotUser.Detail user(Parsed p, long userId) {
        return p.users().stream()
                .filter(u -> u.id() == userId)
                .findFirst()
                .flatMap(u -> SnapshotReader.user(p.snapshot(), userId))
                .orElseThrow(() -> Refusal.notFound("error.noUser", String.valueOf(userId)));
    }

    Services services(Parsed p) {
        SnapshotFigures f = p.figures();
        Estimate estimate = f.estimate();
        List<ServiceLine> services = f.pricedServices().stream()
                .map(s -> new ServiceLine(
                        s.key(),
                        label(s.key()),
                        s.count(),
                        s.units(),
                        s.unitPrice().toPlainString(),
                        s.amount().toPlainString(),
                        s.priced()))
                .toList();
        List<SeatLine> seats = estimate.seats().stream()
                .map(l -> new SeatLine(
                        l.key(),
                        l.quantity(),
                        l.unitPrice().toPlainString(),
                        l.amount().toPlainString(),
                        l.priced()))
                .toList();
        return new Services(
                estimate.currency(),
                services,
                estimate.servicesAmount().toPlainString(),
                seats,
                estimate.seatsAmount().toPlainString(),
                estimate.total().toPlainString());
    }

    Consumption consumption(DashboardQuery query, Parsed p) {
        SnapshotFigures f = p.figures();
        LocalDate asOfDay =
                LocalDate.ofInstant(p.snapshot().asOf(), query.period().zone());
        List<BucketView> details = query.period().buckets(query.groupBy()).stream()
                .filter(b -> b.begun(asOfDay))
                .map(b -> new BucketView(b.first(), b.last(), b.partial(query.groupBy(), asOfDay)))
                .toList();
        List<LocalDate> buckets = details.stream().map(BucketView::first).toList();
        Map<String, Map<LocalDate, Long>> unitsByKey = new HashMap<>();
        f.series()
                .forEach(s -> unitsByKey
                        .computeIfAbsent(s.key(), k -> new HashMap<>())
                        .merge(s.bucket(), s.units(), Long::sum));
        List<Series> series = new ArrayList<>();
        for (ServiceKey key : ServiceKey.values()) {
            Map<LocalDate, Long> units = unitsByKey.getOrDefault(key.key(), Map.of());
            series.add(new Series(
                    key.key(),
                    label(key.key()),
                    buckets.stream().map(b -> units.getOrDefault(b, 0L)).toList()));
        }
        List<RoleSeries> roles = new ArrayList<>();
        Map<String, Map<LocalDate, Long>> byRole = new LinkedHashMap<>();
        f.usersByRole().forEach(r -> byRole.put(r.role(), new LinkedHashMap<>()));
        f.usersByRoleSeries()
                .forEach(s -> byRole.computeIfAbsent(s.role(), k -> new LinkedHashMap<>())
                        .put(s.bucket(), s.users()));
        byRole.forEach((role, values) -> roles.add(new RoleSeries(
                role, buckets.stream().map(b -> values.getOrDefault(b, 0L)).toList())));
        return new Consumption(buckets, details, series, roles, comparison(query, p), f.whatsapp());
    }

    /** The period's days begun at the as-of against the same stretch of the previous one, per service, users and total. */
    Comparison comparison(DashboardQuery query, Parsed page) {
        Period period = query.period();
        LikeForLike.Unit unit = query.comparedWith();
        LikeForLike rule = LikeForLike.of(period, unit, page.snapshot().asOf())
                .orElseGet(() -> new LikeForLike(period, unit.previous(period), Optional.empty(), false));
        Set<String> inUse = new HashSet<>(Set.of(page.snapshot().id()));
        Parsed current = rule.current().equals(period) ? page : side(query, rule.current(), false, inUse);
        inUse.add(current.snapshot().id());
        Parsed previous = side(query, rule.previous(), rule.previous().equals(unit.previous(period)), inUse);
        boolean nowSynced = current.figures().coverage().daysSynced() > 0;
        boolean wasSynced = previous.figures().coverage().daysSynced() > 0;
        SnapshotFigures now = current.figures();
        SnapshotFigures old = previous.figures();
        List<Change> rows = new ArrayList<>();
        for (ServiceUsage s : now.services()) {
            long was = old.services().stream()
                    .filter(o -> o.key().equals(s.key()))
                    .mapToLong(ServiceUsage::units)
                    .sum();
            rows.add(change(s.key(), label(s.key()), side(nowSynced, s.units()), side(wasSynced, was)));
        }
        rows.add(change(
                "billable_users",
                texts.get("comparison.billableUsers"),
                side(nowSynced, current.users().size()),
                side(wasSynced, previous.users().size())));
        rows.add(change(
                "total",
                texts.get("comparison.total"),
                nowSynced ? now.estimate().total() : null,
                wasSynced ? old.estimate().total() : null));
        return new Comparison(
                ComparisonLabel.of(rule, locale),
                PeriodView.of(rule.current()),
                current.snapshot().id(),
                nowSynced,
                PeriodView.of(rule.previous()),
                previous.snapshot().id(),
                wasSynced,
                rule.cut().map(Object::toString).orElse(null),
                rule.cut().isPresent(),
                rows);
    }

    /**
     * One side's snapshot: a whole period is the query's own kind of key; a cut stretch of one is
     * ad-hoc, so that the keys a day's cuts make are pruned rather than kept for good.
     */
    private Parsed side(DashboardQuery query, Period days, boolean whole, Set<String> inUse) {
        String id = whole
                ? current(query, days.from(), days.to(), inUse)
                : snapshots.currentAdhocId(query.source(), days.from(), days.to(), query.groupBy(), inUse);
        return parsed(id).orElseThrow();
    }

    private static BigDecimal side(boolean synced, long value) {
        return synced ? BigDecimal.valueOf(value) : null;
    }

    /** The current snapshot id of the query's source and group-by over these days; ad-hoc for a custom range. */
    private String current(DashboardQuery query, LocalDate from, LocalDate to, Set<String> inUse) {
        return query.adhoc()
                ? snapshots.currentAdhocId(query.source(), from, to, query.groupBy(), inUse)
                : snapshots.currentId(query.source(), from, to, query.groupBy());
    }

    /** A side that is null has no synced day: no figure and no change. */
    static Change change(String key, String label, BigDecimal current, BigDecimal previous) {
        String percent = current == null || previous == null || previous.signum() == 0
                ? null
                : current.subtract(previous)
                        .multiply(BigDecimal.valueOf(100))
                        .divide(previous, 1, RoundingMode.HALF_UP)
                        .toPlainString();
        return new Change(
                key,
                label,
                current == null ? null : current.toPlainString(),
                previous == null ? null : previous.toPlainString(),
                percent);
    }

    /**
     * "Datos sincronizados hasta las 14:30" when the as-of is today in the source's zone, else
     * "Datos sincronizados hasta 15/11/2026 14:30", as the reports say it.
     */
    String freshness(Instant asOf, ZoneId zone) {
        return Freshness.text(asOf, zone, locale, LocalDate.now(clock.withZone(zone)));
    }

    String label(String serviceKey) {
        return ServiceKey.ofKey(serviceKey)
                .map(k -> spanish() ? k.spanishLabel() : k.englishLabel())
                .orElse(serviceKey);
    }

    private SnapshotRef ref(Parsed p) {
        Snapshot s = p.snapshot();
        Map<String, String> downloads = new LinkedHashMap<>();
        for (String format : List.of("xlsx", "pdf", "json")) {
            downloads.put(format, "/api/dashboard/snapshots/" + s.id() + "/download/" + format);
        }
        return new SnapshotRef(
                s.id(),
                s.version(),
                s.asOf(),
                s.computedAt(),
                freshness(s.asOf(), ZoneId.of(p.figures().timeZone())),
                downloads);
    }

    /** The parsed snapshot: from the cache, so that its document is read from the warehouse once. */
    private Optional<Parsed> parsed(String snapshotId) {
        synchronized (cache) {
            Parsed cached = cache.get(snapshotId);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        return snapshots.byId(snapshotId).map(this::parsed);
    }

    private Parsed parsed(Snapshot snapshot) {
        synchronized (cache) {
            Parsed cached = cache.get(snapshot.id());
            if (cached != null) {
                return cached;
            }
        }
        List<SnapshotUser> users = new ArrayList<>();
        Parsed parsed = new Parsed(snapshot, SnapshotReader.read(snapshot, users::add), users);
        synchronized (cache) {
            if (cache.put(snapshot.id(), parsed) == null) {
                cachedUsers += parsed.users().size();
            }
            var eldest = cache.entrySet().iterator();
            while (cachedUsers > CACHED_USERS && cache.size() > 1) {
                cachedUsers -= eldest.next().getValue().users().size();
                eldest.remove();
            }
        }
        return parsed;
    }

    private boolean spanish() {
        return !"en".equals(locale.getLanguage());
    }

    /**
     * Names as a reader of the configured language sorts them: Spanish by default (Á with A, Ñ
     * after N), English with {@code billing.report.locale: en}. Accents tell names apart but case
     * does not (secondary strength); equal names keep the users' ids' order.
     */
    Collator collator() {
        Collator collator = Collator.getInstance(spanish() ? SPANISH : Locale.ENGLISH);
        collator.setStrength(Collator.SECONDARY);
        return collator;
    }

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    private static boolean contains(String text, String needle) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
    }

    private static Comparator<SnapshotUser> comparator(String sort, Collator collator) {
        Comparator<String> text = Comparator.nullsFirst(collator::compare);
        return switch (sort) {
            case "id" -> Comparator.comparingLong(SnapshotUser::id);
            case "name" -> Comparator.comparing(SnapshotUser::name, text);
            case "email" -> Comparator.comparing(SnapshotUser::email, text);
            case "role" -> Comparator.comparing(SnapshotUser::role, text);
            case "channels" -> Comparator.comparingLong(SnapshotUser::channels);
            case "sessions" -> Comparator.comparingLong(SnapshotUser::sessions);
            case "messagesSent" -> Comparator.comparingLong(SnapshotUser::messagesSent);
            case "calls" -> Comparator.comparingLong(SnapshotUser::calls);
            case "callMinutes" -> Comparator.comparingLong(SnapshotUser::callMinutes);
            case "lastLoginAt" ->
                Comparator.comparing(SnapshotUser::lastLoginAt, Comparator.nullsFirst(Comparator.naturalOrder()));
            default -> throw Refusal.badRequest("error.usersSort", sort);
        };
    }
}
