package com.contactcenter.billing.web;

import com.contactcenter.billing.report.ReportProperties;
import com.contactcenter.billing.snapshot.ChangeBreakdown;
import com.contactcenter.billing.snapshot.ChangeWording;
import com.contactcenter.billing.snapshot.Snapshot;
import com.contactcenter.billing.snapshot.SnapshotService;
import com.contactcenter.billing.source.SourceRegistry;
import com.contactcenter.billing.validation.DateLimits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Why the estimate of one period moved between two of its versions: {@code GET /api/snapshots/diff}
 * with the key ({@code source}, {@code from}, {@code to}, {@code groupBy}) and, optionally, the
 * version numbers {@code fromVersion} and {@code toVersion} (default: the two newest). Scoped like
 * every path: a source the account may not see answers 404, as one that does not exist.
 */
@RestController
@RequestMapping("/api/snapshots")
@Tag(name = "Snapshots", description = "Versions of a period's figures and why they moved")
class SnapshotDiffApi {

    private final SnapshotService snapshots;
    private final SourceRegistry sources;
    private final Clock clock;
    private final DateLimits dates;
    private final ChangeWording words;

    SnapshotDiffApi(
            SnapshotService snapshots, SourceRegistry sources, Clock clock, DateLimits dates, ReportProperties report) {
        this.snapshots = snapshots;
        this.sources = sources;
        this.clock = clock;
        this.dates = dates;
        this.words = ChangeWording.forLocale(report.locale());
    }

    record VersionView(String id, int version, String asOf, String computedAt) {}

    record MemberView(long id, String name) {}

    record BucketView(LocalDate bucket, long oldUnits, long newUnits) {}

    /** Money as plain decimal strings (the export's convention); {@code label}, {@code detail} and {@code amountText} worded. */
    record PartView(
            String kind,
            String key,
            String label,
            String detail,
            long oldQuantity,
            long newQuantity,
            String oldPrice,
            String newPrice,
            String amount,
            String amountText,
            List<MemberView> added,
            List<MemberView> ended,
            List<BucketView> buckets) {}

    /**
     * {@code versions} is how many versions the key has; with fewer than two, {@code message} says so
     * and there is nothing else. {@code sum} equals {@code difference} whenever {@code comparable}.
     */
    record DiffView(
            String source,
            LocalDate from,
            LocalDate to,
            String groupBy,
            int versions,
            String message,
            VersionView older,
            VersionView newer,
            Boolean comparable,
            String currency,
            String oldTotal,
            String newTotal,
            String difference,
            String sum,
            List<String> heading,
            List<String> columns,
            String sumText,
            String order,
            List<PartView> parts) {}

    @GetMapping("/diff")
    @Operation(
            summary = "Why the estimate moved between two versions of a period: parts (price, users added and"
                    + " ended per role, usage per service and the buckets it changed in, rounding) that add up"
                    + " exactly to the total difference")
    DiffView diff(
            @Parameter(description = "the source (tenant)") @RequestParam(required = false) String source,
            @Parameter(description = "first local date, YYYY-MM-DD") @RequestParam(required = false) String from,
            @Parameter(description = "last local date, YYYY-MM-DD (inclusive)") @RequestParam(required = false)
                    String to,
            @Parameter(description = "day, week or month (default)") @RequestParam(required = false) String groupBy,
            @Parameter(description = "the older version's number; default the one before toVersion")
                    @RequestParam(required = false)
                    String fromVersion,
            @Parameter(description = "the newer version's number; default the newest") @RequestParam(required = false)
                    String toVersion,
            Authentication user) {
        TenantScope scope = TenantScope.of(user);
        if (source == null || source.isBlank()) {
            throw Refusal.badRequest("error.sourceRequired");
        }
        DashboardQuery query = DashboardQuery.resolve(
                DashboardApi.source(sources, scope, source),
                DashboardQuery.CUSTOM,
                from,
                to,
                groupBy,
                clock,
                dates,
                scope);
        Integer olderNumber = version("fromVersion", fromVersion);
        Integer newerNumber = version("toVersion", toVersion);
        List<Snapshot> versions = snapshots.versions(query.source(), query.from(), query.to(), query.groupBy());
        Snapshot newer = newerNumber == null ? versions.stream().findFirst().orElse(null) : find(versions, newerNumber);
        Snapshot older = olderNumber != null
                ? find(versions, olderNumber)
                : newer == null
                        ? null
                        : versions.stream()
                                .filter(v -> v.version() < newer.version())
                                .findFirst()
                                .orElse(null);
        if (newer == null || older == null) {
            String message = words.text(
                    "diff.error.versions",
                    query.source(),
                    query.from().toString(),
                    query.to().toString(),
                    query.groupBy().code(),
                    String.valueOf(versions.size()));
            return new DiffView(
                    query.source(),
                    query.from(),
                    query.to(),
                    query.groupBy().code(),
                    versions.size(),
                    message,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    columns(),
                    null,
                    null,
                    List.of());
        }
        ChangeBreakdown b = snapshots.explain(older, newer);
        return new DiffView(
                b.source(),
                b.from(),
                b.to(),
                b.groupBy(),
                versions.size(),
                b.comparable() && b.parts().isEmpty() ? words.text("diff.none") : null,
                view(b.older()),
                view(b.newer()),
                b.comparable(),
                b.currency(),
                plain(b.oldTotal()),
                plain(b.newTotal()),
                b.comparable() ? plain(b.difference()) : null,
                b.comparable() ? plain(b.sum()) : null,
                words.heading(b),
                columns(),
                b.comparable() ? words.text("diff.sum", words.signed(b.sum(), b.scale()) + " " + b.currency()) : null,
                words.text("diff.order"),
                b.parts().stream().map(p -> part(p, b.scale())).toList());
    }

    /** The headers of the parts' table: part, amount, detail. */
    private List<String> columns() {
        return List.of(
                words.text("diff.header.part"), words.text("diff.header.amount"), words.text("diff.header.detail"));
    }

    private PartView part(ChangeBreakdown.Part p, int scale) {
        return new PartView(
                p.kind().code(),
                p.key(),
                words.label(p),
                words.detail(p, scale),
                p.oldQuantity(),
                p.newQuantity(),
                plain(p.oldPrice()),
                plain(p.newPrice()),
                plain(p.amount()),
                words.signed(p.amount(), scale),
                p.added().stream().map(m -> new MemberView(m.id(), m.name())).toList(),
                p.ended().stream().map(m -> new MemberView(m.id(), m.name())).toList(),
                p.buckets().stream()
                        .map(c -> new BucketView(c.bucket(), c.oldUnits(), c.newUnits()))
                        .toList());
    }

    private static VersionView view(ChangeBreakdown.VersionInfo v) {
        return new VersionView(
                v.id(),
                v.number(),
                v.asOf() == null ? null : v.asOf().toString(),
                v.computedAt() == null ? null : v.computedAt().toString());
    }

    private Snapshot find(List<Snapshot> versions, int number) {
        return versions.stream()
                .filter(v -> v.version() == number)
                .findFirst()
                .orElseThrow(() -> Refusal.notFound("error.noVersion", String.valueOf(number)));
    }

    private static Integer version(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            int number = Integer.parseInt(text.strip());
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw Refusal.badRequest("error.version", name, text.strip());
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }
}
