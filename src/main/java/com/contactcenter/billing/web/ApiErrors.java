package com.contactcenter.billing.web;

import com.contactcenter.billing.ops.SyncBusyException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors as {@code {"error": "..."}} with the status that says what happened. */
@RestControllerAdvice
class ApiErrors {

    @ExceptionHandler(SyncBusyException.class)
    ResponseEntity<Map<String, Object>> busy(SyncBusyException e) {
        Map<String, Object> body = error(e.getMessage());
        body.put("runningJobExecutionId", e.runningExecutionId());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }

    @ExceptionHandler(JobsController.Busy.class)
    ResponseEntity<Map<String, Object>> tenantBusy(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(error(e.getMessage()));
    }

    @ExceptionHandler(BadRequest.class)
    ResponseEntity<Map<String, Object>> bad(RuntimeException e) {
        return ResponseEntity.badRequest().body(error(e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(error("the body must be JSON: {\"source\": ..., \"from\": ..., \"to\": ...}"));
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Map<String, Object>> notFound(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(error(e.getMessage()));
    }

    private static Map<String, Object> error(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        return body;
    }
}
