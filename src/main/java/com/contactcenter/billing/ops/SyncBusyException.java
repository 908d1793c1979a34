package com.contactcenter.billing.ops;

/** A sync refused because another run holds one of its sources; the message names that run. */
public class SyncBusyException extends RuntimeException {

    private final String source;
    private final Long runningExecutionId;
    private final long refusedRequestId;

    SyncBusyException(String message, String source, Long runningExecutionId, long refusedRequestId) {
        super(message);
        this.source = source;
        this.runningExecutionId = runningExecutionId;
        this.refusedRequestId = refusedRequestId;
    }

    /** The source another run holds. */
    public String source() {
        return source;
    }

    /** The job execution holding the source, or null when it is still being created. */
    public Long runningExecutionId() {
        return runningExecutionId;
    }

    public long refusedRequestId() {
        return refusedRequestId;
    }
}
