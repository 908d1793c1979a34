package com.contactcenter.billing.report.excel;

import com.contactcenter.billing.report.Portfolio;
import com.contactcenter.billing.report.Portfolio.Tenant;
import com.contactcenter.billing.usage.ServiceKey;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The columns of the portfolio's Tenants sheet, which its CSV repeats: a header and a typed value
 * per tenant. A tenant with figures shows 0 users for a role it has no users of; one without
 * figures (never synced) leaves every figure empty.
 */
final class PortfolioColumns {

    enum Kind {
        TEXT,
        COUNT,
        MONEY,
        INSTANT
    }

    /** {@code summed}: its totals row per currency adds the column up. */
    record Column(String header, Kind kind, boolean summed, Function<Tenant, Object> value) {}

    private PortfolioColumns() {}

    static List<Column> of(Portfolio portfolio, Labels labels) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column(labels.get("portfolio.col.tenant"), Kind.TEXT, false, Tenant::name));
        columns.add(new Column(labels.get("portfolio.col.zone"), Kind.TEXT, false, Tenant::zone));
        columns.add(new Column(labels.get("portfolio.col.plan"), Kind.TEXT, false, Tenant::plan));
        columns.add(new Column(labels.get("portfolio.col.currency"), Kind.TEXT, false, Tenant::currency));
        for (String role : portfolio.roles()) {
            columns.add(new Column(
                    labels.format("portfolio.col.users", role),
                    Kind.COUNT,
                    true,
                    t -> t.hasFigures() ? t.usersByRole().getOrDefault(role, 0L) : null));
        }
        for (ServiceKey service : ServiceKey.values()) {
            columns.add(new Column(
                    labels.format("portfolio.col.units", labels.service(service.key())),
                    Kind.COUNT,
                    true,
                    t -> t.hasFigures() ? t.unitsByService().getOrDefault(service.key(), 0L) : null));
        }
        columns.add(new Column(labels.get("portfolio.col.seatAmount"), Kind.MONEY, true, Tenant::seatAmount));
        columns.add(new Column(labels.get("portfolio.col.serviceAmount"), Kind.MONEY, true, Tenant::serviceAmount));
        columns.add(new Column(labels.get("portfolio.col.total"), Kind.MONEY, true, Tenant::total));
        columns.add(new Column(labels.get("portfolio.col.change"), Kind.MONEY, true, Tenant::change));
        columns.add(new Column(labels.get("portfolio.col.daysSynced"), Kind.COUNT, false, Tenant::daysSynced));
        columns.add(new Column(labels.get("portfolio.col.days"), Kind.COUNT, false, Tenant::days));
        columns.add(new Column(labels.get("portfolio.col.asOf"), Kind.INSTANT, false, Tenant::asOf));
        columns.add(new Column(
                labels.get("portfolio.col.version"),
                Kind.COUNT,
                false,
                t -> t.version() == null ? null : t.version().longValue()));
        columns.add(new Column(
                labels.get("portfolio.col.status"),
                Kind.TEXT,
                false,
                t -> labels.get("portfolio.status." + t.status().code())));
        return columns;
    }

    /** Where the currency is: the totals rows sum each currency's rows by it. */
    static final int CURRENCY = 3;
}
