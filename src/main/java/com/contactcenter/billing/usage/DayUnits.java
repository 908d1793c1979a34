package com.contactcenter.billing.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One synced local day of a tenant: its units per service, from rows stamped up to
 * {@code syncedUpTo} (the as-of of the sync that last read the day). A day synced while it was
 * still running holds only its first hours.
 */
public record DayUnits(LocalDate day, Instant syncedUpTo, Map<ServiceKey, Long> units) {

    public DayUnits {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(syncedUpTo, "syncedUpTo");
        units = units.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(units));
    }

    public long units(ServiceKey key) {
        return units.getOrDefault(key, 0L);
    }
}
