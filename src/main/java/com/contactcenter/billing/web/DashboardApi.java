package com.contactcenter.billing.web;

import com.contactcenter.billing.report.ReportService;
import com.contactcenter.billing.snapshot.Snapshot;
import com.contactcenter.billing.snapshot.SnapshotUser;
import com.contactcenter.billing.source.SourceProperties;
import com.contactcenter.billing.source.SourceRegistry;
import com.contactcenter.billing.validation.DateLimits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON behind every section of the dashboard. Every figure comes from a stored snapshot (computed
 * from the warehouse when its key has none yet); nothing here reads a tenant's database. The
 * filters are the page's: {@code source}, {@code preset} (today, this-week, this-month, last-month,
 * custom with {@code from} and {@code to}) and {@code groupBy} (day, week, month).
 */
@RestController
@RequestMapping("/api/dashboard")
@Tag(name = "Dashboard", description = "The billing screens' figures, read from snapshots")
class DashboardApi {

    record SourceView(String name, String timeZone) {}

    private final DashboardViews views;
    private final SourceRegistry sources;
    private final ReportService reports;
    private final Clock clock;
    private final DateLimits dates;

    DashboardApi(DashboardViews views, SourceRegistry sources, ReportService reports, Clock clock, DateLimits dates) {
        this.views = views;
        this.sources = sources;
        this.reports = reports;
        this.clock = clock;
        this.dates = dates;
    }

    @GetMapping("/sources")
    @Operation(summary = "The sources (tenants) the dashboard can show")
    List<SourceView> sources(Authentication user) {
        return TenantScope.of(user).visible(sources.names()).stream()
                .map(name ->
                        new SourceView(name, sources.require(name).timeZone().getId()))
                .toList();
    }

    @GetMapping("/summary")
    @Operation(summary = "Period, snapshot and freshness, download links, billable users per role, the estimated total")
    DashboardViews.Summary summary(@ParameterObject Filters filters, Authentication user) {
        DashboardQuery query = query(filters, user);
        return views.summary(query, views.load(query));
    }

    @GetMapping("/users")
    @Operation(summary = "Billable users of the period: searchable (name, email, role), sortable, paginated")
    DashboardViews.UserPage users(
            @ParameterObject Filters filters,
            @RequestParam(required = false) String q,
            @Parameter(
                            description =
                                    "id, name, email, role, channels, sessions, messagesSent, calls, callMinutes, lastLoginAt")
                    @RequestParam(required = false)
                    String sort,
            @Parameter(description = "asc or desc") @RequestParam(required = false) String dir,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "25") int size,
            Authentication user) {
        DashboardQuery query = query(filters, user);
        checkUserTable(sort, dir, page, size);
        return views.users(views.load(query, filters.snapshot()), q, sort, dir, page, size);
    }

    @GetMapping("/users/{userId}")
    @Operation(summary = "One user's detail: channels assigned (name and type) and activity per bucket")
    SnapshotUser.Detail user(@PathVariable long userId, @ParameterObject Filters filters, Authentication user) {
        return views.user(views.load(query(filters, user), filters.snapshot()), userId);
    }

    @GetMapping("/services")
    @Operation(summary = "Per service: count, units, unit price and estimated amount; seat lines; the estimated total")
    DashboardViews.Services services(@ParameterObject Filters filters, Authentication user) {
        return views.services(views.load(query(filters, user), filters.snapshot()));
    }

    @GetMapping("/comparison")
    @Operation(
            summary = "Like for like: the period's days begun at the as-of against the same stretch of the"
                    + " previous calendar unit (a preset) or of the same days before (a custom range)")
    DashboardViews.Comparison comparison(@ParameterObject Filters filters, Authentication user) {
        DashboardQuery query = query(filters, user);
        return views.comparison(query, views.load(query, filters.snapshot()));
    }

    @GetMapping("/consumption")
    @Operation(
            summary = "Consumption per service and billable users per role over time, the like-for-like"
                    + " comparison (as /comparison), WhatsApp inbound and outbound per channel")
    DashboardViews.Consumption consumption(@ParameterObject Filters filters, Authentication user) {
        DashboardQuery query = query(filters, user);
        return views.consumption(query, views.load(query, filters.snapshot()));
    }

    @GetMapping("/snapshots/{snapshotId}/download/{format}")
    @Operation(summary = "The snapshot as xlsx, pdf or its JSON export; looked up by snapshot id only")
    ResponseEntity<Resource> download(@PathVariable String snapshotId, @PathVariable String format, Authentication user)
            throws IOException {
        TenantScope scope = TenantScope.of(user);
        DashboardViews.Parsed parsed = views.byId(snapshotId, s -> scope.sees(s.source()))
                .orElseThrow(() -> Refusal.notFound("error.noSnapshot"));
        String f = format.toLowerCase(Locale.ROOT);
        if (f.equals("json")) {
            Snapshot snapshot = parsed.snapshot();
            String name = ReportService.fileName(parsed.snapshot(), ReportService.Format.XLSX)
                    .replace(".xlsx", ".json");
            return attachment(name, MediaType.APPLICATION_JSON, snapshot.openDocument());
        }
        ReportService.Format reportFormat;
        try {
            reportFormat = ReportService.Format.parse(f);
        } catch (IllegalArgumentException e) {
            throw Refusal.badRequest("error.downloadFormat", format);
        }
        MediaType type = reportFormat == ReportService.Format.PDF ? MediaType.APPLICATION_PDF : XLSX;
        return renderedAttachment(
                dir -> reports.render(parsed.snapshot(), List.of(reportFormat), dir)
                        .files()
                        .get(0),
                type);
    }

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /**
     * The file {@code render} writes into a temporary folder, sent as an attachment; the folder goes
     * when the answer has been sent (the stream is closed), whatever happens.
     */
    static ResponseEntity<Resource> renderedAttachment(java.util.function.Function<Path, Path> render, MediaType type)
            throws IOException {
        Path dir = tempDir();
        InputStream file;
        String name;
        try {
            Path rendered = render.apply(dir);
            name = rendered.getFileName().toString();
            file = new FilterInputStream(Files.newInputStream(rendered)) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        deleteQuietly(dir);
                    }
                }
            };
        } catch (RuntimeException | IOException e) {
            deleteQuietly(dir);
            throw e;
        }
        return attachment(name, type, file);
    }

    /** The users table's columns to sort by. */
    static final List<String> USER_SORTS = List.of(
            "id",
            "name",
            "email",
            "role",
            "channels",
            "sessions",
            "messagesSent",
            "calls",
            "callMinutes",
            "lastLoginAt");

    /** The users table's parameters, refused before the snapshot is read. */
    private static void checkUserTable(String sort, String dir, int page, int size) {
        if (page < 1 || size < 1 || size > 500) {
            throw Refusal.badRequest("error.usersPage");
        }
        if (sort != null && !sort.isBlank() && !USER_SORTS.contains(sort)) {
            throw Refusal.badRequest("error.usersSort", sort);
        }
        if (dir != null && !dir.isBlank() && !dir.equalsIgnoreCase("asc") && !dir.equalsIgnoreCase("desc")) {
            throw Refusal.badRequest("error.usersDir", dir);
        }
    }

    /** The page's filters, as query parameters. */
    record Filters(
            @Parameter(description = "the source (tenant); the first configured one when absent")
            String source,

            @Parameter(description = "today (default), this-week, this-month, last-month or custom")
            String preset,

            @Parameter(description = "with preset=custom: first local date, YYYY-MM-DD")
            String from,

            @Parameter(description = "with preset=custom: last local date, YYYY-MM-DD (inclusive)")
            String to,

            @Parameter(description = "day, week or month (default)")
            String groupBy,

            @Parameter(
                    description = "the id of the snapshot /summary named: every section then reads that one"
                            + " version (it must be a version of this view's key); else the current one")
            String snapshot) {}

    /** The filters resolved for this account: a source it may not see is as absent as one that does not exist. */
    private DashboardQuery query(Filters filters, Authentication user) {
        TenantScope scope = TenantScope.of(user);
        return DashboardQuery.resolve(
                source(sources, scope, filters.source()),
                filters.preset(),
                filters.from(),
                filters.to(),
                filters.groupBy(),
                clock,
                dates,
                scope);
    }

    /** The named source if the account may see it; without a name, the first one it may see. */
    static SourceProperties source(SourceRegistry sources, TenantScope scope, String name) {
        if (name == null || name.isBlank()) {
            return scope.visible(sources.names()).stream()
                    .findFirst()
                    .map(sources::require)
                    .orElseThrow(() -> Refusal.notFound("error.noSources"));
        }
        return sources.find(name.strip())
                .filter(s -> scope.sees(s.name()))
                .orElseThrow(() -> Refusal.notFound(JobsController.NO_SOURCE));
    }

    /** Sent on the request's own thread, streamed from {@code body}, which is closed at the end. */
    private static ResponseEntity<Resource> attachment(String fileName, MediaType type, InputStream body) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(new InputStreamResource(body));
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("billing-download");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the report", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            delete(dir);
        } catch (IOException e) {
            // a temporary folder left behind is removed with the system's temporary files
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
