package com.contactcenter.billing.ops;

import java.util.Optional;

/** The refusal an operator reads when a source is held: who holds it, and until when if it died. */
final class BusyMessages {

    private BusyMessages() {}

    static String of(SyncLock.Holder holder, SyncLock locks, JobRequestStore requests) {
        Optional<JobRequestStore.JobRequest> request =
                requests.forExecution(holder.jobExecutionId()).flatMap(t -> requests.find(t.requestId()));
        return "source '" + holder.source() + "' is already being synced by job execution " + holder.jobExecutionId()
                + request.map(r -> ", requested by " + r.requester() + " at " + r.requestedAt())
                        .orElse("")
                + ", on node " + holder.node() + " (GET /api/jobs/" + holder.jobExecutionId()
                + "); should that process have died, its lock expires at " + holder.expiresAt()
                + " at the latest, sooner once its node leaves the cluster";
    }
}
