package com.contactcenter.billing.validation;

/** A date a request may not name; the message says why, in the configured language. */
public final class InvalidDateException extends IllegalArgumentException {

    InvalidDateException(String message) {
        super(message);
    }
}
