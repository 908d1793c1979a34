package com.contactcenter.billing.bench;

import com.contactcenter.billing.cli.CliArguments;
import com.contactcenter.billing.cli.UsageException;
import com.contactcenter.billing.demo.DemoDataSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/** What {@code bench} is asked for: one large tenant ({@link BenchSpec}) or many small ones ({@link TenantsSpec}). */
sealed interface BenchRequest permits BenchSpec, TenantsSpec {

    /** The request {@code a} makes; the month or the days it leaves out are {@code clock}'s (UTC). */
    static BenchRequest of(CliArguments a, Clock clock) {
        String[] db;
        try {
            db = BenchSpec.parseUrl(a.has("db") ? a.require("db") : BenchSpec.DEFAULT_URL);
        } catch (IllegalArgumentException e) {
            throw new UsageException("bench", e.getMessage());
        }
        String user = a.has("user") ? a.get("user") : System.getenv().getOrDefault("BILLING_BENCH_USER", "root");
        String password =
                a.has("password") ? a.get("password") : System.getenv().getOrDefault("BILLING_BENCH_PASSWORD", "");
        Path out = a.has("out") ? a.path("out") : Path.of("target", "bench");
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (a.has("tenants")) {
            return tenants(a, db, user, password, today, out);
        }
        for (String tenantsOnly : List.of("tenant-messages", "nodes")) {
            if (a.has(tenantsOnly)) {
                throw new UsageException("bench", "--" + tenantsOnly + " needs --tenants");
            }
        }
        YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
        YearMonth month = a.has("month") ? a.month("month") : lastMonth;
        if (month.isAfter(lastMonth)) {
            throw new UsageException(
                    "bench", "--month must be a month that has ended (" + lastMonth + " or earlier), not " + month);
        }
        return new BenchSpec(
                a.has("messages") ? a.number("messages", 1, DemoDataSpec.MAX_MESSAGES) : BenchSpec.DEFAULT_MESSAGES,
                a.has("users")
                        ? (int) a.number("users", DemoDataSpec.MIN_USERS, DemoDataSpec.MAX_USERS)
                        : BenchSpec.DEFAULT_USERS,
                db[0],
                db[1],
                db[2],
                user,
                password,
                month,
                out,
                a.has("reuse-tenant"),
                !a.has("messages") && !a.has("users"));
    }

    /** {@code --tenants N}: many small tenants, their data up to {@code today}; the one-tenant options do not apply. */
    private static TenantsSpec tenants(
            CliArguments a, String[] db, String user, String password, LocalDate today, Path out) {
        for (String oneTenant : List.of("messages", "users", "month", "reuse-tenant")) {
            if (a.has(oneTenant)) {
                throw new UsageException(
                        "bench", "--" + oneTenant + " is for one tenant; with --tenants, give" + " --tenant-messages");
            }
        }
        return new TenantsSpec(
                (int) a.number("tenants", 1, TenantsSpec.MAX_TENANTS),
                a.has("tenant-messages")
                        ? (int) a.number("tenant-messages", 0, TenantsSpec.MAX_MESSAGES)
                        : TenantsSpec.DEFAULT_MESSAGES,
                a.has("nodes") ? (int) a.number("nodes", 1, TenantsSpec.MAX_NODES) : 1,
                db[0],
                db[1],
                db[2],
                user,
                password,
                today,
                out);
    }
}
