package com.contactcenter.billing.ops;

import com.contactcenter.billing.sync.SyncService;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The sync job's hold on its source: taken before the job runs (a dead holder's row is taken
 * over at once), given back when it ends. When a live run holds the source, the execution fails
 * at once with {@link SyncBusyException}, before reading anything; asked again, it restarts.
 */
@Component
@Qualifier(JobRunner.SYNC_JOB)
class SourceLockListener implements JobExecutionListener {

    private final SyncLock locks;
    private final JobRequestStore requests;

    SourceLockListener(SyncLock locks, JobRequestStore requests) {
        this.locks = locks;
        this.requests = requests;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        String source = SyncService.source(execution.getJobParameters());
        try {
            locks.acquire(source, execution.getId());
        } catch (SyncLock.Held held) {
            throw new SyncBusyException(
                    BusyMessages.of(held.holder(), locks, requests),
                    source,
                    held.holder().jobExecutionId());
        }
    }

    @Override
    public void afterJob(JobExecution execution) {
        locks.release(SyncService.source(execution.getJobParameters()), execution.getId());
    }
}
