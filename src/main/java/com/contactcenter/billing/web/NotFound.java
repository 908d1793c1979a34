package com.contactcenter.billing.web;

/**
 * 404 with this message. Also what a caller gets for anything it may not see, so an answer never
 * confirms that another tenant's data exists.
 */
final class NotFound extends RuntimeException {

    NotFound(String message) {
        super(message);
    }
}
