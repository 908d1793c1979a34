package com.contactcenter.billing.cli;

import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringBootExceptionReporter;

/**
 * An H2 database file that another process holds without sharing it: that process (or this one)
 * opened it without {@code AUTO_SERVER=TRUE} in its url, so H2 lets no second process in. The
 * embedded warehouse's default url shares it, so {@code serve} and every other command can run at
 * once; with any other url the command stops with one line that says what to do, instead of the
 * failed start's trace. Boot asks this reporter first (META-INF/spring.factories): claiming the
 * failure keeps Boot from logging it, and {@link Cli} prints {@link #reason}.
 */
public final class DatabaseInUse implements SpringBootExceptionReporter {

    /** H2's {@code DATABASE_ALREADY_OPEN_1}: "Database may be already in use". */
    static final int H2_ALREADY_OPEN = 90020;

    private static final Pattern FILE = Pattern.compile("\"([^\"]+)\"");

    @Override
    public boolean reportException(Throwable failure) {
        return reason(failure).isPresent();
    }

    /** What to do, when {@code failure} comes from an H2 database file held by another process. */
    static Optional<String> reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == H2_ALREADY_OPEN) {
                Matcher file = FILE.matcher(String.valueOf(sql.getMessage()));
                String database = file.find() ? file.group(1) : "an H2 database";
                return Optional.of(database + " is open in another process (a running serve?) that does not share"
                        + " it: add ;AUTO_SERVER=TRUE to its url (spring.datasource.url for the warehouse) in every"
                        + " process that opens it, as the default url does, or stop that process first");
            }
        }
        return Optional.empty();
    }
}
