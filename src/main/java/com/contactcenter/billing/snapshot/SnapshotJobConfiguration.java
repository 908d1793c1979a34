package com.contactcenter.billing.snapshot;

import com.contactcenter.billing.usage.GroupBy;
import java.nio.file.Path;
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
 * The snapshot job, one tenant per execution ({@link SnapshotJob}): the schedule's tenants' jobs
 * start it after the nightly sync (the current month) and on the 1st (the previous month, with its
 * reports): a snapshot by month of {@code source} over {@code from..to}, and with
 * {@code reports=true} its xlsx and pdf in {@code billing.report.out-dir}; with
 * {@code intraday=true}, after the intraday sync, the source's snapshots of today, this week and
 * this month ({@link IntradaySnapshots}). Snapshots read the warehouse only.
 */
@Configuration
class SnapshotJobConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SnapshotJobConfiguration.class);

    @Bean
    Job snapshotJob(JobRepository jobRepository, Step snapshotStep) {
        return new JobBuilder(SnapshotJob.NAME, jobRepository)
                .start(snapshotStep)
                .build();
    }

    @Bean
    Step snapshotStep(
            JobRepository jobRepository,
            PlatformTransactionManager transactionManager,
            SnapshotService snapshots,
            SnapshotReports reports,
            IntradaySnapshots intraday) {
        return new StepBuilder("snapshotStep", jobRepository)
                .tasklet(
                        (contribution, chunk) -> {
                            JobParameters params =
                                    chunk.getStepContext().getStepExecution().getJobParameters();
                            String source = params.getString(SnapshotJob.SOURCE);
                            if (Boolean.parseBoolean(params.getString(SnapshotJob.INTRADAY))) {
                                contribution.incrementWriteCount(
                                        intraday.refresh(source).size());
                                return RepeatStatus.FINISHED;
                            }
                            LocalDate from = params.getLocalDate(SnapshotJob.FROM);
                            LocalDate to = params.getLocalDate(SnapshotJob.TO);
                            Snapshot s = snapshots.compute(source, from, to, GroupBy.MONTH);
                            log.info(
                                    "{} {}..{}: snapshot version {} as of {}", source, from, to, s.version(), s.asOf());
                            if (Boolean.parseBoolean(params.getString(SnapshotJob.REPORTS))) {
                                List<Path> rendered = reports.render(s);
                                log.info("{} {}..{}: reports {}", source, from, to, rendered);
                            }
                            contribution.incrementWriteCount(1);
                            return RepeatStatus.FINISHED;
                        },
                        transactionManager)
                .build();
    }
}
