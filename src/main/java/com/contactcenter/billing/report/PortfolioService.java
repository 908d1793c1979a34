package com.contactcenter.billing.report;

import com.contactcenter.billing.pricing.PricingProperties;
import com.contactcenter.billing.report.excel.PortfolioCsvWriter;
import com.contactcenter.billing.report.excel.PortfolioWorkbookWriter;
import com.contactcenter.billing.snapshot.NoDataException;
import com.contactcenter.billing.snapshot.Snapshot;
import com.contactcenter.billing.snapshot.SnapshotFigures;
import com.contactcenter.billing.snapshot.SnapshotFigures.Coverage;
import com.contactcenter.billing.snapshot.SnapshotFigures.Estimate;
import com.contactcenter.billing.snapshot.SnapshotReader;
import com.contactcenter.billing.snapshot.SnapshotService;
import com.contactcenter.billing.source.SourceProperties;
import com.contactcenter.billing.source.SourceRegistry;
import com.contactcenter.billing.sync.SyncProperties;
import com.contactcenter.billing.usage.GroupBy;
import com.contactcenter.billing.usage.Plan;
import com.contactcenter.billing.warehouse.SyncRunStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The platform's portfolio of a month: every tenant's newest snapshot of the month (computed where
 * there is none, {@code billing.sync.concurrency} tenants at a time), read without its users, as one
 * workbook and a CSV, written like the other reports (temporary files moved into place).
 */
@Service
public class PortfolioService {

    public enum Format {
        XLSX,
        CSV;

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Format parse(String text) {
            return ReportService.parse(Format.class, text, "portfolio format must be xlsx or csv");
        }
    }

    /** The files written, and what they show. */
    public record Rendered(Portfolio portfolio, List<Path> files) {}

    private static final Logger log = LoggerFactory.getLogger(PortfolioService.class);

    private final SnapshotService snapshots;
    private final SourceRegistry sources;
    private final SyncRunStore runs;
    private final ReportProperties report;
    private final SyncProperties sync;
    private final PricingProperties pricing;

    PortfolioService(
            SnapshotService snapshots,
            SourceRegistry sources,
            SyncRunStore runs,
            ReportProperties report,
            SyncProperties sync,
            PricingProperties pricing) {
        this.snapshots = snapshots;
        this.sources = sources;
        this.runs = runs;
        this.report = report;
        this.sync = sync;
        this.pricing = pricing;
    }

    public static String fileName(YearMonth month, Format format) {
        return "billing-portfolio_" + month + "." + format.extension();
    }

    public Rendered render(YearMonth month, List<Format> formats, Path outDir) {
        Path dir = ReportService.prepare(outDir);
        Portfolio portfolio = collect(month);
        Locale locale = report.locale();
        Map<Path, AtomicFiles.Body> files = new LinkedHashMap<>();
        for (Format format : formats) {
            files.put(dir.resolve(fileName(month, format)), out -> {
                switch (format) {
                    case XLSX -> new PortfolioWorkbookWriter(report.template()).write(portfolio, locale, out);
                    case CSV -> new PortfolioCsvWriter().write(portfolio, locale, out);
                }
            });
        }
        List<Path> written = AtomicFiles.writeAll(files);
        log.info("portfolio of {}: {} tenants, {}", month, portfolio.tenants().size(), portfolio.byStatus());
        return new Rendered(portfolio, written);
    }

    /** Every tenant's row, in the registry's order (YAML sources, then the directory's). */
    public Portfolio collect(YearMonth month) {
        List<String> names = sources.names();
        ExecutorService pool =
                Executors.newFixedThreadPool(Math.max(1, Math.min(names.size(), sync.concurrency())), r -> {
                    Thread t = new Thread(r, "portfolio");
                    t.setDaemon(true);
                    return t;
                });
        try {
            List<Future<Portfolio.Tenant>> rows = new ArrayList<>();
            for (String name : names) {
                rows.add(pool.submit(() -> tenant(name, month)));
            }
            List<Portfolio.Tenant> tenants = new ArrayList<>();
            for (Future<Portfolio.Tenant> row : rows) {
                tenants.add(row.get());
            }
            TreeSet<String> roles = new TreeSet<>();
            tenants.stream()
                    .filter(Portfolio.Tenant::hasFigures)
                    .forEach(t -> roles.addAll(t.usersByRole().keySet()));
            return new Portfolio(month, List.copyOf(roles), tenants);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReportException("interrupted while reading the tenants' snapshots", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r
                    ? r
                    : new ReportException(e.getCause().getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One tenant's row: its newest snapshot of the month, or what is known without one. */
    private Portfolio.Tenant tenant(String name, YearMonth month) {
        SourceProperties source = sources.require(name);
        Plan plan = pricing.plan(source.plan());
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        boolean failed = runs.latestOverlapping(name, from, to)
                .filter(r -> r.status() == SyncRunStore.Status.FAILED)
                .isPresent();
        Snapshot snapshot;
        try {
            snapshot = snapshots.newestOrCompute(name, from, to, GroupBy.MONTH);
        } catch (NoDataException neverSynced) {
            return new Portfolio.Tenant(
                    name,
                    source.timeZone().getId(),
                    plan.name(),
                    plan.pricing().currency(),
                    plan.pricing().scale(),
                    Map.of(),
                    Map.of(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    month.lengthOfMonth(),
                    null,
                    null,
                    failed ? Portfolio.Status.FAILED_SYNC : Portfolio.Status.NO_DATA);
        }
        snapshots.markReported(snapshot);
        SnapshotFigures figures = SnapshotReader.figures(snapshot);
        Estimate estimate = figures.estimate();
        BigDecimal change = previousTotal(name, month.minusMonths(1), estimate.currency())
                .map(estimate.total()::subtract)
                .orElse(null);
        Coverage coverage = figures.coverage();
        Portfolio.Status status = failed
                ? Portfolio.Status.FAILED_SYNC
                : coverage.daysSynced() < coverage.days() ? Portfolio.Status.INCOMPLETE : Portfolio.Status.OK;
        String planName = snapshot.plan() != null ? snapshot.plan().plan() : pricing.defaultPlan();
        Map<String, Long> usersByRole = new LinkedHashMap<>();
        figures.usersByRole().forEach(r -> usersByRole.put(r.role(), r.users()));
        Map<String, Long> unitsByService = new LinkedHashMap<>();
        figures.services().forEach(s -> unitsByService.put(s.key(), s.units()));
        return new Portfolio.Tenant(
                name,
                figures.timeZone(),
                planName,
                estimate.currency(),
                estimate.scale(),
                usersByRole,
                unitsByService,
                estimate.seatsAmount(),
                estimate.servicesAmount(),
                estimate.total(),
                change,
                coverage.daysSynced(),
                coverage.days(),
                snapshot.asOf(),
                snapshot.version(),
                status);
    }

    /** The previous month's total from its newest snapshot (never computed here), when in the same currency. */
    private Optional<BigDecimal> previousTotal(String name, YearMonth previous, String currency) {
        return snapshots
                .newest(name, previous.atDay(1), previous.atEndOfMonth(), GroupBy.MONTH)
                .map(s -> SnapshotReader.figures(s).estimate())
                .filter(e -> e.currency().equals(currency))
                .map(Estimate::total);
    }
}
