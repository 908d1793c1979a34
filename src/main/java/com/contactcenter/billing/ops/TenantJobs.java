package com.contactcenter.billing.ops;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/**
 * The Quartz side of tenant jobs: one durable job per tenant of a request, which asks for recovery
 * (a node that dies while running it has it re-fired on a surviving node), fired once now; a
 * tenant whose source is busy is fired again later.
 */
final class TenantJobs {

    static final String GROUP = "tenants";
    static final String REQUEST_ID = "requestId";
    static final String SOURCE = "source";

    private TenantJobs() {}

    static JobKey key(long requestId, String source) {
        return JobKey.jobKey("request-" + requestId + "-" + source, GROUP);
    }

    /** Enqueues the tenants' jobs in one transaction of the job store. */
    static void enqueue(Scheduler scheduler, long requestId, List<String> tenants) {
        Map<JobDetail, Set<? extends Trigger>> jobs = new LinkedHashMap<>();
        for (String source : tenants) {
            JobDetail job = JobBuilder.newJob(TenantJob.class)
                    .withIdentity(key(requestId, source))
                    .withDescription("job request " + requestId + ": " + source)
                    .usingJobData(REQUEST_ID, requestId)
                    .usingJobData(SOURCE, source)
                    .storeDurably()
                    .requestRecovery()
                    .build();
            jobs.put(job, Set.of(trigger(job.getKey(), new Date())));
        }
        try {
            scheduler.scheduleJobs(jobs, false);
        } catch (SchedulerException e) {
            throw new IllegalStateException(
                    "job request " + requestId + ": could not enqueue its tenants' jobs: " + e.getMessage(), e);
        }
    }

    /** Fires the tenant's job again at {@code when}. */
    static void again(Scheduler scheduler, JobKey job, Date when) throws SchedulerException {
        scheduler.scheduleJob(trigger(job, when));
    }

    private static Trigger trigger(JobKey job, Date when) {
        return TriggerBuilder.newTrigger()
                .withIdentity(job.getName() + "-" + UUID.randomUUID(), GROUP)
                .forJob(job)
                .startAt(when)
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
    }
}
