package com.contactcenter.billing.usage;

import java.math.BigDecimal;
import java.util.List;

/** The estimate: its lines, each already rounded, and their sum. */
public record Estimate(String currency, int scale, List<EstimateLine> lines, BigDecimal total) {

    public Estimate {
        lines = List.copyOf(lines);
    }
}
