package com.contactcenter.billing.sync;

import com.contactcenter.billing.config.BillingProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The sync job: one partition per source, run side by side up to {@code billing.sync.concurrency};
 * a failing source fails its own partition only, and the job ends failed naming it.
 * Parameters: {@code sources} (comma separated), {@code from} and {@code to} (absent for the
 * nightly window), {@code trailingDays} (without from/to: the rolling window's days before
 * yesterday, instead of {@code billing.sync.nightly-trailing-days}; the intraday refresh passes 0)
 * and {@code requestId}, which makes a deliberate re-sync a new run.
 */
@Configuration
class UsageSyncJobConfiguration {

    static final String JOB_NAME = "usageSyncJob";
    static final String SOURCES = "sources";
    static final String FROM = "from";
    static final String TO = "to";
    static final String TRAILING_DAYS = "trailingDays";
    static final String REQUEST_ID = "requestId";
    static final String WORKER_STEP = "sourceSyncStep";

    @Bean
    Job usageSyncJob(JobRepository jobRepository, Step usageSyncStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(usageSyncStep).build();
    }

    @Bean
    Step usageSyncStep(JobRepository jobRepository, Partitioner sourcePartitioner, Step sourceSyncStep,
            TaskExecutor syncTaskExecutor, BillingProperties properties) {
        return new StepBuilder("usageSyncStep", jobRepository)
                .partitioner(WORKER_STEP, sourcePartitioner)
                .step(sourceSyncStep)
                .taskExecutor(syncTaskExecutor)
                .gridSize(properties.sync().concurrency())
                .build();
    }

    @Bean
    @StepScope
    Partitioner sourcePartitioner(@Value("#{jobParameters['sources']}") String sources) {
        return gridSize -> {
            Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
            for (String source : sources.split(",")) {
                ExecutionContext context = new ExecutionContext();
                context.putString(SourceSyncTasklet.SOURCE, source);
                partitions.put(source, context);
            }
            return partitions;
        };
    }

    @Bean
    Step sourceSyncStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            SourceSyncTasklet sourceSyncTasklet) {
        return new StepBuilder(WORKER_STEP, jobRepository)
                .tasklet(sourceSyncTasklet, transactionManager)
                .listener(sourceSyncTasklet)
                .build();
    }

    @Bean
    TaskExecutor syncTaskExecutor(BillingProperties properties) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("sync-");
        executor.setConcurrencyLimit(properties.sync().concurrency());
        return executor;
    }
}
