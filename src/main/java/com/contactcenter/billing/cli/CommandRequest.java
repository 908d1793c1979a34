package com.contactcenter.billing.cli;

import com.contactcenter.billing.demo.DemoDataSpec;
import com.contactcenter.billing.report.PortfolioService;
import com.contactcenter.billing.report.ReportService;
import com.contactcenter.billing.usage.GroupBy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** A command with its arguments checked and typed. */
sealed interface CommandRequest {

    String command();

    /** The source names the command names, to check against config before starting. */
    default List<String> sources() {
        return List.of();
    }

    /** A request about one source's period, checked against {@code DateLimits} before anything starts. */
    interface Dated {

        String source();

        LocalDate from();

        LocalDate to();
    }

    record Demo() implements CommandRequest {
        public String command() {
            return "demo";
        }
    }

    /** {@code source} null: every tenant; {@code from} null: each one's nightly window. */
    record Sync(String source, LocalDate from, LocalDate to) implements CommandRequest, Dated {
        public String command() {
            return "sync";
        }

        public List<String> sources() {
            return source == null ? List.of() : List.of(source);
        }
    }

    record Snapshot(String source, LocalDate from, LocalDate to, GroupBy groupBy) implements CommandRequest, Dated {
        public String command() {
            return "snapshot";
        }

        public List<String> sources() {
            return List.of(source);
        }
    }

    record Export(String source, LocalDate from, LocalDate to, GroupBy groupBy, Path out)
            implements CommandRequest, Dated {
        public String command() {
            return "export";
        }

        public List<String> sources() {
            return List.of(source);
        }
    }

    record Diff(String source, LocalDate from, LocalDate to, GroupBy groupBy) implements CommandRequest, Dated {
        public String command() {
            return "diff";
        }

        public List<String> sources() {
            return List.of(source);
        }
    }

    record Report(
            String source, LocalDate from, LocalDate to, GroupBy groupBy, List<ReportService.Format> formats, Path out)
            implements CommandRequest, Dated {
        public String command() {
            return "report";
        }

        public List<String> sources() {
            return List.of(source);
        }
    }

    record Portfolio(java.time.YearMonth month, List<PortfolioService.Format> formats, Path out)
            implements CommandRequest {
        public String command() {
            return "portfolio";
        }
    }

    record Serve() implements CommandRequest {
        public String command() {
            return "serve";
        }
    }

    record Resync(String source, LocalDate from, LocalDate to) implements CommandRequest, Dated {
        public String command() {
            return "resync";
        }

        public List<String> sources() {
            return List.of(source);
        }
    }

    record HashPassword() implements CommandRequest {
        public String command() {
            return "hash-password";
        }
    }

    record Restart(long jobExecutionId) implements CommandRequest {
        public String command() {
            return "restart";
        }
    }

    /**
     * {@code end}: the last day of data; {@code upTo}: without {@code --end}, the instant the data
     * runs up to (the clock's), else null (the data covers {@code end} whole).
     */
    record DemoData(
            String url,
            String user,
            String password,
            int users,
            long messages,
            long seed,
            int months,
            LocalDate end,
            java.time.Instant upTo)
            implements CommandRequest {
        public String command() {
            return "demo-data";
        }
    }

    record Sources() implements CommandRequest {
        public String command() {
            return "sources";
        }
    }

    record ForecastBacktest(String source, int months) implements CommandRequest {

        /** Replays need the twelve weeks before each month too; five years is plenty. */
        static final int MAX_MONTHS = 60;

        public String command() {
            return "forecast-backtest";
        }

        public List<String> sources() {
            return List.of(source);
        }
    }

    /** The command {@code a} asks for; a date it leaves out is a day of {@code clock} (UTC). */
    static CommandRequest of(CliArguments a, Clock clock) {
        return switch (a.command()) {
            case "demo" -> new Demo();
            case "sync" -> {
                LocalDate[] range = a.range(false);
                yield new Sync(a.get("source"), range == null ? null : range[0], range == null ? null : range[1]);
            }
            case "serve" -> new Serve();
            case "hash-password" -> new HashPassword();
            case "resync" -> {
                String source = a.require("source");
                LocalDate[] range = a.range(true);
                yield new Resync(source, range[0], range[1]);
            }
            case "restart" -> {
                if (a.positional().size() != 1) {
                    throw new UsageException("restart", "give one job execution id: ./run-job.sh restart EXECUTION_ID");
                }
                String id = a.positional().get(0);
                try {
                    long n = Long.parseLong(id);
                    if (n < 1) {
                        throw new NumberFormatException();
                    }
                    yield new Restart(n);
                } catch (NumberFormatException e) {
                    throw new UsageException("restart", "'" + id + "' is not a job execution id (a positive number)");
                }
            }
            case "snapshot" -> {
                LocalDate[] range = a.range(true);
                yield new Snapshot(a.require("source"), range[0], range[1], a.groupBy());
            }
            case "export" -> {
                String source = a.require("source");
                LocalDate[] range = a.periodOrRange();
                String format = a.require("format");
                if (!format.equals("json")) {
                    throw new UsageException("export", "--format must be json, not '" + format + "'");
                }
                yield new Export(source, range[0], range[1], a.groupBy(), a.path("out"));
            }
            case "diff" -> {
                LocalDate[] range = a.range(true);
                yield new Diff(a.require("source"), range[0], range[1], a.groupBy());
            }
            case "report" -> {
                String source = a.require("source");
                LocalDate[] range = a.periodOrRange();
                List<ReportService.Format> formats =
                        formats(a, "xlsx,pdf", ReportService.Format::parse, "report format ");
                yield new Report(source, range[0], range[1], a.groupBy(), formats, a.has("out") ? a.path("out") : null);
            }
            case "demo-data" -> {
                String url = a.require("url");
                if (!url.startsWith("jdbc:")) {
                    throw new UsageException("demo-data", "--url must be a JDBC url (jdbc:mysql://..., jdbc:h2:...)");
                }
                yield new DemoData(
                        url,
                        a.get("user"),
                        a.get("password"),
                        (int) a.number("users", DemoDataSpec.MIN_USERS, DemoDataSpec.MAX_USERS),
                        a.number("messages", 0, DemoDataSpec.MAX_MESSAGES),
                        a.has("seed") ? a.number("seed", 0, Long.MAX_VALUE) : 42,
                        a.has("months") ? (int) a.number("months", 1, DemoDataSpec.MAX_MONTHS) : 3,
                        a.has("end") ? a.date("end") : LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC)),
                        a.has("end") ? null : clock.instant());
            }
            case "sources" -> new Sources();
            case "portfolio" -> portfolio(a);
            case "forecast-backtest" ->
                new ForecastBacktest(a.require("source"), (int) a.number("months", 1, ForecastBacktest.MAX_MONTHS));
            default -> throw new UsageException(null, "unknown command '" + a.command() + "'");
        };
    }

    private static Portfolio portfolio(CliArguments a) {
        return new Portfolio(
                a.month("period"),
                formats(a, "xlsx,csv", PortfolioService.Format::parse, "portfolio format "),
                a.has("out") ? a.path("out") : null);
    }

    /** --format's comma-separated formats (else {@code defaults}), each once, in order. */
    private static <F> List<F> formats(
            CliArguments a, String defaults, java.util.function.Function<String, F> parse, String messagePrefix) {
        List<F> formats = new java.util.ArrayList<>();
        for (String f : (a.has("format") ? a.get("format") : defaults).split(",")) {
            try {
                F format = parse.apply(f);
                if (!formats.contains(format)) {
                    formats.add(format);
                }
            } catch (IllegalArgumentException e) {
                throw new UsageException(
                        a.command(), "--format " + e.getMessage().replace(messagePrefix, ""));
            }
        }
        return formats;
    }
}
