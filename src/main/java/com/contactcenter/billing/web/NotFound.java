package com.contactcenter.billing.web;

import org.springframework.http.HttpStatus;

/** 404 with a text already worded in the configured language (keyed ones: {@link Refusal#notFound}). */
final class NotFound extends Refusal {

    NotFound(String text) {
        super(HttpStatus.NOT_FOUND, text);
    }
}
