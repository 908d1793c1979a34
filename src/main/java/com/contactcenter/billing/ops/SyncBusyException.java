package com.contactcenter.billing.ops;

/** A sync refused because another run holds its source; the message names that run. */
public class SyncBusyException extends RuntimeException {

    private final String source;
    private final long runningExecutionId;

    SyncBusyException(String message, String source, long runningExecutionId) {
        super(message);
        this.source = source;
        this.runningExecutionId = runningExecutionId;
    }

    /** The source another run holds. */
    public String source() {
        return source;
    }

    /** The job execution holding the source. */
    public long runningExecutionId() {
        return runningExecutionId;
    }
}
