package com.contactcenter.billing.ops;

import java.util.Date;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * One tenant of a request, on whichever node's {@link WorkScheduler} fired it: runs the tenant's
 * turn ({@link JobRunner#runTenant}); when its source is busy, fires again later; when its work
 * has ended, the Quartz job is deleted.
 */
public class TenantJob extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(TenantJob.class);

    private final JobRunner runner;
    private long requestId;
    private String source;

    TenantJob(JobRunner runner) {
        this.runner = runner;
    }

    public void setRequestId(long requestId) {
        this.requestId = requestId;
    }

    public void setSource(String source) {
        this.source = source;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) throws JobExecutionException {
        if (context.isRecovering()) {
            log.warn("{}: job request {}: taken over from a node that stopped", source, requestId);
        }
        JobRunner.Turn turn = runner.runTenant(requestId, source);
        try {
            if (turn == JobRunner.Turn.BUSY) {
                TenantJobs.again(
                        context.getScheduler(),
                        context.getJobDetail().getKey(),
                        // Quartz fires by the system clock
                        new Date(System.currentTimeMillis() + runner.busyRetry().toMillis()));
            } else {
                context.getScheduler().deleteJob(context.getJobDetail().getKey());
            }
        } catch (SchedulerException e) {
            throw new JobExecutionException(source + ": job request " + requestId + ": " + e.getMessage(), e, false);
        }
    }
}
