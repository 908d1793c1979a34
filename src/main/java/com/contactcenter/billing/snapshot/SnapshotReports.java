package com.contactcenter.billing.snapshot;

import java.nio.file.Path;
import java.util.List;

/**
 * The reports of a snapshot the snapshot job renders when asked ({@code reports=true}): the report
 * package renders them, and depends on this one, not the other way round.
 */
public interface SnapshotReports {

    /** Writes the snapshot's xlsx and pdf into {@code billing.report.out-dir}; the files written. */
    List<Path> render(Snapshot snapshot);
}
