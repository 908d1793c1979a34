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
    private static final Key THIS_MONTH = new Key(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"),
            GroupBy.MONTH);

    /** Versions 1..n of a key, intraday unless {@code standard}, reported when {@code reported}. */
    private static List<Version> versions(Key key, int n, IntPredicate standard, IntPredicate reported) {
        List<Version> versions = new ArrayList<>();
        for (int v = 1; v <= n; v++) {
            versions.add(new Version(key.from() + "/" + key.to() + "/v" + v, key, v,
                    standard.test(v) ? Snapshot.Origin.STANDARD : Snapshot.Origin.INTRADAY, reported.test(v)));
        }
        return versions;
    }

    private static List<String> ids(Key key, int... versions) {
        return IntStream.of(versions).mapToObj(v -> key.from() + "/" + key.to() + "/v" + v).toList();
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
                .isEqualTo(Set.of(ids(TODAY_KEY, 1).get(0), ids(TODAY_KEY, 2).get(0), ids(THIS_MONTH, 1).get(0)));
    }
}
