package com.contactcenter.billing.forecast;

import com.contactcenter.billing.pricing.PricingProperties;
import com.contactcenter.billing.snapshot.NoDataException;
import com.contactcenter.billing.snapshot.PeriodForecasts;
import com.contactcenter.billing.source.SourceRegistry;
import com.contactcenter.billing.usage.DayUnits;
import com.contactcenter.billing.usage.Forecast;
import com.contactcenter.billing.usage.Forecaster;
import com.contactcenter.billing.usage.GroupBy;
import com.contactcenter.billing.usage.Period;
import com.contactcenter.billing.usage.Roles;
import com.contactcenter.billing.usage.UserRecord;
import com.contactcenter.billing.warehouse.ReferenceStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * Forecasts a tenant's period from the warehouse alone (never its database): the synced days of
 * the {@link Forecaster#HISTORY_DAYS} before the as-of's day and the period's days up to the as-of's
 * day, read bounded by that day, so no later day is ever read; the rules leave out what was
 * synced after the as-of. Priced with the tenant's plan, as its snapshots are.
 */
@Service
public class ForecastService implements PeriodForecasts {

    /** A tenant's users and roles as the warehouse's copy has them; the rules keep those known at each as-of. */
    record Staff(Roles roles, List<UserRecord> users) {}

    private final SourceRegistry sources;
    private final ReferenceStore references;
    private final ForecastHistory history;
    private final PricingProperties pricing;

    ForecastService(
            SourceRegistry sources, ReferenceStore references, ForecastHistory history, PricingProperties pricing) {
        this.sources = sources;
        this.references = references;
        this.history = history;
        this.pricing = pricing;
    }

    /** The period's forecast as of {@code asOf}; the period is in the source's zone. */
    @Override
    public Forecast forecast(String source, Period period, Instant asOf) {
        Staff staff = staff(source);
        return forecaster(source).forecast(period, asOf, days(source, period, asOf), staff.roles(), staff.users());
    }

    /** The point forecast of the period's buckets still to come at {@code asOf}, from the same days. */
    public List<Forecaster.BucketForecast> byBucket(String source, Period period, GroupBy groupBy, Instant asOf) {
        Staff staff = staff(source);
        return forecaster(source)
                .byBucket(period, groupBy, asOf, days(source, period, asOf), staff.roles(), staff.users());
    }

    Staff staff(String source) {
        if (references.syncRunId(source).isEmpty()) {
            throw new NoDataException("nothing to forecast from: source '" + source + "' has never been synced");
        }
        return new Staff(references.roles(source), references.users(source));
    }

    Forecaster forecaster(String source) {
        return new Forecaster(pricing.plan(sources.require(source).plan()).pricing());
    }

    /** The synced days a forecast as of {@code asOf} may read: none after the as-of's local day. */
    List<DayUnits> days(String source, Period period, Instant asOf) {
        LocalDate today = LocalDate.ofInstant(asOf, period.zone());
        Map<LocalDate, DayUnits> days = new TreeMap<>();
        history.days(source, today.minusDays(Forecaster.HISTORY_DAYS), today.minusDays(1))
                .forEach(d -> days.put(d.day(), d));
        LocalDate last = period.to().isBefore(today) ? period.to() : today;
        if (!last.isBefore(period.from())) {
            history.days(source, period.from(), last).forEach(d -> days.put(d.day(), d));
        }
        return List.copyOf(days.values());
    }
}
