package com.contactcenter.billing.source;

/** A source could not be read. The message names the source and its host, never its password. */
public class SourceException extends RuntimeException {

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
