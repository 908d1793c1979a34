package com.contactcenter.billing.snapshot;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The snapshot job's name and parameters, for whoever starts it ({@code ops/JobRunner}, as for every
 * caller): one tenant per execution, see {@link SnapshotJobConfiguration}.
 */
public final class SnapshotJob {

    public static final String NAME = "snapshotJob";

    static final String SOURCE = "source";
    static final String FROM = "from";
    static final String TO = "to";
    static final String REPORTS = "reports";
    static final String INTRADAY = "intraday";
    static final String RUN = "run";

    private SnapshotJob() {}

    /**
     * The snapshot of {@code source} over {@code from..to} by month, its reports too when
     * {@code reports}; with {@code intraday}, the source's intraday snapshots instead. Each start is
     * a run of its own ({@code run}): a snapshot is computed again whenever it is asked for.
     */
    public static JobParameters parameters(
            String source, LocalDate from, LocalDate to, boolean reports, boolean intraday) {
        return new JobParametersBuilder()
                .addString(SOURCE, source)
                .addLocalDate(FROM, from)
                .addLocalDate(TO, to)
                .addString(REPORTS, String.valueOf(reports))
                .addString(INTRADAY, String.valueOf(intraday))
                .addString(RUN, UUID.randomUUID().toString())
                .toJobParameters();
    }
}
