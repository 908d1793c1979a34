package com.contactcenter.billing.snapshot;

import com.contactcenter.billing.usage.Forecast;
import com.contactcenter.billing.usage.Period;
import java.time.Instant;

/**
 * The forecast a snapshot of a period still open keeps in its document: the period projected to
 * its end from the warehouse's days before the as-of. The forecast capability provides it
 * ({@code forecast/ForecastService}), so the snapshot needs no knowledge of how it is made.
 */
public interface PeriodForecasts {

    Forecast forecast(String source, Period period, Instant asOf);
}
