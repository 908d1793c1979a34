package com.contactcenter.billing.config;

import com.contactcenter.billing.usage.Plan;
import com.contactcenter.billing.usage.Pricing;
import com.contactcenter.billing.usage.ServiceKey;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything under {@code billing.*}: sources (tenants), sync settings, pricing, output folders,
 * and for the service ({@code serve}) the schedule, the API accounts and the sync lock.
 */
@ConfigurationProperties("billing")
public record BillingProperties(List<SourceProperties> sources, @DefaultValue SyncProperties sync,
        @DefaultValue PricingProperties pricing, @DefaultValue("./data/exports") Path exportDir,
        @DefaultValue ReportProperties report, @DefaultValue ScheduleProperties schedule,
        @DefaultValue SecurityProperties security, @DefaultValue LockProperties lock,
        @DefaultValue SnapshotProperties snapshot, @DefaultValue DirectoryProperties directory) {

    private static final Pattern SOURCE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,59}");

    /** What {@link #isSourceName} accepts, for messages. */
    public static final String SOURCE_NAME_RULE = "1-60 letters, digits, '.', '_' or '-'";

    public BillingProperties {
        sources = sources == null ? List.of() : List.copyOf(sources);
        directory = directory == null ? new DirectoryProperties(null, null, null, null, null, null, null, null) : directory;
        pricing = pricing == null ? new PricingProperties("COP", 2, null, null, null, null) : pricing;
        Set<String> plans = pricing.allPlans().keySet();
        Set<String> seen = new HashSet<>();
        for (SourceProperties s : sources) {
            if (!isSourceName(s.name())) {
                throw new IllegalArgumentException("billing.sources[].name must be " + SOURCE_NAME_RULE + ", not '"
                        + s.name() + "'");
            }
            if (!seen.add(s.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("billing.sources has the name '" + s.name() + "' twice");
            }
            if (s.url() == null || s.url().isBlank()) {
                throw new IllegalArgumentException("billing.sources '" + s.name() + "' has no url");
            }
            if (s.plan() != null && !plans.contains(s.plan())) {
                throw new IllegalArgumentException("billing.sources '" + s.name() + "' has the plan '" + s.plan()
                        + "', which is not in billing.pricing.plans (plans: " + String.join(", ", plans) + ")");
            }
        }
        // with a directory, a name that is no YAML source may be a directory tenant, known only once it is read
        for (Account account : directory.configured() ? List.<Account>of() : security.accounts()) {
            for (String tenant : account.tenants()) {
                if (!tenant.equals(Account.ALL_TENANTS) && sources.stream().noneMatch(s -> s.name().equals(tenant))) {
                    throw new IllegalArgumentException("billing.security.accounts '" + account.name()
                            + "' has the tenant '" + tenant + "', which is not a source in billing.sources (or '*')");
                }
            }
        }
    }

    public List<String> sourceNames() {
        return sources.stream().map(SourceProperties::name).toList();
    }

    /** Whether {@code name} may name a source, from YAML or the directory: it is used in file names. */
    public static boolean isSourceName(String name) {
        return name != null && SOURCE_NAME.matcher(name).matches();
    }

    /**
     * A tenant's operational database. {@code password} comes from the environment
     * (for example {@code password: ${ACME_DB_PASSWORD}}); {@code queries} overrides any of the
     * default extraction queries by name (roles, users, channels, user-channels, user-sessions,
     * messages, calls, bot-sessions), returning the same columns. {@code plan} names the tenant's
     * plan in {@code billing.pricing.plans}; absent, the default plan.
     */
    public record SourceProperties(String name, String url, String username, String password,
            @DefaultValue("America/Bogota") ZoneId timeZone, Map<String, String> queries,
            @DefaultValue("30m") Duration queryTimeout, List<String> initSql,
            @DefaultValue("10s") Duration connectTimeout, String plan) {

        public SourceProperties {
            plan = plan == null || plan.isBlank() ? null : plan.strip();
            queries = queries == null ? Map.of() : Map.copyOf(queries);
            initSql = initSql == null ? List.of() : List.copyOf(initSql);
        }

        @Override
        public String toString() {
            return "source '" + name + "' (" + url + ")";
        }
    }

    /**
     * The platform's control database, where tenants are listed besides {@code billing.sources}
     * (README, "Tenant directory"). It is only ever read, in a read-only transaction.
     *
     * @param url JDBC url of the control database; blank: no directory
     * @param username account of the control database (read-only is enough)
     * @param password its password, from the environment
     * @param query returns one row per tenant: {@code name, url, time_zone}, optionally
     *     {@code username} and {@code enabled}
     * @param sourceUsername the shared read-only account of the tenants' databases, unless a row
     *     names its own
     * @param sourcePassword its password (also with a row's own username), from the environment
     * @param queryTimeout how long the query may take
     * @param connectTimeout how long connecting to the control database may take
     */
    public record DirectoryProperties(String url, String username, String password, String query,
            String sourceUsername, String sourcePassword, Duration queryTimeout, Duration connectTimeout) {

        public static final String DEFAULT_QUERY = "SELECT name, url, time_zone FROM tenants ORDER BY name";

        public DirectoryProperties {
            query = query == null || query.isBlank() ? DEFAULT_QUERY : query;
            queryTimeout = queryTimeout == null ? Duration.ofSeconds(30) : queryTimeout;
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
            if (queryTimeout.isNegative() || connectTimeout.isNegative()) {
                throw new IllegalArgumentException("billing.directory timeouts must not be negative");
            }
        }

        public boolean configured() {
            return url != null && !url.isBlank();
        }

        /** Never the url (it may hold credentials) nor a password. */
        @Override
        public String toString() {
            return configured() ? "tenant directory" : "no tenant directory";
        }
    }

    /**
     * @param nightlyTrailingDays days before yesterday that the nightly window syncs again, for late rows
     * @param maxDaysPerPass longest range one pass over an event table reads; longer ranges are cut
     * @param concurrency sources synced at once
     * @param idRangeMaxDays passes of at most this many days read each event table by primary key,
     *                       between the smallest and largest id of the pass's rows (0: never); see
     *                       README, Performance
     * @param maxConnectionsPerServer connections this node opens at once to one database server (host
     *                       and port), shared by all the sources on it; a read waits its turn
     * @param saturatedWait how long in all a source is tried again while its server refuses
     *                       connections with "Too many connections", before it fails like an
     *                       unreachable one
     * @param earliestDate no sync, re-sync or snapshot request may ask for a day before this one
     * @param maxDaysPerRequest the longest period a tenant's own account may ask for at once
     */
    public record SyncProperties(@DefaultValue("3") int nightlyTrailingDays, @DefaultValue("31") int maxDaysPerPass,
            @DefaultValue("4") int concurrency, @DefaultValue("1000") int writeBatchSize,
            @DefaultValue RetryProperties retry, @DefaultValue("7") int idRangeMaxDays,
            @DefaultValue("8") int maxConnectionsPerServer, @DefaultValue("10m") Duration saturatedWait,
            @DefaultValue("2000-01-01") LocalDate earliestDate, @DefaultValue("400") int maxDaysPerRequest) {

        public SyncProperties {
            if (nightlyTrailingDays < 0 || maxDaysPerPass < 1 || concurrency < 1 || writeBatchSize < 1
                    || idRangeMaxDays < 0 || maxConnectionsPerServer < 1 || saturatedWait.isNegative()
                    || maxDaysPerRequest < 1) {
                throw new IllegalArgumentException("billing.sync values must be positive");
            }
        }

        /** Whether a pass of {@code days} days reads by id range. */
        public boolean readsByIdRange(long days) {
            return days <= idRangeMaxDays;
        }
    }

    /**
     * A source that cannot be reached is tried {@code attempts} times in all, waiting
     * {@code initialDelay}, then twice as long each time; then only that source fails.
     */
    public record RetryProperties(@DefaultValue("3") int attempts, @DefaultValue("2s") Duration initialDelay) {

        public RetryProperties {
            if (attempts < 1 || initialDelay.isNegative()) {
                throw new IllegalArgumentException("billing.sync.retry needs attempts >= 1 and a delay >= 0");
            }
        }
    }

    /**
     * Prices. The single list ({@code currency}, {@code scale}, {@code seats}, {@code services}) is
     * the plan named {@code defaultPlan} unless {@code plans} defines a plan of that name; each of
     * {@code plans} is a named list of its own. A tenant without a plan is billed by the default plan.
     */
    public record PricingProperties(@DefaultValue("COP") String currency, @DefaultValue("2") int scale,
            List<SeatPrice> seats, Map<String, BigDecimal> services,
            @DefaultValue(DEFAULT_PLAN) String defaultPlan, Map<String, PlanProperties> plans) {

        public static final String DEFAULT_PLAN = "default";

        public PricingProperties {
            seats = seats == null ? List.of() : List.copyOf(seats);
            services = services == null ? Map.of() : Map.copyOf(services);
            defaultPlan = defaultPlan == null || defaultPlan.isBlank() ? DEFAULT_PLAN : defaultPlan.strip();
            plans = plans == null ? Map.of() : Map.copyOf(plans);
            if (plans.containsKey(defaultPlan) && (!seats.isEmpty() || !services.isEmpty())) {
                throw new IllegalArgumentException("billing.pricing has prices of its own and billing.pricing.plans."
                        + defaultPlan + " is the default plan too: move those prices into a plan of their own");
            }
        }

        /** The prices of the single list, as they were before plans. */
        public Pricing toPricing() {
            return pricing("billing.pricing", currency, scale, seats, services);
        }

        /** Every plan by name: the named ones, and the single list as the default plan unless one is named so. */
        public Map<String, Plan> allPlans() {
            Map<String, Plan> all = new java.util.TreeMap<>();
            plans.forEach((name, plan) -> all.put(name, new Plan(name, pricing("billing.pricing.plans." + name,
                    plan.currency(), plan.scale(), plan.seats(), plan.services()))));
            all.putIfAbsent(defaultPlan, new Plan(defaultPlan, toPricing()));
            return all;
        }

        /** The tenant's plan by name; null or blank: the default plan. */
        public Plan plan(String name) {
            String wanted = name == null || name.isBlank() ? defaultPlan : name.strip();
            Plan plan = allPlans().get(wanted);
            if (plan == null) {
                throw new IllegalArgumentException("unknown plan '" + wanted + "'; plans: " + allPlans().keySet());
            }
            return plan;
        }

        /**
         * Whether the plan is one of {@code plans}, rather than the single list: a snapshot priced
         * by the single list keeps the export document it had before plans (no plan keys).
         */
        public boolean isNamedPlan(String name) {
            return plans.containsKey(name);
        }
    }

    /** A named price list of {@code billing.pricing.plans}. */
    public record PlanProperties(@DefaultValue("COP") String currency, @DefaultValue("2") int scale,
            List<SeatPrice> seats, Map<String, BigDecimal> services) {

        public PlanProperties {
            seats = seats == null ? List.of() : List.copyOf(seats);
            services = services == null ? Map.of() : Map.copyOf(services);
        }
    }

    private static Pricing pricing(String where, String currency, int scale, List<SeatPrice> seats,
            Map<String, BigDecimal> services) {
        Map<String, BigDecimal> seatPrices = new LinkedHashMap<>();
        for (SeatPrice seat : seats) {
            if (seat.role() == null || seat.monthlyPrice() == null) {
                throw new IllegalArgumentException(where + ".seats[] needs role and monthly-price");
            }
            seatPrices.put(seat.role(), seat.monthlyPrice());
        }
        Map<ServiceKey, BigDecimal> unitPrices = new EnumMap<>(ServiceKey.class);
        List<String> unknown = new ArrayList<>();
        services.forEach((key, price) -> serviceKey(key).ifPresentOrElse(
                k -> unitPrices.put(k, price), () -> unknown.add(key)));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(where + ".services has unknown service keys " + unknown);
        }
        return new Pricing(currency, scale, seatPrices, unitPrices);
    }

    /** Map keys lose their '_' in relaxed binding unless quoted, so both spellings are accepted. */
    private static java.util.Optional<ServiceKey> serviceKey(String configKey) {
        String plain = configKey.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
        for (ServiceKey k : ServiceKey.values()) {
            if (k.key().replace("_", "").equals(plain)) {
                return java.util.Optional.of(k);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * @param locale language of the reports: es (default) or en
     * @param pdfTopUsers users the PDF lists when there are more than {@code pdfAllUsersUpTo}
     */
    public record ReportProperties(@DefaultValue("es") Locale locale,
            @DefaultValue("reports-templates/billing-estimate.xlsx") Path template,
            @DefaultValue("reports-templates/fonts/DejaVuSans.ttf") Path font,
            @DefaultValue("50") int pdfTopUsers, @DefaultValue("500") int pdfAllUsersUpTo,
            @DefaultValue("./data/reports") Path outDir) {
    }

    public record SeatPrice(String role, BigDecimal monthlyPrice) {
    }

    /**
     * The service's triggers (Quartz cron expressions, seconds first) in {@code zone}. They all
     * start jobs through one Quartz job that never runs twice at once in the cluster, so a trigger
     * due while another job runs waits for it, and triggers due at the same time run by priority:
     * the nightly sync, then the current-month snapshot refresh, then the monthly close.
     *
     * @param nightlySync the nightly sync of every source over its nightly window
     * @param snapshotRefresh the current month's snapshot of every source (after the nightly sync)
     * @param monthlyClose the previous month's snapshot and reports of every source
     * @param monthlyReports whether the monthly close also renders the reports (xlsx and pdf)
     * @param intradaySync the intraday refresh: today and yesterday of every source, then the
     *     snapshots of today, this week and this month; blank (or {@code off}) for none
     */
    public record ScheduleProperties(@DefaultValue("true") boolean enabled,
            @DefaultValue("America/Bogota") ZoneId zone, @DefaultValue("0 0 2 * * ?") String nightlySync,
            @DefaultValue("0 0 2 * * ?") String snapshotRefresh, @DefaultValue("0 0 2 1 * ?") String monthlyClose,
            @DefaultValue("true") boolean monthlyReports, @DefaultValue(INTRADAY_DEFAULT) String intradaySync) {

        /** Every 30 minutes from 06:00 to 22:30. */
        public static final String INTRADAY_DEFAULT = "0 0/30 6-22 * * ?";

        /**
         * Whether the intraday trigger is configured. YAML reads an unquoted {@code off} or
         * {@code false} as a boolean, which binds as "false": both turn it off, as does blank.
         */
        public boolean intradayEnabled() {
            return intradaySync != null && !intradaySync.isBlank()
                    && !List.of("off", "false", "-", "none").contains(intradaySync.trim().toLowerCase(Locale.ROOT));
        }
    }

    /** Snapshot versions: how many intraday ones are kept. */
    public record SnapshotProperties(@DefaultValue RetentionProperties retention) {
    }

    /**
     * @param intradayKeep intraday versions kept per snapshot key whose period is still open (ends
     *     today or later), besides the newest version and those a report was rendered from
     * @param adhocKeep per source, the dashboard's custom ranges (and their comparison periods) whose
     *     newest version is kept: the most recently computed ones; besides those a report was rendered from
     */
    public record RetentionProperties(@DefaultValue("48") int intradayKeep, @DefaultValue("20") int adhocKeep) {

        public RetentionProperties {
            if (intradayKeep < 0) {
                throw new IllegalArgumentException("billing.snapshot.retention.intraday-keep must be 0 or more");
            }
            if (adhocKeep < 2) {
                throw new IllegalArgumentException("billing.snapshot.retention.adhoc-keep must be 2 or more:"
                        + " a custom range and its comparison period");
            }
        }
    }

    /** The accounts of the HTTP API, and how many wrong passwords they are allowed. */
    public record SecurityProperties(List<Account> accounts, @DefaultValue LoginThrottleProperties loginThrottle) {

        public SecurityProperties {
            accounts = accounts == null ? List.of() : List.copyOf(accounts);
            Set<String> seen = new HashSet<>();
            for (Account a : accounts) {
                if (a.name() == null || a.name().isBlank()) {
                    throw new IllegalArgumentException("billing.security.accounts[] needs a name");
                }
                if (!seen.add(a.name())) {
                    throw new IllegalArgumentException("billing.security.accounts has the name '" + a.name() + "' twice");
                }
            }
        }
    }

    /**
     * After {@code maxFailures} failed logins within {@code window}, per account name and, separately,
     * per client address, further logins are refused (429) until the window has passed.
     */
    public record LoginThrottleProperties(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window) {

        public LoginThrottleProperties {
            if (maxFailures < 1 || window.isZero() || window.isNegative()) {
                throw new IllegalArgumentException("billing.security.login-throttle needs max-failures >= 1 and a positive window");
            }
        }
    }

    /**
     * An API account. {@code passwordHash} comes from the environment, never from a file:
     * {@code {bcrypt}$2a$10$...} (a bare bcrypt hash is taken as bcrypt). An account without a
     * hash cannot log in. {@code tenants} are the source names whose data it may see and re-sync,
     * or {@code *} (platform staff: every tenant, and the service's own endpoints); an account
     * without tenants sees none.
     */
    public record Account(String name, Role role, String passwordHash, List<String> tenants) {

        public static final String ALL_TENANTS = "*";

        public enum Role { ADMIN, OPERATOR }

        public boolean platform() {
            return tenants.contains(ALL_TENANTS);
        }

        public Account {
            if (role == null) {
                throw new IllegalArgumentException("billing.security.accounts '" + name + "' needs a role: admin or operator");
            }
            tenants = tenants == null ? List.of() : tenants.stream().map(String::strip).distinct().toList();
        }

        @Override
        public String toString() {
            return "account '" + name + "' (" + role.name().toLowerCase(Locale.ROOT) + ")";
        }
    }

    /**
     * The per-source sync lock: a holder renews it every {@code heartbeat}; a lock not renewed for
     * {@code ttl} (its process died) can be taken over. A tenant of a many-tenant request whose
     * source a live run holds is tried again every {@code busyRetry}, 240 times at most.
     */
    public record LockProperties(@DefaultValue("2m") Duration ttl, @DefaultValue("20s") Duration heartbeat,
            @DefaultValue("30s") Duration busyRetry) {

        public LockProperties {
            if (ttl.compareTo(heartbeat) <= 0 || heartbeat.isZero() || heartbeat.isNegative()) {
                throw new IllegalArgumentException("billing.lock.heartbeat must be positive and shorter than billing.lock.ttl");
            }
        }
    }
}
