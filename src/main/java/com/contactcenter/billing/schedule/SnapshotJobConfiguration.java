package com.contactcenter.billing.schedule;

import com.contactcenter.billing.config.BillingProperties;
import com.contactcenter.billing.report.ReportService;
import com.contactcenter.billing.snapshot.Snapshot;
import com.contactcenter.billing.snapshot.SnapshotService;
import com.contactcenter.billing.usage.GroupBy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The snapshot job the schedule starts after the nightly sync (the current month) and on the 1st
 * (the previous month, with its reports): a snapshot by month of each source over {@code from..to},
 * and with {@code reports=true} its xlsx and pdf in {@code billing.report.out-dir}. A source that
 * fails does not stop the others; the job then fails naming it. Snapshots read the warehouse only.
 */
@Configuration
class SnapshotJobConfiguration {

    static final String JOB_NAME = "snapshotJob";
    static final String SOURCES = "sources";
    static final String FROM = "from";
    static final String TO = "to";
    static final String REPORTS = "reports";
    static final String REQUEST_ID = "requestId";

    private static final Logger log = LoggerFactory.getLogger(SnapshotJobConfiguration.class);

    @Bean
    Job snapshotJob(JobRepository jobRepository, Step snapshotStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(snapshotStep).build();
    }

    @Bean
    Step snapshotStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            SnapshotService snapshots, ReportService reports, BillingProperties properties) {
        return new StepBuilder("snapshotStep", jobRepository).tasklet((contribution, chunk) -> {
            JobParameters params = chunk.getStepContext().getStepExecution().getJobParameters();
            LocalDate from = LocalDate.parse(params.getString(FROM));
            LocalDate to = LocalDate.parse(params.getString(TO));
            boolean withReports = Boolean.parseBoolean(params.getString(REPORTS));
            List<String> failed = new ArrayList<>();
            for (String source : params.getString(SOURCES).split(",")) {
                try {
                    Snapshot s = snapshots.compute(source, from, to, GroupBy.MONTH);
                    log.info("{} {}..{}: snapshot version {} as of {}", source, from, to, s.version(), s.asOf());
                    if (withReports) {
                        ReportService.Rendered rendered = reports.render(s,
                                List.of(ReportService.Format.XLSX, ReportService.Format.PDF),
                                properties.report().outDir());
                        log.info("{} {}..{}: reports {}", source, from, to, rendered.files());
                    }
                    contribution.incrementWriteCount(1);
                } catch (RuntimeException e) {
                    log.error("{} {}..{}: snapshot failed: {}", source, from, to, e.getMessage());
                    failed.add(source + ": " + e.getMessage());
                }
            }
            if (!failed.isEmpty()) {
                throw new IllegalStateException("snapshot failed for " + String.join("; ", failed));
            }
            return RepeatStatus.FINISHED;
        }, transactionManager).build();
    }
}
