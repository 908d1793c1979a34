package com.contactcenter.billing.web;

import org.springframework.http.HttpStatus;

/** 400 with a text already worded in the configured language (keyed ones: {@link Refusal#badRequest}). */
final class BadRequest extends Refusal {

    BadRequest(String text) {
        super(HttpStatus.BAD_REQUEST, text);
    }
}
