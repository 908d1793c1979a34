package com.contactcenter.billing.web;

import com.contactcenter.billing.report.ReportProperties;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error the container forwards ({@code /error}), and {@code /error} asked for directly (404):
 * {@code {"error": "..."}} for the API and API clients, the service's own page for browsers, in the
 * dashboard's language. Only the status's reason, never an exception's text.
 */
@Controller
class ErrorPages implements ErrorController {

    private final MessageSource messages;
    private final Locale locale;

    ErrorPages(MessageSource messages, ReportProperties reports) {
        this.messages = messages;
        this.locale = reports.locale();
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        HttpStatus status = status(request);
        if (!browser(request)) {
            String reason = status.is5xxServerError() ? "internal error" : status.getReasonPhrase().toLowerCase(Locale.ROOT);
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", reason));
        }
        String page = switch (status) {
            case NOT_FOUND -> "notFound";
            case FORBIDDEN -> "forbidden";
            default -> "failed";
        };
        ModelAndView view = new ModelAndView("not-found", status);
        view.addObject("lang", locale.getLanguage());
        view.addObject("heading", messages.getMessage(page + ".title", null, locale));
        view.addObject("error", messages.getMessage(page + ".page", new Object[] {status.value()}, locale));
        return view;
    }

    /** The status the container forwarded with; none when {@code /error} itself was asked for, which does not exist. */
    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c ? HttpStatus.resolve(c) : null;
        return status == null || !status.isError() ? HttpStatus.NOT_FOUND : status;
    }

    /** A page for a browser's request outside the API; JSON for the API and for clients that do not ask for HTML. */
    private static boolean browser(HttpServletRequest request) {
        Object forwarded = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = forwarded instanceof String uri ? uri : request.getRequestURI();
        path = path.substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/v3/")) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        try {
            return accept != null && MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> type.equalsTypeAndSubtype(MediaType.TEXT_HTML));
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }
}
