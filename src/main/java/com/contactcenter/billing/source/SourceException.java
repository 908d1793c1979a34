package com.contactcenter.billing.source;

/** A source could not be read. The message names the source and its host, never its password. */
public class SourceException extends RuntimeException {

    private final boolean unreachable;
    private final boolean saturated;

    public SourceException(String message, Throwable cause, boolean unreachable) {
        this(message, cause, unreachable, false);
    }

    public SourceException(String message, Throwable cause, boolean unreachable, boolean saturated) {
        super(message, cause);
        this.unreachable = unreachable;
        this.saturated = saturated;
    }

    /** The source could not be connected to (worth trying again), as opposed to a failing query. */
    public boolean unreachable() {
        return unreachable;
    }

    /**
     * Its server is up but refused the connection because it has too many ("Too many
     * connections"): worth waiting for longer than for an unreachable server.
     */
    public boolean saturated() {
        return saturated;
    }
}
