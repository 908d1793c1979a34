package com.contactcenter.billing.web;

import com.contactcenter.billing.budget.BudgetService;
import com.contactcenter.billing.source.SourceRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Budget states of the account's tenants, evaluated as of now for the current calendar month in
 * each tenant's zone (a change found here is recorded and sent, as after a sync). Tenants without
 * a budget, or never synced, have no state: left out of the list, 204 for one tenant.
 */
@RestController
@Tag(name = "Alerts", description = "Monthly budgets: each tenant's month against its budget")
class AlertsApi {

    /** Money as plain decimal strings; {@code forecastHigh} null when nothing bounds the forecast. */
    record AlertView(
            String source,
            String month,
            String currency,
            String budget,
            String estimateSoFar,
            String forecastPoint,
            String forecastLow,
            String forecastHigh,
            String state,
            Instant since) {

        static AlertView of(BudgetService.Alert a) {
            return new AlertView(
                    a.source(),
                    a.month().toString(),
                    a.currency(),
                    plain(a.budget()),
                    plain(a.estimateSoFar()),
                    plain(a.forecastPoint()),
                    plain(a.forecastLow()),
                    plain(a.forecastHigh()),
                    a.state().code(),
                    a.since());
        }

        private static String plain(BigDecimal amount) {
            return amount == null ? null : amount.toPlainString();
        }
    }

    private final BudgetService budgets;
    private final SourceRegistry sources;

    AlertsApi(BudgetService budgets, SourceRegistry sources) {
        this.budgets = budgets;
        this.sources = sources;
    }

    @GetMapping("/api/alerts")
    @Operation(
            summary = "The budget state of each of the account's tenants with a budget: ok, at_risk (the forecast's"
                    + " high end passes the budget), projected_over (its point does), over (the estimate so far does)")
    List<AlertView> alerts(Authentication user) {
        TenantScope scope = TenantScope.of(user);
        return budgets.alerts(scope.visible(sources.names())).stream()
                .map(AlertView::of)
                .toList();
    }

    @GetMapping("/api/dashboard/budget")
    @Operation(
            summary = "One tenant's budget state for the dashboard's headline; 204 when it has no budget or has"
                    + " never been synced, 404 when the account may not see it")
    ResponseEntity<AlertView> budget(@RequestParam(required = false) String source, Authentication user) {
        TenantScope scope = TenantScope.of(user);
        String name = DashboardApi.source(sources, scope, source).name();
        return budgets.alert(name)
                .map(a -> ResponseEntity.ok(AlertView.of(a)))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }
}
