package com.contactcenter.billing.usage;

import java.time.LocalDate;

/** A bucket of a period, already clipped to it: both dates inclusive. */
public record Bucket(LocalDate first, LocalDate last) {

    public boolean contains(LocalDate day) {
        return !day.isBefore(first) && !day.isAfter(last);
    }
}
