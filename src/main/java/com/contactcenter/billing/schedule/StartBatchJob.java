package com.contactcenter.billing.schedule;

import java.time.Clock;
import java.time.Instant;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The one Quartz job: starts the Batch job of the firing trigger's work and waits for its end.
 * Never concurrent in the cluster, so a trigger due while another job runs waits for it (the
 * snapshot refresh runs after the nightly sync). The work's period comes from the scheduled fire
 * time, so a trigger fired late after a misfire still does the day or month it was due for.
 */
@DisallowConcurrentExecution
public class StartBatchJob extends QuartzJobBean {

    private final ScheduledLaunches launches;
    private final Clock clock;
    private String work;

    StartBatchJob(ScheduledLaunches launches, Clock clock) {
        this.launches = launches;
        this.clock = clock;
    }

    /** From the trigger's job data. */
    public void setWork(String work) {
        this.work = work;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) throws JobExecutionException {
        Instant due = context.getScheduledFireTime() != null
                ? context.getScheduledFireTime().toInstant()
                : clock.instant();
        String trigger = context.getTrigger() == null
                ? "manual"
                : context.getTrigger().getKey().getName();
        try {
            launches.launch(ScheduledWork.parse(work), trigger, due);
        } catch (RuntimeException e) {
            throw new JobExecutionException(trigger + ": " + e.getMessage(), e, false);
        }
    }
}
