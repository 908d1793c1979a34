package com.contactcenter.billing.web;

import com.contactcenter.billing.web.SecurityProperties.LoginThrottleProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per account name and per client address, in a sliding window, in this node's
 * memory. A key with {@code maxFailures} failures within the window is throttled until the oldest
 * of them leaves it. Throttled attempts are not counted, so the wait never grows while someone keeps
 * trying; a success clears the account's failures (not the address's).
 */
final class LoginThrottle {

    /** Keys kept before expired ones are swept, so names made up by the thousand do not pile up. */
    private static final int SWEEP_ABOVE = 10_000;

    private static final int LONGEST_NAME = 256;

    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Map<String, ArrayDeque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock, LoginThrottleProperties properties) {
        this.clock = clock;
        this.maxFailures = properties.maxFailures();
        this.window = properties.window();
    }

    int maxFailures() {
        return maxFailures;
    }

    Duration window() {
        return window;
    }

    /** How long the account or the address must still wait, if either is throttled: the longer of the two. */
    Optional<Duration> waitFor(String account, String address) {
        Instant now = clock.instant();
        Duration wait = max(waitFor(accountKey(account), now), waitFor(addressKey(address), now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** Records a failure of both keys; answers the account's failures now in the window. */
    int failed(String account, String address) {
        Instant now = clock.instant();
        if (failures.size() > SWEEP_ABOVE) {
            failures.keySet()
                    .forEach(key -> failures.computeIfPresent(key, (k, times) -> expired(times, now) ? null : times));
        }
        record(addressKey(address), now);
        return record(accountKey(account), now);
    }

    void succeeded(String account) {
        failures.remove(accountKey(account));
    }

    private int record(String key, Instant now) {
        int[] inWindow = new int[1];
        failures.compute(key, (k, times) -> {
            ArrayDeque<Instant> kept = times == null ? new ArrayDeque<>() : times;
            kept.addLast(now);
            while (kept.size() > maxFailures
                    || !kept.isEmpty() && !kept.peekFirst().isAfter(now.minus(window))) {
                kept.removeFirst();
            }
            inWindow[0] = kept.size();
            return kept;
        });
        return inWindow[0];
    }

    private Duration waitFor(String key, Instant now) {
        Duration[] wait = {Duration.ZERO};
        failures.computeIfPresent(key, (k, times) -> {
            if (times.size() >= maxFailures) {
                Duration left = Duration.between(now, times.peekFirst().plus(window));
                wait[0] = left.isNegative() ? Duration.ZERO : left;
            }
            return times;
        });
        return wait[0];
    }

    private boolean expired(ArrayDeque<Instant> times, Instant now) {
        return times.isEmpty() || !times.peekLast().isAfter(now.minus(window));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Account names are matched as the accounts are (case-insensitively); a very long name is cut. */
    private static String accountKey(String account) {
        String name = account == null ? "" : account.toLowerCase(Locale.ROOT);
        return "account:" + (name.length() > LONGEST_NAME ? name.substring(0, LONGEST_NAME) : name);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
