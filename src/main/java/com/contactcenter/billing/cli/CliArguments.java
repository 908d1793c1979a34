package com.contactcenter.billing.cli;

import com.contactcenter.billing.usage.GroupBy;
import com.contactcenter.billing.validation.DateLimits;
import com.contactcenter.billing.validation.InvalidDateException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command and its {@code --name value} options. Options starting with {@code --spring.} or
 * {@code --logging.} pass through to Spring untouched. Public for the command lines built on the
 * product's (the benchmark's, {@code src/bench}), so that every command of run-job.sh reads its
 * options and words its usage errors alike.
 */
public final class CliArguments {

    private final String command;
    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> springArgs = new ArrayList<>();
    private final List<String> positional = new ArrayList<>();
    private boolean help;
    private DateLimits dates;

    private CliArguments(String command) {
        this.command = command;
    }

    /** @param allowed per command, the options it takes ("flag" options take no value) */
    public static CliArguments parse(String[] args, Map<String, Set<String>> allowed, Set<String> flags) {
        int start = 0;
        String command = "demo";
        if (args.length > 0 && !args[0].startsWith("--")) {
            command = args[0];
            start = 1;
        }
        CliArguments parsed = new CliArguments(command);
        if (command.equals("help")) {
            // help COMMAND: that command's help
            parsed.help = true;
            parsed.positional.addAll(List.of(args).subList(start, args.length));
            return parsed;
        }
        if (!allowed.containsKey(command)) {
            throw new UsageException(null, "unknown command '" + command + "'");
        }
        Set<String> known = allowed.get(command);
        for (int i = start; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--spring.")
                    || arg.startsWith("--logging.")
                    || arg.startsWith("--billing.")
                    || arg.startsWith("--server.")
                    || arg.startsWith("--management.")) {
                parsed.springArgs.add(arg);
                continue;
            }
            if (arg.equals("--help") || arg.equals("-h")) {
                parsed.help = true;
                continue;
            }
            if (!arg.startsWith("--")) {
                parsed.positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!known.contains(name)) {
                throw new UsageException(command, "unknown option --" + name + " for '" + command + "'");
            }
            if (flags.contains(name)) {
                parsed.options.put(name, "true");
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new UsageException(command, "--" + name + " needs a value");
                }
                value = args[++i];
            }
            if (parsed.options.put(name, value) != null) {
                throw new UsageException(command, "--" + name + " is given twice");
            }
        }
        return parsed;
    }

    String command() {
        return command;
    }

    public boolean help() {
        return help;
    }

    /** The command whose help was asked for: {@code COMMAND --help}, {@code help COMMAND}, or none (all of them). */
    String helpFor() {
        if (command.equals("help")) {
            return positional.isEmpty() ? "demo" : positional.get(0);
        }
        return command;
    }

    public String[] springArgs() {
        return springArgs.toArray(String[]::new);
    }

    public List<String> positional() {
        return positional;
    }

    public boolean has(String name) {
        return options.containsKey(name);
    }

    public String get(String name) {
        return options.get(name);
    }

    public String require(String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException(command, "--" + name + " is required");
        }
        return value;
    }

    /** From now on, dates are read and refused by {@code dates}, in its language. */
    void checkDatesWith(DateLimits dates) {
        this.dates = dates;
    }

    LocalDate date(String name) {
        String value = require(name);
        if (dates != null) {
            try {
                return dates.parse("--" + name, value);
            } catch (InvalidDateException e) {
                throw new UsageException(command, e.getMessage());
            }
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException(command, "--" + name + " '" + value + "' is not a date (YYYY-MM-DD)");
        }
    }

    public YearMonth month(String name) {
        String value = require(name);
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException(command, "--" + name + " '" + value + "' is not a month (YYYY-MM)");
        }
    }

    public long number(String name, long min, long max) {
        String value = require(name);
        try {
            long n = Long.parseLong(value);
            if (n < min || n > max) {
                throw new UsageException(
                        command, "--" + name + " must be between " + min + " and " + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(command, "--" + name + " '" + value + "' is not a whole number");
        }
    }

    /** A path option; run-job.sh runs from its own folder, so a relative path means the caller's folder. */
    public Path path(String name) {
        String path = require(name);
        String caller = System.getenv("BILLING_CALLER_DIR");
        return caller == null || caller.isBlank()
                ? Path.of(path)
                : Path.of(caller).resolve(path);
    }

    GroupBy groupBy() {
        if (!has("group-by")) {
            return GroupBy.MONTH;
        }
        try {
            return GroupBy.parse(get("group-by"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(command, "--" + e.getMessage());
        }
    }

    /** --from and --to, both or neither, from not after to. */
    LocalDate[] range(boolean required) {
        if (!has("from") && !has("to")) {
            if (required) {
                throw new UsageException(command, "--from and --to are required");
            }
            return null;
        }
        LocalDate from = date("from");
        LocalDate to = date("to");
        if (from.isAfter(to)) {
            throw new UsageException(command, "--from " + from + " is after --to " + to);
        }
        return new LocalDate[] {from, to};
    }

    /** --period YYYY-MM, or --from and --to. */
    LocalDate[] periodOrRange() {
        if (has("period")) {
            if (has("from") || has("to")) {
                throw new UsageException(command, "give either --period or --from/--to, not both");
            }
            YearMonth month = month("period");
            return new LocalDate[] {month.atDay(1), month.atEndOfMonth()};
        }
        if (!has("from") && !has("to")) {
            throw new UsageException(command, "--period YYYY-MM or --from DATE --to DATE is required");
        }
        return range(true);
    }
}
