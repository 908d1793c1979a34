package com.contactcenter.billing.snapshot;

/** There is nothing to compute a snapshot from. */
public class NoDataException extends RuntimeException {

    public NoDataException(String message) {
        super(message);
    }
}
