package com.contactcenter.billing.usage;

import java.time.Instant;

/** A user as stored in the source. {@code roleId}, {@code deactivatedAt} and {@code lastLoginAt} may be null. */
public record UserRecord(
        long id,
        String name,
        String email,
        Integer roleId,
        Instant createdAt,
        Instant deactivatedAt,
        Instant lastLoginAt) {

    public boolean deactivatedBeforeCreated() {
        return deactivatedAt != null && deactivatedAt.isBefore(createdAt);
    }

    /** Enabled at some instant of {@code [start, end)}; never when deactivated before created. */
    public boolean billableIn(Instant start, Instant end) {
        return !deactivatedBeforeCreated()
                && createdAt.isBefore(end)
                && (deactivatedAt == null || !deactivatedAt.isBefore(start));
    }

    public boolean billableIn(Period period) {
        return billableIn(period.startUtc(), period.endUtc());
    }
}
