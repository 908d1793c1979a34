package com.contactcenter.billing.ops;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The per-source sync lock ({@code billing.lock}): a holder renews it every {@code heartbeat}; a
 * lock not renewed for {@code ttl} (its process died) can be taken over. A tenant of a many-tenant
 * request whose source a live run holds is tried again every {@code busyRetry}, 240 times at most.
 */
@ConfigurationProperties("billing.lock")
public record LockProperties(
        @DefaultValue("2m") Duration ttl,
        @DefaultValue("20s") Duration heartbeat,
        @DefaultValue("30s") Duration busyRetry) {

    public LockProperties {
        if (ttl.compareTo(heartbeat) <= 0 || heartbeat.isZero() || heartbeat.isNegative()) {
            throw new IllegalArgumentException(
                    "billing.lock.heartbeat must be positive and shorter than billing.lock.ttl");
        }
    }
}
