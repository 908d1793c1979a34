package com.contactcenter.billing.report;

import com.contactcenter.billing.snapshot.ChangeBreakdown;
import com.contactcenter.billing.snapshot.Snapshot;
import com.contactcenter.billing.snapshot.SnapshotDiff;
import com.contactcenter.billing.snapshot.SnapshotFigures;
import com.contactcenter.billing.snapshot.SnapshotReader;
import com.contactcenter.billing.snapshot.SnapshotUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything a report shows: one snapshot's figures and users, read from its export document (so a
 * report can never disagree with the JSON export), plus the changes against the previous version
 * when there is one.
 */
public record ReportData(
        SnapshotFigures figures,
        List<SnapshotUser> users,
        Optional<SnapshotDiff> changes,
        Optional<ChangeBreakdown> breakdown,
        Optional<HeadlineChange> change) {

    public ReportData {
        breakdown = breakdown == null ? Optional.empty() : breakdown;
        change = change == null ? Optional.empty() : change;
    }

    /** Without the explanation of the changes nor a like-for-like change: the headline says it has none. */
    public ReportData(SnapshotFigures figures, List<SnapshotUser> users, Optional<SnapshotDiff> changes) {
        this(figures, users, changes, Optional.empty(), Optional.empty());
    }

    /** The same report with the headline's like-for-like change. */
    public ReportData withChange(Optional<HeadlineChange> headline) {
        return new ReportData(figures, users, changes, breakdown, headline);
    }

    /** Reads the document streamed, a user at a time: only the users' figures are kept, never their lists. */
    public static ReportData of(Snapshot snapshot, Optional<Snapshot> previous) {
        List<SnapshotUser> users = new ArrayList<>();
        SnapshotFigures figures = SnapshotReader.read(snapshot, users::add);
        return new ReportData(
                figures,
                users,
                previous.map(p -> SnapshotDiff.between(p, snapshot, figures)),
                previous.map(p -> ChangeBreakdown.between(p, snapshot, figures, users)),
                Optional.empty());
    }
}
