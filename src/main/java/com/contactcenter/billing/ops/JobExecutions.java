package com.contactcenter.billing.ops;

import com.contactcenter.billing.warehouse.SyncRunStore;
import com.contactcenter.billing.warehouse.SyncRunStore.SyncRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/** The sync runs behind a job execution, across the restarts of its job instance. */
@Component
class JobExecutions {

    private final JobRepository jobRepository;
    private final SyncRunStore runs;

    JobExecutions(JobRepository jobRepository, SyncRunStore runs) {
        this.jobRepository = jobRepository;
        this.runs = runs;
    }

    /** The execution with this id; the JDBC repository throws rather than answer null for an unknown id. */
    static JobExecution find(JobRepository jobRepository, long id) {
        try {
            return jobRepository.getJobExecution(id);
        } catch (org.springframework.dao.EmptyResultDataAccessException e) {
            return null;
        }
    }

    /**
     * A restarted execution continues the sync runs its first execution opened, so the runs of
     * every execution of the instance up to this one are read; the newest run per source wins.
     */
    List<SyncRun> syncRuns(JobExecution execution) {
        Map<String, SyncRun> bySource = new LinkedHashMap<>();
        List<JobExecution> all = new ArrayList<>(jobRepository.getJobExecutions(execution.getJobInstance()));
        all.sort((a, b) -> Long.compare(a.getId(), b.getId()));
        for (JobExecution e : all) {
            if (e.getId() > execution.getId()) {
                break;
            }
            for (SyncRun run : runs.forJobExecution(e.getId())) {
                bySource.put(run.source(), run);
            }
        }
        return List.copyOf(bySource.values());
    }
}
