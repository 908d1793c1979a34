package com.contactcenter.billing.web;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Every login, by the form or by HTTP Basic, passes the {@link LoginThrottle} first: a throttled
 * account name or client address is refused before its password is looked at, known account or
 * not, so the answer and the work done are the same for both. Failures and refusals are logged with
 * the name and the address, never the password.
 */
final class ThrottledLogins implements AuthenticationManager {

    private static final Logger log = LoggerFactory.getLogger(ThrottledLogins.class);
    private static final int LOGGED_NAME = 64;

    private final AuthenticationManager accounts;
    private final LoginThrottle throttle;

    ThrottledLogins(AuthenticationManager accounts, LoginThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication login) {
        String name = login.getName();
        String address =
                login.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "unknown";
        Optional<Duration> wait = throttle.waitFor(name, address);
        if (wait.isPresent()) {
            Throttled refusal = new Throttled(wait.get());
            log.warn(
                    "login refused for account '{}' from {}: too many failed logins; retry after {} s",
                    printable(name),
                    address,
                    refusal.retryAfterSeconds());
            throw refusal;
        }
        try {
            Authentication account = accounts.authenticate(login);
            throttle.succeeded(name);
            return account;
        } catch (AuthenticationException e) {
            int failures = throttle.failed(name, address);
            log.warn(
                    "login failed for account '{}' from {}: {} of {} failures allowed in {}",
                    printable(name),
                    address,
                    failures,
                    throttle.maxFailures(),
                    throttle.window());
            throw e;
        }
    }

    /** HTTP Basic: 429 with {@code Retry-After} when throttled, otherwise the challenge. */
    static AuthenticationEntryPoint basicEntryPoint(AuthenticationEntryPoint challenge, DashboardTexts texts) {
        return (request, response, e) -> {
            if (e instanceof Throttled throttled) {
                tooManyRequests(response, throttled, texts);
            } else {
                challenge.commence(request, response, e);
            }
        };
    }

    /**
     * The form: back to the login page saying why ({@code ?throttled}, with {@code Retry-After}),
     * or that the name or password was wrong ({@code ?error}).
     */
    static AuthenticationFailureHandler formFailureHandler() {
        return (request, response, e) -> {
            String page = "/login?error";
            if (e instanceof Throttled throttled) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
                page = "/login?throttled";
            }
            response.sendRedirect(request.getContextPath() + page);
        };
    }

    /** The refusal in {@code billing.report.locale}, as every other answer's error. */
    private static void tooManyRequests(HttpServletResponse response, Throttled throttled, DashboardTexts texts)
            throws java.io.IOException {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String text = texts.get("error.throttled", Long.toString(throttled.retryAfterSeconds()));
        response.getWriter().write("{\"error\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }

    /** A name as typed may hold anything: the log gets at most 64 characters, without line breaks or controls. */
    private static String printable(String name) {
        String cut = name == null ? "" : name.length() > LOGGED_NAME ? name.substring(0, LOGGED_NAME) + "…" : name;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    /** A login refused unchecked because its account name or client address failed too often. */
    static final class Throttled extends AuthenticationException {

        private final transient Duration wait;

        Throttled(Duration wait) {
            super("too many failed logins");
            this.wait = wait;
        }

        /** Whole seconds, rounded up, so a client that waits that long is let in. */
        long retryAfterSeconds() {
            return Math.max(1, wait.plusNanos(999_999_999).getSeconds());
        }
    }
}
