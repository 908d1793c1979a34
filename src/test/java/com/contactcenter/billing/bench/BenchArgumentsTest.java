package com.contactcenter.billing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.cli.CliArguments;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code bench}'s options: defaults, every option, and bad usage refused before any database is touched. */
class BenchArgumentsTest {

    private static BenchRequest request(String... args) {
        return request(Clock.systemUTC(), args);
    }

    private static BenchRequest request(Clock clock, String... args) {
        return BenchRequest.of(CliArguments.parse(args, BenchCommand.OPTIONS, BenchCommand.FLAGS), clock);
    }

    private static BenchSpec parse(String... args) {
        return (BenchSpec) request(args);
    }

    private record Result(int exit, String out, String err) {}

    private static Result run(String... args) {
        return run(Clock.systemUTC(), args);
    }

    /** {@code ./run-job.sh bench ...}, in this process. */
    private static Result run(Clock clock, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = BenchCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                clock);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withoutOptionsBenchesTheReferenceTenantOfLastMonthOnTheLocalServer() {
        BenchSpec spec = parse("bench");

        assertThat(spec.messages()).isEqualTo(10_000_000L);
        assertThat(spec.users()).isEqualTo(5_000);
        assertThat(spec.sourceUrl()).isEqualTo("jdbc:mysql://127.0.0.1:3306/billing_bench_src");
        assertThat(spec.warehouseUrl())
                .isEqualTo(
                        "jdbc:mysql://127.0.0.1:3306/billing_bench_wh?rewriteBatchedStatements=true&allowLoadLocalInfile=true");
        assertThat(spec.month()).isEqualTo(YearMonth.now(ZoneOffset.UTC).minusMonths(1));
        assertThat(spec.outDir()).isEqualTo(Path.of("target", "bench"));
        assertThat(spec.reuseTenant()).isFalse();
        // and beside it, the tenant of 100,000 users
        assertThat(spec.manyUsers()).isTrue();
        BenchSpec many = spec.manyUsersSpec();
        assertThat(List.of(many.messages(), (long) many.users())).containsExactly(1_000_000L, 100_000L);
        assertThat(many.sourceUrl()).isEqualTo("jdbc:mysql://127.0.0.1:3306/billing_bench_100k_src");
        assertThat(many.warehouseDatabase()).isEqualTo("billing_bench_100k_wh");
        assertThat(many.outDir()).isEqualTo(Path.of("target", "bench", "100k"));
        assertThat(many.month()).isEqualTo(spec.month());
        assertThat(many.manyUsers()).isFalse();
        assertThat(parse("bench", "--users", "5000").manyUsers()).isFalse();
        assertThat(parse("bench", "--messages", "10000000").manyUsers()).isFalse();
    }

    @Test
    void theDefaultMonthAndLastDayAreTheInjectedClocks() {
        // given: 02:00 UTC on March 1st, still February 28th in Bogota
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T02:00:00Z"), ZoneOffset.UTC);

        // when
        BenchSpec oneTenant = (BenchSpec) request(clock, "bench");
        TenantsSpec manyTenants = (TenantsSpec) request(clock, "bench", "--tenants", "5");
        Result thisMonth = run(clock, "bench", "--month", "2026-03");

        // then
        assertThat(oneTenant.month()).isEqualTo(YearMonth.of(2026, 2));
        assertThat(manyTenants.lastDay()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(thisMonth.exit()).isEqualTo(2);
        assertThat(thisMonth.err())
                .isEqualTo("error: --month must be a month that has ended (2026-02 or earlier),"
                        + " not 2026-03\nrun './run-job.sh help' for usage\n");
    }

    @Test
    void everyOptionIsTaken() {
        BenchSpec spec = parse(
                "bench",
                "--messages",
                "1000000",
                "--users",
                "100000",
                "--db",
                "jdbc:mysql://db.example:3307/perf?useSSL=false",
                "--user",
                "bench",
                "--password",
                "s3cret",
                "--month",
                "2026-02",
                "--out",
                "/tmp/b",
                "--reuse-tenant");

        assertThat(spec.messages()).isEqualTo(1_000_000L);
        assertThat(spec.users()).isEqualTo(100_000);
        assertThat(spec.sourceUrl()).isEqualTo("jdbc:mysql://db.example:3307/perf_src?useSSL=false");
        assertThat(spec.warehouseUrl())
                .isEqualTo(
                        "jdbc:mysql://db.example:3307/perf_wh?useSSL=false&rewriteBatchedStatements=true&allowLoadLocalInfile=true");
        assertThat(spec.serverUrl()).isEqualTo("jdbc:mysql://db.example:3307/?useSSL=false");
        assertThat(spec.user()).isEqualTo("bench");
        assertThat(spec.password()).isEqualTo("s3cret");
        assertThat(spec.month()).isEqualTo(YearMonth.of(2026, 2));
        assertThat(spec.outDir()).isEqualTo(Path.of("/tmp/b"));
        assertThat(spec.reuseTenant()).isTrue();
        assertThat(spec.manyUsers()).isFalse();
    }

    @Test
    void tenantsBenchManySmallTenantsOnTheLocalServer() {
        TenantsSpec spec = (TenantsSpec) request("bench", "--tenants", "1000");

        assertThat(spec.tenants()).isEqualTo(1000);
        assertThat(spec.messages()).isEqualTo(2_000);
        assertThat(spec.nodes()).isEqualTo(1);
        assertThat(spec.server()).isEqualTo("jdbc:mysql://127.0.0.1:3306");
        assertThat(spec.database()).isEqualTo("billing_bench");
        assertThat(spec.lastDay()).isEqualTo(LocalDate.now(ZoneOffset.UTC));
        assertThat(spec.outDir()).isEqualTo(Path.of("target", "bench"));
    }

    @Test
    void tenantsBenchTakesItsMessagesAndNodes() {
        TenantsSpec spec = (TenantsSpec) request(
                "bench",
                "--tenants",
                "20",
                "--tenant-messages",
                "0",
                "--nodes",
                "2",
                "--db",
                "jdbc:mysql://db.example:3307/perf?useSSL=false");

        assertThat(spec.tenants()).isEqualTo(20);
        assertThat(spec.messages()).isZero();
        assertThat(spec.nodes()).isEqualTo(2);
        assertThat(spec.database()).isEqualTo("perf");
        assertThat(spec.options()).isEqualTo("?useSSL=false");
    }

    static Stream<Arguments> badUsage() {
        YearMonth thisMonth = YearMonth.now(ZoneOffset.UTC);
        return Stream.of(
                Arguments.of(new String[] {"bench", "--messages", "ten"}, "--messages 'ten' is not a whole number"),
                Arguments.of(
                        new String[] {"bench", "--messages", "0"}, "--messages must be between 1 and 99000000, not 0"),
                Arguments.of(new String[] {"bench", "--users", "10"}, "--users must be between 25 and 100000, not 10"),
                Arguments.of(
                        new String[] {"bench", "--db", "jdbc:postgresql://h/x"},
                        "--db must be a MySQL/MariaDB JDBC url (jdbc:mysql://host:port[/database]), not 'jdbc:postgresql://h/x'"),
                Arguments.of(
                        new String[] {"bench", "--db", "jdbc:mysql://h/bad-name"},
                        "--db database name 'bad-name' must be letters, digits or _ (up to 60): the bench creates bad-name_src and bad-name_wh"),
                Arguments.of(
                        new String[] {"bench", "--month", "2026-13"}, "--month '2026-13' is not a month (YYYY-MM)"),
                Arguments.of(
                        new String[] {"bench", "--month", thisMonth.toString()},
                        "--month must be a month that has ended (" + thisMonth.minusMonths(1) + " or earlier), not "
                                + thisMonth),
                Arguments.of(new String[] {"bench", "--rows", "5"}, "unknown option --rows for 'bench'"),
                Arguments.of(new String[] {"bench", "--users"}, "--users needs a value"),
                Arguments.of(new String[] {"bench", "--tenants", "0"}, "--tenants must be between 1 and 9999, not 0"),
                Arguments.of(new String[] {"bench", "--tenants", "many"}, "--tenants 'many' is not a whole number"),
                Arguments.of(
                        new String[] {"bench", "--tenants", "5", "--tenant-messages", "-1"},
                        "--tenant-messages must be between 0 and 1000000, not -1"),
                Arguments.of(
                        new String[] {"bench", "--tenants", "5", "--nodes", "5"},
                        "--nodes must be between 1 and 4, not 5"),
                Arguments.of(new String[] {"bench", "--tenant-messages", "100"}, "--tenant-messages needs --tenants"),
                Arguments.of(new String[] {"bench", "--nodes", "2"}, "--nodes needs --tenants"),
                Arguments.of(
                        new String[] {"bench", "--tenants", "5", "--messages", "100"},
                        "--messages is for one tenant; with --tenants, give --tenant-messages"));
    }

    @ParameterizedTest
    @MethodSource("badUsage")
    void badUsageExits2WithTheReasonBeforeTouchingAnyDatabase(String[] args, String message) {
        // a server that does not exist: a bench that went ahead would fail with exit 1, not 2
        String[] withDb = args;
        if (java.util.Arrays.stream(args).noneMatch("--db"::equals)) {
            withDb = Stream.concat(Stream.of(args), Stream.of("--db", "jdbc:mysql://127.0.0.1:1/nowhere"))
                    .toArray(String[]::new);
        }
        Result result = run(withDb);

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: " + message + "\nrun './run-job.sh help' for usage\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void helpDescribesTheBench() {
        Result result = run("bench", "--help");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("bench     [--messages N] [--users N] [--db JDBC_URL]");
        assertThat(result.out()).contains("bench     --tenants N [--tenant-messages M] [--nodes K]");
    }
}
