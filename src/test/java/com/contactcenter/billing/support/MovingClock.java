package com.contactcenter.billing.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Replaces the application's clock with one that starts at {@code test.clock} (an ISO instant) and
 * moves only when the test says so ({@link Moving#advance}). Import it into a Spring Boot test and
 * autowire {@link Moving}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MovingClock {

    @Bean
    @Primary
    Moving movingClock(@Value("${" + FixedClock.PROPERTY + "}") String instant) {
        return new Moving(new AtomicReference<>(Instant.parse(instant)), ZoneOffset.UTC);
    }

    /** A clock the test moves; its copies in other zones move with it. */
    public static final class Moving extends Clock {

        private final AtomicReference<Instant> now;
        private final ZoneId zone;

        private Moving(AtomicReference<Instant> now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        public void advance(Duration by) {
            now.updateAndGet(at -> at.plus(by));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new Moving(now, other);
        }
    }
}
