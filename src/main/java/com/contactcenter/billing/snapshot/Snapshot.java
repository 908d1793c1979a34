package com.contactcenter.billing.snapshot;

import com.contactcenter.billing.usage.GroupBy;
import java.time.Instant;
import java.time.LocalDate;

/** One immutable snapshot version and its export document. */
public record Snapshot(String id, String source, LocalDate from, LocalDate to, GroupBy groupBy, int version,
        Instant asOf, Instant computedAt, String document) {
}
