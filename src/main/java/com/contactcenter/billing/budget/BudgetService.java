package com.contactcenter.billing.budget;

import com.contactcenter.billing.budget.BudgetStateStore.Cause;
import com.contactcenter.billing.budget.BudgetStateStore.Change;
import com.contactcenter.billing.forecast.ForecastService;
import com.contactcenter.billing.pricing.PricingProperties;
import com.contactcenter.billing.snapshot.NoDataException;
import com.contactcenter.billing.source.SourceProperties;
import com.contactcenter.billing.source.SourceRegistry;
import com.contactcenter.billing.source.SourceRegistry.Origin;
import com.contactcenter.billing.usage.BudgetRule;
import com.contactcenter.billing.usage.BudgetRule.Standing;
import com.contactcenter.billing.usage.BudgetState;
import com.contactcenter.billing.usage.Forecast;
import com.contactcenter.billing.usage.Period;
import com.contactcenter.billing.usage.Preset;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Each tenant's month against its budget: the current calendar month in the tenant's zone, as of
 * now, from its forecast ({@link ForecastService}); each change of state recorded once
 * ({@link BudgetStateStore}) and handed to the webhook ({@link BudgetWebhook}). A tenant's budget
 * is its directory row's {@code monthly_budget} when it is a directory tenant with one, else
 * {@code billing.budgets}; a tenant without a budget, or never synced, has no state.
 */
@Service
public class BudgetService {

    /** A tenant's month against its budget; {@code since}: when the state was recorded, null if ok all month. */
    public record Alert(
            String source,
            YearMonth month,
            String currency,
            BigDecimal budget,
            BigDecimal estimateSoFar,
            BigDecimal forecastPoint,
            BigDecimal forecastLow,
            BigDecimal forecastHigh,
            BudgetState state,
            Instant since) {}

    /** A recorded change of state, as the job history shows it. */
    public record StateChange(
            long id,
            String source,
            YearMonth month,
            BudgetState previous,
            BudgetState state,
            String currency,
            String budget,
            String estimateSoFar,
            String forecastPoint,
            String forecastLow,
            String forecastHigh,
            Instant changedAt,
            String cause,
            Long jobExecutionId,
            Instant deliveredAt) {}

    private final SourceRegistry sources;
    private final BudgetProperties properties;
    private final ForecastService forecasts;
    private final PricingProperties pricing;
    private final BudgetStateStore store;
    private final BudgetWebhook webhook;
    private final Clock clock;

    BudgetService(
            SourceRegistry sources,
            BudgetProperties properties,
            ForecastService forecasts,
            PricingProperties pricing,
            BudgetStateStore store,
            BudgetWebhook webhook,
            Clock clock) {
        this.sources = sources;
        this.properties = properties;
        this.forecasts = forecasts;
        this.pricing = pricing;
        this.store = store;
        this.webhook = webhook;
        this.clock = clock;
    }

    /** The tenant's monthly budget: the directory's for a directory tenant that has one, else the YAML one. */
    public Optional<BigDecimal> budget(String source) {
        Optional<SourceRegistry.Tenant> tenant = sources.tenant(source);
        if (tenant.isEmpty()) {
            return Optional.empty();
        }
        if (tenant.get().origin() == Origin.DIRECTORY && tenant.get().monthlyBudget() != null) {
            return Optional.of(tenant.get().monthlyBudget());
        }
        return properties.budget(source);
    }

    /** The tenants' states, in the order given, evaluated now for an API call; those without one left out. */
    public List<Alert> alerts(Collection<String> tenants) {
        List<Alert> alerts = new ArrayList<>();
        for (String tenant : tenants) {
            evaluate(tenant, Cause.api()).ifPresent(alerts::add);
        }
        return alerts;
    }

    /** The tenant's state, evaluated now for an API call; empty without a budget or before its first sync. */
    public Optional<Alert> alert(String source) {
        return evaluate(source, Cause.api());
    }

    /** After a sync of the tenant completed. */
    Optional<Alert> afterSync(String source, long jobExecutionId) {
        return evaluate(source, Cause.sync(jobExecutionId));
    }

    Optional<Alert> evaluate(String source, Cause cause) {
        Optional<BigDecimal> budget = budget(source);
        if (budget.isEmpty()) {
            return Optional.empty();
        }
        SourceProperties tenant = sources.require(source);
        Instant now = clock.instant();
        Period month = Preset.THIS_MONTH.resolve(clock, tenant.timeZone());
        Forecast forecast;
        try {
            forecast = forecasts.forecast(source, month, now);
        } catch (NoDataException e) {
            return Optional.empty();
        }
        Standing standing = BudgetRule.standing(
                budget.get(), forecast, pricing.plan(tenant.plan()).pricing());
        YearMonth yearMonth = YearMonth.from(month.from());
        Optional<Change> recorded = store.record(source, yearMonth, standing, now, cause);
        recorded.ifPresent(c -> webhook.wake());
        Optional<Change> latest = recorded.isPresent() ? recorded : store.latest(source, yearMonth);
        return Optional.of(new Alert(
                source,
                yearMonth,
                standing.currency(),
                standing.budget(),
                standing.estimateSoFar(),
                standing.forecastPoint(),
                standing.forecastLow(),
                standing.forecastHigh(),
                standing.state(),
                latest.map(Change::changedAt).orElse(null)));
    }

    /** The newest recorded changes first; {@code tenants} null: every tenant's. */
    public List<StateChange> changes(Collection<String> tenants, int limit) {
        return store.newest(tenants, limit).stream()
                .map(c -> new StateChange(
                        c.id(),
                        c.source(),
                        c.month(),
                        c.previous(),
                        c.state(),
                        c.currency(),
                        c.budget(),
                        c.estimateSoFar(),
                        c.forecastPoint(),
                        c.forecastLow(),
                        c.forecastHigh(),
                        c.changedAt(),
                        c.cause(),
                        c.jobExecutionId(),
                        c.deliveredAt()))
                .toList();
    }
}
