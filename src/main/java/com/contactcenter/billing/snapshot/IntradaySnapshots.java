package com.contactcenter.billing.snapshot;

import com.contactcenter.billing.source.SourceRegistry;
import com.contactcenter.billing.usage.GroupBy;
import com.contactcenter.billing.usage.Period;
import com.contactcenter.billing.usage.Preset;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The snapshot job's intraday work, after the intraday sync: the snapshots the dashboard opens on,
 * today, this week and this month (by month, the default grouping) in the source's zone, as
 * intraday versions, then the source's intraday versions pruned. Each refresh read a new sync run,
 * so it makes a new version of each; retention ({@link SnapshotRetention}) keeps their number
 * bounded.
 */
@Component
class IntradaySnapshots {

    static final List<Preset> PRESETS = List.of(Preset.TODAY, Preset.THIS_WEEK, Preset.THIS_MONTH);
    static final GroupBy GROUP_BY = GroupBy.MONTH;

    private static final Logger log = LoggerFactory.getLogger(IntradaySnapshots.class);

    private final SnapshotService snapshots;
    private final SnapshotRetention retention;
    private final SourceRegistry sources;
    private final Clock clock;

    IntradaySnapshots(SnapshotService snapshots, SnapshotRetention retention, SourceRegistry sources, Clock clock) {
        this.snapshots = snapshots;
        this.retention = retention;
        this.sources = sources;
        this.clock = clock;
    }

    /** The source's intraday snapshots of today, this week and this month, then its intraday versions pruned. */
    List<Snapshot> refresh(String source) {
        ZoneId zone = sources.require(source).timeZone();
        List<Snapshot> refreshed = new ArrayList<>();
        for (Preset preset : PRESETS) {
            Period period = preset.resolve(clock, zone);
            Snapshot s = snapshots.compute(source, period.from(), period.to(), GROUP_BY, Snapshot.Origin.INTRADAY);
            log.info(
                    "intraday: {} {} {}..{}: snapshot version {} as of {}",
                    source,
                    preset.code(),
                    period.from(),
                    period.to(),
                    s.version(),
                    s.asOf());
            refreshed.add(s);
        }
        retention.prune(source);
        return refreshed;
    }
}
