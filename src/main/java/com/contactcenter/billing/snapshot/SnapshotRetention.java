package com.contactcenter.billing.snapshot;

import com.contactcenter.billing.source.SourceRegistry;
import com.contactcenter.billing.usage.GroupBy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Keeps the versions intraday refreshes make within {@code billing.snapshot.retention}. Per key
 * (source, from, to, group-by) whose period is still open (it ends today or later in the source's
 * zone) it keeps the newest version, every version a report was rendered from, every version not
 * made by an intraday refresh and the newest {@code intraday-keep} intraday versions; it deletes
 * the other intraday versions. A closed key (its last day is before today) keeps every version:
 * intraday refreshes no longer touch it, so it stops growing. The dashboard's custom ranges are
 * pruned by their own rule ({@link #adhocToPrune}).
 */
@Service
public class SnapshotRetention {

    /** A snapshot key of one source. */
    record Key(LocalDate from, LocalDate to, GroupBy groupBy) {}

    /** What the rule needs of a version. */
    record Version(String id, Key key, int version, Snapshot.Origin origin, boolean reported) {}

    /** What the ad-hoc rule needs of a version. */
    record AdhocVersion(String id, Key key, int version, Instant computedAt, boolean reported) {}

    private static final Logger log = LoggerFactory.getLogger(SnapshotRetention.class);

    private final SnapshotStore store;
    private final SourceRegistry sources;
    private final Clock clock;
    private final int intradayKeep;
    private final int adhocKeep;

    SnapshotRetention(SnapshotStore store, SourceRegistry sources, Clock clock, SnapshotProperties properties) {
        this.store = store;
        this.sources = sources;
        this.clock = clock;
        this.intradayKeep = properties.retention().intradayKeep();
        this.adhocKeep = properties.retention().adhocKeep();
    }

    /** Prunes the source's open keys as of today in its zone; returns the versions deleted. */
    public int prune(String source) {
        LocalDate today = LocalDate.now(clock.withZone(sources.require(source).timeZone()));
        List<String> doomed = toPrune(store.retentionCandidates(source, today), today, intradayKeep);
        int deleted = doomed.isEmpty() ? 0 : store.delete(doomed);
        if (deleted > 0) {
            log.info(
                    "{}: pruned {} intraday snapshot versions (keeping the newest {} per open key)",
                    source,
                    deleted,
                    intradayKeep);
        }
        return deleted;
    }

    /**
     * Prunes the source's ad-hoc versions (the dashboard's custom ranges and their comparison
     * periods), never one of {@code inUse}; returns the versions deleted.
     */
    public int pruneAdhoc(String source, Set<String> inUse) {
        List<String> doomed = adhocToPrune(store.adhocVersions(source), inUse, adhocKeep);
        int deleted = doomed.isEmpty() ? 0 : store.delete(doomed);
        if (deleted > 0) {
            log.info(
                    "{}: pruned {} ad-hoc snapshot versions (keeping the newest of the {} most recent custom ranges)",
                    source,
                    deleted,
                    adhocKeep);
        }
        return deleted;
    }

    /**
     * The ids the ad-hoc rule deletes among {@code versions} (one source's ad-hoc versions): it keeps
     * those in use and, up to {@code keepKeys} keys with theirs, the newest version of the keys computed
     * most recently, and every version a report was rendered from; it deletes the others. Custom ranges come in any
     * number of distinct keys, so keeping the newest of every key would keep them all.
     */
    static List<String> adhocToPrune(List<AdhocVersion> versions, Set<String> inUse, int keepKeys) {
        Map<Key, AdhocVersion> newestOfKey = new LinkedHashMap<>();
        Comparator<AdhocVersion> newestFirst = Comparator.comparing(AdhocVersion::computedAt)
                .thenComparingInt(AdhocVersion::version)
                .thenComparing(AdhocVersion::id)
                .reversed();
        versions.forEach(v -> newestOfKey.merge(v.key(), v, (a, b) -> newestFirst.compare(a, b) <= 0 ? a : b));
        Set<String> kept = new HashSet<>(inUse);
        Set<Key> keptKeys = new HashSet<>();
        versions.stream().filter(v -> inUse.contains(v.id())).forEach(v -> keptKeys.add(v.key()));
        for (AdhocVersion newest :
                newestOfKey.values().stream().sorted(newestFirst).toList()) {
            if (keptKeys.size() >= keepKeys) {
                break;
            }
            if (keptKeys.add(newest.key())) {
                kept.add(newest.id());
            }
        }
        return versions.stream()
                .filter(v -> !v.reported() && !kept.contains(v.id()))
                .map(AdhocVersion::id)
                .toList();
    }

    /** The ids the rule deletes among {@code versions} (one source) on {@code today}. */
    static List<String> toPrune(List<Version> versions, LocalDate today, int intradayKeep) {
        Map<Key, List<Version>> byKey = new LinkedHashMap<>();
        versions.forEach(
                v -> byKey.computeIfAbsent(v.key(), k -> new ArrayList<>()).add(v));
        List<String> doomed = new ArrayList<>();
        byKey.forEach((key, all) -> {
            if (key.to().isBefore(today)) {
                return;
            }
            int newest = all.stream().mapToInt(Version::version).max().orElse(0);
            List<Version> intraday = all.stream()
                    .filter(v -> v.origin() == Snapshot.Origin.INTRADAY)
                    .sorted(Comparator.comparingInt(Version::version).reversed())
                    .toList();
            intraday.stream()
                    .skip(intradayKeep)
                    .filter(v -> v.version() != newest && !v.reported())
                    .map(Version::id)
                    .forEach(doomed::add);
        });
        return doomed;
    }
}
