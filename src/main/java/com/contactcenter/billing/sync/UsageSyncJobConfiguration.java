package com.contactcenter.billing.sync;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The sync job: one tenant (source) per job instance. Identifying parameters: {@code source},
 * {@code from} and {@code to} (local dates in the source's zone, both inclusive; the nightly and
 * intraday windows are resolved when they are launched) and {@code revision}, which only a
 * deliberate re-run of completed work increments; so asking again for work that failed restarts
 * the same instance, which continues after its last committed day. {@code request} (not
 * identifying) names the request that first launched it. Listeners qualified
 * {@value #LISTENERS} (the source's lock) run around each execution.
 */
@Configuration
class UsageSyncJobConfiguration {

    static final String JOB_NAME = "usageSyncJob";
    static final String LISTENERS = "usageSyncJob";
    static final String WORKER_STEP = "sourceSyncStep";

    @Bean
    Job usageSyncJob(
            JobRepository jobRepository,
            Step sourceSyncStep,
            @Qualifier(LISTENERS) ObjectProvider<JobExecutionListener> listeners) {
        JobBuilder job = new JobBuilder(JOB_NAME, jobRepository);
        listeners.orderedStream().forEach(job::listener);
        return job.start(sourceSyncStep).build();
    }

    @Bean
    Step sourceSyncStep(
            JobRepository jobRepository,
            PlatformTransactionManager transactionManager,
            SourceSyncTasklet sourceSyncTasklet) {
        return new StepBuilder(WORKER_STEP, jobRepository)
                .tasklet(sourceSyncTasklet, transactionManager)
                .listener(sourceSyncTasklet)
                .build();
    }
}
