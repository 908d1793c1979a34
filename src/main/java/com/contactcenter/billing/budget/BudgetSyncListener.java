package com.contactcenter.billing.budget;

import com.contactcenter.billing.sync.SyncService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Evaluates the tenant's budget after each completed sync, whoever started it (the nightly and
 * intraday schedules, the CLI, the API, a restart): qualified as one of the sync job's listeners.
 * A failure here is logged and never fails the sync.
 */
@Component
@Qualifier(BudgetSyncListener.SYNC_JOB_LISTENERS)
class BudgetSyncListener implements JobExecutionListener {

    /** The qualifier the sync job collects its listeners by. */
    static final String SYNC_JOB_LISTENERS = "usageSyncJob";

    private static final Logger log = LoggerFactory.getLogger(BudgetSyncListener.class);

    private final BudgetService budgets;

    BudgetSyncListener(BudgetService budgets) {
        this.budgets = budgets;
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            return;
        }
        String source = SyncService.source(execution.getJobParameters());
        try {
            budgets.afterSync(source, execution.getId());
        } catch (RuntimeException e) {
            log.warn(
                    "budget state of '{}' not evaluated after job execution {}: {}",
                    source,
                    execution.getId(),
                    e.toString());
        }
    }
}
