package com.contactcenter.billing.source;

/** A source could not be read. The message names the source and its host, never its password. */
public class SourceException extends RuntimeException {

    private final boolean unreachable;

    public SourceException(String message, Throwable cause, boolean unreachable) {
        super(message, cause);
        this.unreachable = unreachable;
    }

    /** The source could not be connected to (worth trying again), as opposed to a failing query. */
    public boolean unreachable() {
        return unreachable;
    }
}
