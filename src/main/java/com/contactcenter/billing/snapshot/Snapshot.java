package com.contactcenter.billing.snapshot;

import com.contactcenter.billing.usage.GroupBy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/** One immutable snapshot version and its export document. */
public record Snapshot(String id, String source, LocalDate from, LocalDate to, GroupBy groupBy, int version,
        Instant asOf, Instant computedAt, String document) {

    /** What made a version: only versions an intraday refresh made are ever pruned. */
    public enum Origin {
        /** The CLI, the API, the nightly refresh and the monthly close: kept for good. */
        STANDARD,
        /**
         * The intraday refresh of today, this week and this month, and the dashboard's own versions of
         * a period still open: kept within billing.snapshot.retention.
         */
        INTRADAY;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Origin parse(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }
}
