package com.contactcenter.billing.report;

/** A report could not be written; the message says what and why, in one line. */
public class ReportException extends RuntimeException {

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
