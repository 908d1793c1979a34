package com.contactcenter.billing.web;

import org.springframework.http.HttpStatus;

/**
 * A request the service refuses, with the status that says why. Its text is worded when the answer
 * is written, in {@code billing.report.locale} ({@link DashboardTexts}), from a key of
 * {@code messages/dashboard*.properties}; or it comes already worded (a date refused by
 * {@code DateLimits}, which speaks the same language).
 */
class Refusal extends RuntimeException {

    private final HttpStatus status;
    private final String key;
    private final Object[] arguments;

    /** Already worded in the configured language. */
    Refusal(HttpStatus status, String text) {
        super(text);
        this.status = status;
        this.key = null;
        this.arguments = new Object[0];
    }

    private Refusal(HttpStatus status, String key, Object[] arguments) {
        super(key);
        this.status = status;
        this.key = key;
        this.arguments = arguments.clone();
    }

    /** 400, worded from {@code key} when answered. */
    static Refusal badRequest(String key, Object... arguments) {
        return new Refusal(HttpStatus.BAD_REQUEST, key, arguments);
    }

    /**
     * 404, worded from {@code key} when answered. Also what a caller gets for anything it may not
     * see, so an answer never confirms that another tenant's data exists.
     */
    static Refusal notFound(String key, Object... arguments) {
        return new Refusal(HttpStatus.NOT_FOUND, key, arguments);
    }

    /** 409, worded from {@code key} when answered. */
    static Refusal conflict(String key, Object... arguments) {
        return new Refusal(HttpStatus.CONFLICT, key, arguments);
    }

    HttpStatus status() {
        return status;
    }

    String key() {
        return key;
    }

    Object[] arguments() {
        return arguments.clone();
    }
}
