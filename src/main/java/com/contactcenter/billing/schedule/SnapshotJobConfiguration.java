package com.contactcenter.billing.schedule;

import com.contactcenter.billing.config.BillingProperties;
import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.report.ReportService;
import com.contactcenter.billing.snapshot.Snapshot;
import com.contactcenter.billing.snapshot.SnapshotService;
import com.contactcenter.billing.usage.GroupBy;
import java.time.LocalDate;
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
 * The snapshot job, one tenant per execution: the schedule's tenants' jobs start it after the
 * nightly sync (the current month) and on the 1st (the previous month, with its reports): a
 * snapshot by month of {@code source} over {@code from..to}, and with {@code reports=true} its xlsx
 * and pdf in {@code billing.report.out-dir}; with {@code intraday=true}, after the intraday sync,
 * the source's snapshots of today, this week and this month ({@link IntradayRefresh}). Snapshots
 * read the warehouse only.
 */
@Configuration
class SnapshotJobConfiguration {

    static final String JOB_NAME = JobRunner.SNAPSHOT_JOB;

    private static final Logger log = LoggerFactory.getLogger(SnapshotJobConfiguration.class);

    @Bean
    Job snapshotJob(JobRepository jobRepository, Step snapshotStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(snapshotStep).build();
    }

    @Bean
    Step snapshotStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            SnapshotService snapshots, ReportService reports, IntradayRefresh intraday, BillingProperties properties) {
        return new StepBuilder("snapshotStep", jobRepository).tasklet((contribution, chunk) -> {
            JobParameters params = chunk.getStepContext().getStepExecution().getJobParameters();
            String source = params.getString(JobRunner.SOURCE);
            if (Boolean.parseBoolean(params.getString(JobRunner.INTRADAY))) {
                intraday.refresh(source);
                contribution.incrementWriteCount(IntradayRefresh.PRESETS.size());
                return RepeatStatus.FINISHED;
            }
            LocalDate from = params.getLocalDate(JobRunner.FROM);
            LocalDate to = params.getLocalDate(JobRunner.TO);
            Snapshot s = snapshots.compute(source, from, to, GroupBy.MONTH);
            log.info("{} {}..{}: snapshot version {} as of {}", source, from, to, s.version(), s.asOf());
            if (Boolean.parseBoolean(params.getString(JobRunner.REPORTS))) {
                ReportService.Rendered rendered = reports.render(s,
                        List.of(ReportService.Format.XLSX, ReportService.Format.PDF), properties.report().outDir());
                log.info("{} {}..{}: reports {}", source, from, to, rendered.files());
            }
            contribution.incrementWriteCount(1);
            return RepeatStatus.FINISHED;
        }, transactionManager).build();
    }
}
