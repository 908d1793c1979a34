package com.contactcenter.billing.source;

import com.contactcenter.billing.jdbc.Utc;
import com.contactcenter.billing.usage.Channel;
import com.contactcenter.billing.usage.ReferenceData;
import com.contactcenter.billing.usage.Roles;
import com.contactcenter.billing.usage.RowSink;
import com.contactcenter.billing.usage.RowTime;
import com.contactcenter.billing.usage.UserChannel;
import com.contactcenter.billing.usage.UserRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/** Reads a source: its reference tables, and its event tables grouped by local day in one pass each. */
@Component
public class SourceReader {

    public ReferenceData readReference(SourceConnection source) {
        try {
            return source.readOnly().execute(status -> {
                Map<String, Object> none = Map.of();
                Map<Integer, String> roles = new HashMap<>();
                source.jdbc().query(source.queries().get("roles"), none, rs -> {
                    roles.put(rs.getInt("id"), rs.getString("name"));
                });
                List<UserRecord> users = new ArrayList<>();
                source.jdbc().query(source.queries().get("users"), none, rs -> {
                    users.add(new UserRecord(
                            rs.getLong("id"),
                            rs.getString("full_name"),
                            rs.getString("email"),
                            rs.getObject("role_id", Integer.class),
                            Utc.read(rs, "created_at"),
                            Utc.read(rs, "deactivated_at"),
                            Utc.read(rs, "last_login_at")));
                });
                Map<Integer, Channel> channels = new HashMap<>();
                source.jdbc().query(source.queries().get("channels"), none, rs -> {
                    channels.put(
                            rs.getInt("id"),
                            new Channel(
                                    rs.getInt("id"),
                                    rs.getString("type"),
                                    rs.getString("name"),
                                    rs.getString("address")));
                });
                List<UserChannel> userChannels = new ArrayList<>();
                source.jdbc().query(source.queries().get("user-channels"), none, rs -> {
                    userChannels.add(new UserChannel(
                            rs.getLong("user_id"), rs.getInt("channel_id"), Utc.read(rs, "assigned_at")));
                });
                return new ReferenceData(new Roles(roles), users, channels, userChannels);
            });
        } catch (RuntimeException e) {
            throw source.failure("reading users, roles and channels", e);
        }
    }

    /**
     * Streams the event rows of {@code [fromUtc, toUtc)}, only the columns the rules need, into
     * the sink (the classifier): one query per event table (two by id range), in one read-only
     * transaction so the four tables are read as of the same moment. Measured on MariaDB,
     * streaming raw rows and folding them in Java is faster than grouping in the source (see
     * README, Performance), and memory stays bounded by the facts (channels and users per day),
     * never by the rows.
     */
    public void readFacts(
            SourceConnection source, Instant fromUtc, Instant toUtc, Instant asOf, boolean byIdRange, RowSink into) {
        RowTime time = new RowTime(source.zone(), asOf);
        Map<String, Object> params = Map.of("fromUtc", Utc.of(fromUtc), "toUtc", Utc.of(toUtc));
        try {
            source.readOnly().executeWithoutResult(status -> {
                // Columns by position (the order of the default queries), each read as a primitive:
                // this runs once per source row, and the driver's getters are most of its cost.
                events(source, "messages", params, byIdRange, new HandledRows(time) {
                    @Override
                    void row(
                            ResultSet rs,
                            LocalDate day,
                            boolean future,
                            boolean hasChannel,
                            int channel,
                            boolean hasUser,
                            long user,
                            String direction)
                            throws SQLException {
                        into.messageRow(day, future, hasChannel, channel, hasUser, user, direction, rs.getInt(5));
                    }
                });
                events(source, "calls", params, byIdRange, new HandledRows(time) {
                    @Override
                    void row(
                            ResultSet rs,
                            LocalDate day,
                            boolean future,
                            boolean hasChannel,
                            int channel,
                            boolean hasUser,
                            long user,
                            String direction)
                            throws SQLException {
                        into.callRow(day, future, hasChannel, channel, hasUser, user, direction, rs.getLong(5));
                    }
                });
                events(source, "bot-sessions", params, byIdRange, new EventRows(time) {
                    @Override
                    void row(ResultSet rs, LocalDate day, boolean future) throws SQLException {
                        int channel = rs.getInt(2);
                        into.botSessionRow(day, future, !rs.wasNull(), channel);
                    }
                });
                events(source, "user-sessions", params, byIdRange, new EventRows(time) {
                    @Override
                    void row(ResultSet rs, LocalDate day, boolean future) throws SQLException {
                        into.userSessionRow(day, rs.getLong(2));
                    }
                });
            });
        } catch (RuntimeException e) {
            throw source.failure("reading events " + fromUtc + " to " + toUtc, e);
        }
    }

    /**
     * Runs one event table's query. By id range, the smallest and largest id of the pass's rows
     * are found first (in the timestamp index alone), then the rows are read between them: along
     * the primary key, which is where a table's rows lie in time order, instead of looking each
     * row up from the timestamp index or scanning the whole table (README, Performance). Both
     * queries run in the caller's read-only transaction, so they see the same rows.
     */
    private static void events(
            SourceConnection source,
            String table,
            Map<String, Object> params,
            boolean byIdRange,
            RowCallbackHandler rows) {
        if (!byIdRange || !source.queries().idRanged(table)) {
            source.jdbc().query(source.queries().get(table), params, rows);
            return;
        }
        long[] ids = source.jdbc().query(source.queries().get(table + "-id-range"), params, rs -> {
            if (!rs.next()) {
                return null;
            }
            long min = rs.getLong(1);
            return rs.wasNull() ? null : new long[] {min, rs.getLong(2)};
        });
        if (ids == null) {
            return; // no row in the range
        }
        Map<String, Object> ranged = new HashMap<>(params);
        ranged.put("minId", ids[0]);
        ranged.put("maxId", ids[1]);
        source.jdbc().query(source.queries().get(table + "-in-id-range"), ranged, rows);
    }

    /**
     * The rows of one event query: each row's first column, its UTC timestamp, placed on its local
     * day and compared with the as-of instant without making an {@link Instant}.
     */
    private abstract static class EventRows implements RowCallbackHandler {

        private final RowTime time;
        private final LocalDays days;

        EventRows(RowTime time) {
            this.time = time;
            this.days = new LocalDays(time);
        }

        @Override
        public final void processRow(ResultSet rs) throws SQLException {
            LocalDateTime stamp = rs.getObject(1, LocalDateTime.class);
            if (stamp == null) {
                throw new IllegalStateException(
                        "an event row has no timestamp (first column); check the query" + " override of this source");
            }
            long second = stamp.toEpochSecond(ZoneOffset.UTC);
            row(rs, days.of(second), time.future(second, stamp.getNano()));
        }

        abstract void row(ResultSet rs, LocalDate day, boolean future) throws SQLException;
    }

    /** Rows of messages and calls: timestamp, channel id, user id (either may be NULL), direction, then their own. */
    private abstract static class HandledRows extends EventRows {

        HandledRows(RowTime time) {
            super(time);
        }

        @Override
        final void row(ResultSet rs, LocalDate day, boolean future) throws SQLException {
            int channel = rs.getInt(2);
            boolean hasChannel = !rs.wasNull();
            long user = rs.getLong(3);
            boolean hasUser = !rs.wasNull();
            row(rs, day, future, hasChannel, channel, hasUser, user, rs.getString(4));
        }

        abstract void row(
                ResultSet rs,
                LocalDate day,
                boolean future,
                boolean hasChannel,
                int channel,
                boolean hasUser,
                long user,
                String direction)
                throws SQLException;
    }
}
