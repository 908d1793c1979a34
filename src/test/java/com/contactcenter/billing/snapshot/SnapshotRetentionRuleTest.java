package com.contactcenter.billing.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.snapshot.SnapshotRetention.Key;
import com.contactcenter.billing.snapshot.SnapshotRetention.Version;
import com.contactcenter.billing.usage.GroupBy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The retention rule alone: which versions of one source it deletes on a given day. */
class SnapshotRetentionRuleTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-29");
    private static final Key TODAY_KEY = new Key(TODAY, TODAY, GroupBy.MONTH);
    private static final Key YESTERDAY_KEY = new Key(TODAY.minusDays(1), TODAY.minusDays(1), GroupBy.MONTH);
    private static final Key THIS_MONTH =
            new Key(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"), GroupBy.MONTH);

    /** Versions 1..n of a key, intraday unless {@code standard}, reported when {@code reported}. */
    private static List<Version> versions(Key key, int n, IntPredicate standard, IntPredicate reported) {
        List<Version> versions = new ArrayList<>();
        for (int v = 1; v <= n; v++) {
            versions.add(new Version(
                    key.from() + "/" + key.to() + "/v" + v,
                    key,
                    v,
                    standard.test(v) ? Snapshot.Origin.STANDARD : Snapshot.Origin.INTRADAY,
                    reported.test(v)));
        }
        return versions;
    }

    private static List<String> ids(Key key, int... versions) {
        return IntStream.of(versions)
                .mapToObj(v -> key.from() + "/" + key.to() + "/v" + v)
                .toList();
    }

    @Test
    void anOpenKeyKeepsTheNewest48IntradayVersionsEveryStandardOneAndEveryReportedOne() {
        // given 60 versions of today's key: v30 from the nightly refresh, v5 rendered as a report
        List<Version> all = versions(TODAY_KEY, 60, v -> v == 30, v -> v == 5);

        // when
        List<String> pruned = SnapshotRetention.toPrune(all, TODAY, 48);

        // then the 48 newest intraday versions are v60..v31 and v29..v12; of v11..v1 only v5 stays
        assertThat(pruned).containsExactlyElementsOf(ids(TODAY_KEY, 11, 10, 9, 8, 7, 6, 4, 3, 2, 1));
    }

    @Test
    void aClosedKeyKeepsEveryVersion() {
        // given 60 intraday versions of yesterday's key: its period ended before today
        List<Version> all = versions(YESTERDAY_KEY, 60, v -> false, v -> false);

        assertThat(SnapshotRetention.toPrune(all, TODAY, 48)).isEmpty();
    }

    @Test
    void theNewestVersionIsKeptEvenWhenNoIntradayVersionIsToBeKept() {
        // given keep 0 and three intraday versions of this month
        List<Version> all = versions(THIS_MONTH, 3, v -> false, v -> false);

        assertThat(SnapshotRetention.toPrune(all, TODAY, 0)).containsExactlyElementsOf(ids(THIS_MONTH, 2, 1));
    }

    @Test
    void keysArePrunedEachOnItsOwn() {
        // given 50 intraday versions of today's key and 49 of this month's, mixed
        List<Version> all = new ArrayList<>(versions(TODAY_KEY, 50, v -> false, v -> false));
        all.addAll(versions(THIS_MONTH, 49, v -> false, v -> false));

        // then each keeps its own newest 48
        assertThat(Set.copyOf(SnapshotRetention.toPrune(all, TODAY, 48)))
                .isEqualTo(Set.of(
                        ids(TODAY_KEY, 1).get(0),
                        ids(TODAY_KEY, 2).get(0),
                        ids(THIS_MONTH, 1).get(0)));
    }
    /** Custom range number {@code n} (its first day n days after Jan 1), computed at minute {@code n}, version 1. */
    private static SnapshotRetention.AdhocVersion adhoc(int n, int version, boolean reported) {
        LocalDate from = LocalDate.parse("2026-01-01").plusDays(n);
        return new SnapshotRetention.AdhocVersion(
                "r" + n + "v" + version,
                new Key(from, from.plusDays(30), GroupBy.MONTH),
                version,
                java.time.Instant.parse("2026-11-29T12:00:00Z").plusSeconds(60L * n + version),
                reported);
    }

    @Test
    void adHocRangesKeepTheNewestVersionOfTheMostRecentKeysAndEveryReportedOne() {
        // given 30 custom ranges, range 3 rendered as a report, range 29 with two versions
        List<SnapshotRetention.AdhocVersion> all = new ArrayList<>();
        IntStream.rangeClosed(1, 30).forEach(n -> all.add(adhoc(n, 1, n == 3)));
        all.add(adhoc(29, 2, false));

        // when at most 20 keys are kept
        List<String> pruned = SnapshotRetention.adhocToPrune(all, Set.of(), 20);

        // then ranges 11..30 keep their newest version; 1..10 go but the reported 3; v1 of 29 goes
        List<String> expected = new ArrayList<>(IntStream.rangeClosed(1, 10)
                .filter(n -> n != 3)
                .mapToObj(n -> "r" + n + "v1")
                .toList());
        expected.add("r29v1");
        assertThat(pruned).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void anAdHocVersionInUseIsNeverPrunedAndCountsAmongTheKeysKept() {
        List<SnapshotRetention.AdhocVersion> all = List.of(adhoc(1, 1, false), adhoc(2, 1, false), adhoc(3, 1, false));

        // the oldest range in use stays, within the two keys kept: the newest other one with it
        assertThat(SnapshotRetention.adhocToPrune(all, Set.of("r1v1"), 2)).containsExactly("r2v1");
        assertThat(SnapshotRetention.adhocToPrune(all, Set.of(), 2)).containsExactly("r1v1");
    }
}
