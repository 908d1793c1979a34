package com.contactcenter.billing.snapshot;

import com.contactcenter.billing.usage.Plan;

/**
 * The plan a snapshot version was priced with: its name and the hash of its prices. A version
 * stored before plans existed has none.
 */
public record PlanStamp(String plan, String pricesHash) {

    public static PlanStamp of(Plan plan) {
        return new PlanStamp(plan.name(), plan.pricesHash());
    }
}
