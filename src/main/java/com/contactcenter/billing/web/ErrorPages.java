package com.contactcenter.billing.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error the container forwards ({@code /error}), and {@code /error} asked for directly (404):
 * {@code {"error": "..."}} for the API and API clients, the service's own page for browsers, in the
 * dashboard's language. Only the status's reason, never an exception's text. A page shown to a
 * signed-in session (an operator's 403, say) offers its logout, as the dashboard does.
 */
@Controller
class ErrorPages implements ErrorController {

    /** The service's page for a status, the dashboard's header and a way back. */
    static final String VIEW = "error-page";

    private final DashboardTexts texts;

    ErrorPages(DashboardTexts texts) {
        this.texts = texts;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        HttpStatus status = status(request);
        if (!browser(request)) {
            String reason = status.is5xxServerError()
                    ? texts.get("status.500")
                    : texts.getOrElse("status." + status.value(), texts.get("status.other", status.value()));
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("error", reason));
        }
        String page = switch (status) {
            case NOT_FOUND -> "notFound";
            case FORBIDDEN -> "forbidden";
            default -> "failed";
        };
        ModelAndView view = new ModelAndView(VIEW, status);
        view.addObject("lang", texts.locale().getLanguage());
        view.addObject("heading", texts.get(page + ".title"));
        view.addObject("error", texts.get(page + ".page", status.value()));
        view.addObject("user", signedIn(request));
        return view;
    }

    /**
     * The account of the session the request belongs to; none for a request without one (HTTP
     * Basic is stateless: there is nothing to log out of). The security context is read from the
     * session, since the error's dispatch comes after the request's own filters have ended.
     */
    private static String signedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object stored = session == null
                ? null
                : session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        return stored instanceof SecurityContext context && context.getAuthentication() != null
                ? context.getAuthentication().getName()
                : null;
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
            return accept != null
                    && MediaType.parseMediaTypes(accept).stream()
                            .anyMatch(type -> type.equalsTypeAndSubtype(MediaType.TEXT_HTML));
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }
}
