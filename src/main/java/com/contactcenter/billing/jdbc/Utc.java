package com.contactcenter.billing.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants are stored as UTC {@code DATETIME(3)}. They are bound as text: a
 * {@code java.sql.Timestamp} is shifted by the JVM's zone, and Connector/J drops the milliseconds
 * of a bound {@link LocalDateTime} on MariaDB (it reads MariaDB's "5.5.5-" version prefix as a
 * server without fractional seconds). Reading them back as {@link LocalDateTime} keeps them.
 */
public final class Utc {

    private static final DateTimeFormatter SQL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private Utc() {}

    /** The instant as SQL text in UTC, to the millisecond; null stays null. */
    public static String of(Instant instant) {
        return instant == null ? null : SQL.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    public static Instant read(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    public static Instant read(ResultSet rs, int column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
