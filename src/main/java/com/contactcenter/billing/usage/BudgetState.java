package com.contactcenter.billing.usage;

import java.util.Locale;

/**
 * Where a tenant's month stands against its budget, from the least to the most serious. "Passes"
 * means strictly greater: a figure equal to the budget has not passed it.
 */
public enum BudgetState {
    /** Nothing passes the budget, not even the forecast interval's high end. */
    OK,
    /** The forecast interval's high end passes the budget; the point does not. */
    AT_RISK,
    /** The forecast point passes the budget; the estimate so far does not. */
    PROJECTED_OVER,
    /** The estimate so far passes the budget. */
    OVER;

    /** The state as the API and the webhook name it: {@code ok}, {@code at_risk}, ... */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BudgetState parse(String code) {
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
    }
}
