package com.contactcenter.billing.source;

import com.contactcenter.billing.usage.Channel;
import com.contactcenter.billing.usage.Classifier;
import com.contactcenter.billing.usage.ReferenceData;
import com.contactcenter.billing.usage.Roles;
import com.contactcenter.billing.usage.SourceGroups.BotSessionGroup;
import com.contactcenter.billing.usage.SourceGroups.CallGroup;
import com.contactcenter.billing.usage.SourceGroups.MessageGroup;
import com.contactcenter.billing.usage.SourceGroups.UserSessionGroup;
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
import org.springframework.stereotype.Component;

/** Reads a source: its reference tables, and its event tables grouped by local day in one pass each. */
@Component
public class SourceReader {

    public ReferenceData readReference(SourceConnection source) {
        try {
            return source.readOnly().execute(status -> {
                Map<String, Object> none = Map.of();
                Map<Integer, String> roles = new HashMap<>();
                source.jdbc().query(source.queries().reference("roles"), none,
                        rs -> { roles.put(rs.getInt("id"), rs.getString("name")); });
                List<UserRecord> users = new ArrayList<>();
                source.jdbc().query(source.queries().reference("users"), none, rs -> {
                    users.add(new UserRecord(rs.getLong("id"), rs.getString("full_name"), rs.getString("email"),
                            rs.getObject("role_id", Integer.class), instant(rs, "created_at"),
                            instant(rs, "deactivated_at"), instant(rs, "last_login_at")));
                });
                Map<Integer, Channel> channels = new HashMap<>();
                source.jdbc().query(source.queries().reference("channels"), none, rs -> {
                    channels.put(rs.getInt("id"), new Channel(rs.getInt("id"), rs.getString("type"),
                            rs.getString("name"), rs.getString("address")));
                });
                List<UserChannel> userChannels = new ArrayList<>();
                source.jdbc().query(source.queries().reference("user-channels"), none, rs -> {
                    userChannels.add(new UserChannel(rs.getLong("user_id"), rs.getInt("channel_id"),
                            instant(rs, "assigned_at")));
                });
                return new ReferenceData(new Roles(roles), users, channels, userChannels);
            });
        } catch (RuntimeException e) {
            throw source.failure("reading users, roles and channels", e);
        }
    }

    /**
     * Streams the groups of {@code [fromUtc, toUtc)} into the classifier, one query per event table,
     * in one read-only transaction so the four tables are read as of the same moment.
     */
    public void readFacts(SourceConnection source, Instant fromUtc, Instant toUtc, Instant asOf, Classifier into) {
        LocalDayExpression localDay = new LocalDayExpression(source.zone(), fromUtc, toUtc);
        Map<String, Object> params = new HashMap<>(localDay.parameters());
        params.put("fromUtc", utc(fromUtc));
        params.put("toUtc", utc(toUtc));
        params.put("asOf", utc(asOf));
        try {
            source.readOnly().executeWithoutResult(status -> {
                source.jdbc().query(source.queries().facts("messages", localDay), params, rs -> {
                    into.message(new MessageGroup(day(rs), rs.getObject("channel_id", Integer.class),
                            rs.getObject("user_id", Long.class), text(rs, "direction"), rs.getInt("bad_segments") != 0,
                            rs.getInt("future") != 0, rs.getLong("n_rows"), rs.getLong("units")));
                });
                source.jdbc().query(source.queries().facts("calls", localDay), params, rs -> {
                    into.call(new CallGroup(day(rs), rs.getObject("channel_id", Integer.class),
                            rs.getObject("user_id", Long.class), text(rs, "direction"), rs.getInt("duration_sign"),
                            rs.getInt("future") != 0, rs.getLong("n_rows"), rs.getLong("units")));
                });
                source.jdbc().query(source.queries().facts("bot-sessions", localDay), params, rs -> {
                    into.botSession(new BotSessionGroup(day(rs), rs.getObject("channel_id", Integer.class),
                            rs.getInt("future") != 0, rs.getLong("n_rows")));
                });
                source.jdbc().query(source.queries().facts("user-sessions", localDay), params, rs -> {
                    into.userSession(new UserSessionGroup(day(rs), rs.getLong("user_id"), rs.getLong("n_rows")));
                });
            });
        } catch (RuntimeException e) {
            throw source.failure("reading events " + fromUtc + " to " + toUtc, e);
        }
    }

    private static LocalDate day(ResultSet rs) throws SQLException {
        return rs.getObject("local_day", LocalDate.class);
    }

    /** The exact stored text: on MySQL the column arrives as bytes, so it is decoded here, not by a collation. */
    private static String text(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
        return value.toString();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
