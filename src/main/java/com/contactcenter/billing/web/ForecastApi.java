package com.contactcenter.billing.web;

import com.contactcenter.billing.forecast.ForecastService;
import com.contactcenter.billing.report.ReportProperties;
import com.contactcenter.billing.snapshot.NoDataException;
import com.contactcenter.billing.source.SourceRegistry;
import com.contactcenter.billing.usage.EstimateLine;
import com.contactcenter.billing.usage.Forecast;
import com.contactcenter.billing.usage.Forecast.ServiceForecast;
import com.contactcenter.billing.usage.Forecaster;
import com.contactcenter.billing.usage.ServiceKey;
import com.contactcenter.billing.validation.DateLimits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The period on screen projected to its end, as of now, from the warehouse's facts (the dashboard's
 * filters and tenant scope; {@code snapshot} and {@code groupBy} change nothing). A period that has
 * ended answers an empty forecast and says why, in {@code billing.report.locale}
 * ({@code messages/forecast*.properties}), as it does a forecast with little or no history.
 */
@RestController
@RequestMapping("/api/dashboard")
@Tag(name = "Dashboard", description = "The billing screens' figures, read from snapshots")
class ForecastApi {

    record ForecastView(
            String source,
            String preset,
            PeriodView period,
            Instant asOf,
            boolean open,
            String message,
            String method,
            Integer daysOfHistory,
            Double daysToCome,
            String currency,
            List<ServiceView> services,
            List<SeatView> seats,
            Range total,
            String headline,
            List<BucketView> buckets) {}

    /** {@code endUtc}: the period's end, exclusive. */
    record PeriodView(LocalDate from, LocalDate to, String timeZone, Instant endUtc) {}

    /** Units so far and at the period's end; {@code high} null when nothing bounds what is to come. */
    record ServiceView(String key, long soFar, long point, long low, Long high) {}

    record SeatView(String role, long users, String amount) {}

    /**
     * A bucket of the period's grouping not begun at the as-of, as the point forecast sees it: units
     * per service key (in the services' order) and billable users per role. What the charts draw
     * as their dotted continuation; none when there is no history to project from.
     */
    record BucketView(LocalDate first, LocalDate last, Map<String, Long> services, Map<String, Long> usersByRole) {}

    /** Money as plain decimal strings, as in the export. */
    record Range(String point, String low, String high) {}

    private final ForecastService forecasts;
    private final SourceRegistry sources;
    private final Clock clock;
    private final DateLimits dates;
    private final Locale locale;

    ForecastApi(
            ForecastService forecasts, SourceRegistry sources, Clock clock, DateLimits dates, ReportProperties report) {
        this.forecasts = forecasts;
        this.sources = sources;
        this.clock = clock;
        this.dates = dates;
        this.locale = report.locale();
    }

    @GetMapping("/forecast")
    @Operation(
            summary =
                    "The period projected to its end: per service units so far and projected (point and 80 %"
                            + " interval), seats, and the estimated total (point and interval); empty, saying why, once it has ended")
    ForecastView forecast(@ParameterObject DashboardApi.Filters filters, Authentication user) {
        TenantScope scope = TenantScope.of(user);
        DashboardQuery query = DashboardQuery.resolve(
                DashboardApi.source(sources, scope, filters.source()),
                filters.preset(),
                filters.from(),
                filters.to(),
                filters.groupBy(),
                clock,
                dates,
                scope);
        Instant asOf = clock.instant();
        PeriodView period = new PeriodView(
                query.from(),
                query.to(),
                query.period().zone().getId(),
                query.period().endUtc());
        if (!query.period().endUtc().isAfter(asOf)) {
            return new ForecastView(
                    query.source(),
                    query.preset(),
                    period,
                    asOf,
                    false,
                    text("forecast.closed", query.from(), query.to()),
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    List.of(),
                    null,
                    null,
                    List.of());
        }
        Forecast forecast;
        List<Forecaster.BucketForecast> byBucket;
        try {
            forecast = forecasts.forecast(query.source(), query.period(), asOf);
            byBucket = forecasts.byBucket(query.source(), query.period(), query.groupBy(), asOf);
        } catch (NoDataException e) {
            throw Refusal.notFound("error.neverSynced", query.source());
        }
        List<ServiceView> services =
                forecast.services().stream().map(ForecastApi::service).toList();
        List<SeatView> seats = forecast.point().lines().stream()
                .filter(l -> l.kind() == EstimateLine.Kind.SEAT)
                .map(l -> new SeatView(l.key(), l.quantity(), l.amount().toPlainString()))
                .toList();
        Range total = new Range(
                plain(forecast.point().total()),
                plain(forecast.low().total()),
                forecast.high() == null ? null : plain(forecast.high().total()));
        return new ForecastView(
                query.source(),
                query.preset(),
                period,
                asOf,
                true,
                message(forecast),
                forecast.method().code(),
                forecast.daysOfHistory(),
                forecast.daysToCome(),
                forecast.point().currency(),
                services,
                seats,
                total,
                headline(forecast),
                byBucket.stream().map(ForecastApi::bucket).toList());
    }

    private static BucketView bucket(Forecaster.BucketForecast b) {
        Map<String, Long> units = new LinkedHashMap<>();
        for (ServiceKey key : ServiceKey.values()) {
            units.put(key.key(), b.units().getOrDefault(key, 0L));
        }
        return new BucketView(b.bucket().first(), b.bucket().last(), units, new TreeMap<>(b.usersByRole()));
    }

    /**
     * "Proyección al cierre: 61,2 M COP (58,9–63,8 M)": the total's point and 80 % range, in millions
     * with one decimal (half up) once the point reaches a million, else in whole units, grouped as
     * the reports group; with no history, the figure so far as a floor.
     */
    private String headline(Forecast forecast) {
        BigDecimal point = forecast.point().total();
        String currency = forecast.point().currency();
        boolean millions = point.abs().compareTo(MILLION) >= 0;
        if (forecast.high() == null) {
            return text("forecast.headline.unbounded", compact(point, millions, true), currency);
        }
        return text(
                "forecast.headline",
                compact(point, millions, true),
                currency,
                compact(forecast.low().total(), millions, false),
                compact(forecast.high().total(), millions, true));
    }

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private String compact(BigDecimal amount, boolean millions, boolean unit) {
        return compact(amount, millions, unit, "en".equals(locale.getLanguage()));
    }

    /**
     * An amount as the headline shows it: "61,2 M" (in millions, with its unit when {@code unit}), or
     * "840.000"; grouped and pointed as the reports do in Spanish, or in English.
     */
    static String compact(BigDecimal amount, boolean millions, boolean unit, boolean english) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator(english ? ',' : '.');
        symbols.setDecimalSeparator(english ? '.' : ',');
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat(millions ? "#,##0.0" : "#,##0", symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        if (!millions) {
            return format.format(amount);
        }
        String figure = format.format(amount.divide(MILLION, 1, RoundingMode.HALF_UP));
        return unit ? figure + " M" : figure;
    }

    private static ServiceView service(ServiceForecast s) {
        return new ServiceView(s.key().key(), s.soFar(), s.point(), s.low(), s.high());
    }

    private String message(Forecast forecast) {
        return switch (forecast.method()) {
            case SHORT_HISTORY -> text("forecast.shortHistory", forecast.daysOfHistory());
            case NO_HISTORY -> text("forecast.noHistory");
            default -> null;
        };
    }

    private String text(String key, Object... arguments) {
        ResourceBundle messages = ResourceBundle.getBundle(
                "messages/forecast",
                locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Object[] texts = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            texts[i] = String.valueOf(arguments[i]);
        }
        return new MessageFormat(messages.getString(key), locale).format(texts);
    }

    private static String plain(BigDecimal amount) {
        return amount.toPlainString();
    }
}
