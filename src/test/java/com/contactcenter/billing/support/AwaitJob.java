package com.contactcenter.billing.support;

import com.contactcenter.billing.ops.JobHistory;
import java.time.Duration;
import java.time.Instant;

/** Waits for a job execution started in the background (by the API) to end. */
public final class AwaitJob {

    private AwaitJob() {}

    /** The execution's status once COMPLETED or FAILED, or whatever it is after a minute. */
    public static String end(JobHistory history, long jobExecutionId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String status;
        do {
            Thread.sleep(200);
            status = history.status(jobExecutionId).orElseThrow().status();
        } while (!status.equals("COMPLETED")
                && !status.equals("FAILED")
                && Instant.now().isBefore(deadline));
        return status;
    }
}
