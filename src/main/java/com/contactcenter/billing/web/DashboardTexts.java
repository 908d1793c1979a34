package com.contactcenter.billing.web;

import com.contactcenter.billing.report.ReportProperties;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The dashboard's and the API's texts ({@code messages/dashboard*.properties}) in
 * {@code billing.report.locale}, whatever the browser asks for: admins compare the screen with the
 * reports, and an answer's error is read on that screen.
 */
@Component
class DashboardTexts {

    private final MessageSource messages;
    private final Locale locale;

    @Autowired
    DashboardTexts(MessageSource messages, ReportProperties reports) {
        this(messages, reports.locale());
    }

    DashboardTexts(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    Locale locale() {
        return locale;
    }

    String get(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /** {@code key}'s text, or {@code fallback} when the language has no such key. */
    String getOrElse(String key, String fallback, Object... arguments) {
        return messages.getMessage(key, arguments, fallback, locale);
    }

    /** A refusal as the caller reads it. */
    String text(Refusal refusal) {
        return refusal.key() == null ? refusal.getMessage() : get(refusal.key(), refusal.arguments());
    }
}
