package com.contactcenter.billing.snapshot;

import com.contactcenter.billing.usage.UsageReport;
import com.contactcenter.billing.usage.UsageReport.RoleSeriesPoint;
import com.contactcenter.billing.usage.UsageReport.RoleUsers;
import com.contactcenter.billing.usage.UsageReport.WhatsappChannel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A snapshot's export document ({@code contract/export-json.md}) but its users, as typed figures:
 * what every report, screen, comparison and summary shows, read by {@link SnapshotReader}. The
 * users, many, are read one at a time ({@link SnapshotUser}). Text is as stored, money keeps the
 * scale the document wrote it with, counts and units are longs. Where the document holds a figure
 * exactly as the rules computed it, the rules' own record is used ({@link UsageReport}); keys and
 * codes stay text, as a document may hold one this version does not know.
 */
public record SnapshotFigures(
        String source,
        String timeZone,
        PeriodBounds period,
        String groupBy,
        Version version,
        Coverage coverage,
        List<RoleUsers> usersByRole,
        List<ServiceUsage> services,
        List<WhatsappChannel> whatsapp,
        List<SeriesPoint> series,
        List<RoleSeriesPoint> usersByRoleSeries,
        Estimate estimate,
        List<Finding> dataQuality,
        Optional<ForecastFigures> forecast) {

    public SnapshotFigures {
        forecast = forecast == null ? Optional.empty() : forecast;
    }

    /** A document without a forecast block: a period over at its as-of, or a version written before forecasts. */
    public SnapshotFigures(
            String source,
            String timeZone,
            PeriodBounds period,
            String groupBy,
            Version version,
            Coverage coverage,
            List<RoleUsers> usersByRole,
            List<ServiceUsage> services,
            List<WhatsappChannel> whatsapp,
            List<SeriesPoint> series,
            List<RoleSeriesPoint> usersByRoleSeries,
            Estimate estimate,
            List<Finding> dataQuality) {
        this(
                source,
                timeZone,
                period,
                groupBy,
                version,
                coverage,
                usersByRole,
                services,
                whatsapp,
                series,
                usersByRoleSeries,
                estimate,
                dataQuality,
                Optional.empty());
    }

    /**
     * The document's {@code forecast} block: the period projected to its end ({@code periodEnd}, the
     * last local date) as of the snapshot's as-of. {@code high} values are null when nothing bounds
     * what is to come ({@code no-history}).
     */
    public record ForecastFigures(
            LocalDate periodEnd,
            Instant endUtc,
            String method,
            int daysOfHistory,
            double daysToCome,
            List<ServiceRange> services,
            BigDecimal totalPoint,
            BigDecimal totalLow,
            BigDecimal totalHigh) {

        /** Fewer synced days of history than the weekday method needs: the range is wide on purpose. */
        public boolean shortHistory() {
            return "short-history".equals(method) || "no-history".equals(method);
        }
    }

    /** One service's units so far and projected to the period's end. */
    public record ServiceRange(String key, long soFar, long point, long low, Long high) {}

    /** The local dates, both inclusive, and the UTC instants {@code [startUtc, endUtc)} they cover. */
    public record PeriodBounds(LocalDate from, LocalDate to, Instant startUtc, Instant endUtc) {}

    /**
     * The document's {@code snapshot} block. A document written for its content hash has only the
     * as-of and the sync runs: its id and computed-at are null, its number 0.
     */
    public record Version(String id, int number, Instant asOf, Instant computedAt, List<Long> syncRunIds) {}

    /** The period's days, and how many of them the warehouse had synced. */
    public record Coverage(long days, long daysSynced) {}

    public record ServiceUsage(String key, long count, long units) {}

    public record SeriesPoint(LocalDate bucket, String key, long count, long units) {}

    /** {@code plan} is null when the document names none (the single list of prices, versions before plans). */
    public record Estimate(String currency, int scale, PlanStamp plan, List<EstimateLine> lines, BigDecimal total) {

        public List<EstimateLine> seats() {
            return lines.stream().filter(EstimateLine::seat).toList();
        }

        public Optional<EstimateLine> seat(String role) {
            return lines.stream().filter(l -> l.seat() && l.key().equals(role)).findFirst();
        }

        public Optional<EstimateLine> service(String key) {
            return lines.stream()
                    .filter(l -> l.service() && l.key().equals(key))
                    .findFirst();
        }

        /** The seat lines' amounts summed, at the estimate's scale. */
        public BigDecimal seatsAmount() {
            return sum(seats());
        }

        /** Every other line's amount summed, at the estimate's scale. */
        public BigDecimal servicesAmount() {
            return sum(lines.stream().filter(l -> !l.seat()).toList());
        }

        private BigDecimal sum(List<EstimateLine> some) {
            return some.stream().map(EstimateLine::amount).reduce(BigDecimal.ZERO.setScale(scale), BigDecimal::add);
        }
    }

    /** {@code kind} is {@code seat} or {@code service}; an unpriced line is estimated at 0, never left out. */
    public record EstimateLine(
            String kind, String key, long quantity, BigDecimal unitPrice, BigDecimal amount, boolean priced) {

        public boolean seat() {
            return "seat".equals(kind);
        }

        public boolean service() {
            return "service".equals(kind);
        }
    }

    public record Finding(String reason, long count) {}

    /** A service's usage with the price and amount of its estimate line. */
    public record PricedService(
            String key, long count, long units, BigDecimal unitPrice, BigDecimal amount, boolean priced) {}

    /** The buckets of the series, in order. */
    public List<LocalDate> buckets() {
        return series.stream().map(SeriesPoint::bucket).distinct().toList();
    }

    /** Each service, in the document's order, with its estimate line's price and amount. */
    public List<PricedService> pricedServices() {
        return services.stream()
                .map(s -> {
                    EstimateLine line = estimate.service(s.key())
                            .orElseThrow(
                                    () -> new IllegalStateException("the estimate has no line for service " + s.key()));
                    return new PricedService(
                            s.key(), s.count(), s.units(), line.unitPrice(), line.amount(), line.priced());
                })
                .toList();
    }

    /** Rows and users left out of the figures, every reason summed. */
    public long findings() {
        return dataQuality.stream().mapToLong(Finding::count).sum();
    }
}
