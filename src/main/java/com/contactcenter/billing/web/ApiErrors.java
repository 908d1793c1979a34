package com.contactcenter.billing.web;

import com.contactcenter.billing.ops.SyncBusyException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors as {@code {"error": "..."}} with the status that says what happened, in {@code billing.report.locale}. */
@RestControllerAdvice
class ApiErrors {

    private final DashboardTexts texts;

    ApiErrors(DashboardTexts texts) {
        this.texts = texts;
    }

    @ExceptionHandler(SyncBusyException.class)
    ResponseEntity<Map<String, Object>> busy(SyncBusyException e) {
        // the run's own account (requester, node, lock expiry) is the job history's and the log's
        Map<String, Object> body = error(texts.get("error.busyRun", e.source(), Long.toString(e.runningExecutionId())));
        body.put("runningJobExecutionId", e.runningExecutionId());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }

    /** Refused by the service itself: the status it chose, its text in the configured language. */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<Map<String, Object>> refused(Refusal e) {
        return ResponseEntity.status(e.status()).body(error(texts.text(e)));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(error(texts.get("error.body.resync")));
    }

    private static Map<String, Object> error(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        return body;
    }
}
