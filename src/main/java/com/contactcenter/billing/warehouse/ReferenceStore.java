package com.contactcenter.billing.warehouse;

import com.contactcenter.billing.jdbc.Utc;
import com.contactcenter.billing.usage.Channel;
import com.contactcenter.billing.usage.ReferenceData;
import com.contactcenter.billing.usage.Roles;
import com.contactcenter.billing.usage.UserChannel;
import com.contactcenter.billing.usage.UserRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The warehouse copy of each source's users, roles, channels and assignments, replaced on each sync. */
@Repository
public class ReferenceStore {

    /** A source's reference copy and the sync run it came from. */
    public record ReferenceCopy(ReferenceData data, long syncRunId, Instant asOf) {
    }

    private final JdbcTemplate jdbc;

    public ReferenceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the copy; the caller's transaction makes it atomic. */
    public void replace(String source, ReferenceData data, long syncRunId, Instant asOf, int batchSize) {
        for (String table : List.of("wh_role", "wh_user", "wh_channel", "wh_user_channel", "wh_reference")) {
            jdbc.update("DELETE FROM " + table + " WHERE source = ?", source);
        }
        jdbc.batchUpdate("INSERT INTO wh_role (source, id, name) VALUES (?, ?, ?)",
                new ArrayList<>(data.roles().namesById().entrySet()), batchSize, (ps, e) -> {
                    ps.setString(1, source);
                    ps.setInt(2, e.getKey());
                    ps.setString(3, e.getValue());
                });
        jdbc.batchUpdate("INSERT INTO wh_user (source, id, full_name, email, role_id, created_at, deactivated_at,"
                + " last_login_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", data.users(), batchSize, (ps, u) -> {
                    ps.setString(1, source);
                    ps.setLong(2, u.id());
                    ps.setString(3, u.name());
                    ps.setString(4, u.email());
                    ps.setObject(5, u.roleId());
                    ps.setObject(6, Utc.of(u.createdAt()));
                    ps.setObject(7, Utc.of(u.deactivatedAt()));
                    ps.setObject(8, Utc.of(u.lastLoginAt()));
                });
        jdbc.batchUpdate("INSERT INTO wh_channel (source, id, type, name, address) VALUES (?, ?, ?, ?, ?)",
                new ArrayList<>(data.channels().values()), batchSize, (ps, c) -> {
                    ps.setString(1, source);
                    ps.setInt(2, c.id());
                    ps.setString(3, c.type());
                    ps.setString(4, c.name());
                    ps.setString(5, c.address());
                });
        jdbc.batchUpdate("INSERT INTO wh_user_channel (source, user_id, channel_id, assigned_at) VALUES (?, ?, ?, ?)",
                data.userChannels(), batchSize, (ps, uc) -> {
                    ps.setString(1, source);
                    ps.setLong(2, uc.userId());
                    ps.setInt(3, uc.channelId());
                    ps.setObject(4, Utc.of(uc.assignedAt()));
                });
        jdbc.update("INSERT INTO wh_reference (source, sync_run_id, as_of) VALUES (?, ?, ?)", source, syncRunId,
                Utc.of(asOf));
    }

    /** The sync run that wrote the source's reference copy, without loading the copy. */
    public Optional<Long> syncRunId(String source) {
        return jdbc.query("SELECT sync_run_id FROM wh_reference WHERE source = ?", (rs, i) -> rs.getLong("sync_run_id"),
                source).stream().findFirst();
    }

        public Optional<ReferenceCopy> load(String source) {
        List<ReferenceCopy> found = jdbc.query("SELECT sync_run_id, as_of FROM wh_reference WHERE source = ?",
                (rs, i) -> new ReferenceCopy(null, rs.getLong("sync_run_id"), Utc.read(rs, "as_of")), source);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ReferenceCopy(loadData(source), found.get(0).syncRunId(), found.get(0).asOf()));
    }

    public Map<Integer, Channel> channels(String source) {
        Map<Integer, Channel> channels = new HashMap<>();
        jdbc.query("SELECT id, type, name, address FROM wh_channel WHERE source = ?", rs -> {
            channels.put(rs.getInt("id"), new Channel(rs.getInt("id"), rs.getString("type"), rs.getString("name"),
                    rs.getString("address")));
        }, source);
        return channels;
    }

    private ReferenceData loadData(String source) {
        Map<Integer, String> roles = new HashMap<>();
        jdbc.query("SELECT id, name FROM wh_role WHERE source = ?", rs -> {
            roles.put(rs.getInt("id"), rs.getString("name"));
        }, source);
        List<UserRecord> users = jdbc.query("SELECT * FROM wh_user WHERE source = ? ORDER BY id", (rs, i) -> {
            return new UserRecord(rs.getLong("id"), rs.getString("full_name"), rs.getString("email"),
                    rs.getObject("role_id", Integer.class), Utc.read(rs, "created_at"), Utc.read(rs, "deactivated_at"),
                    Utc.read(rs, "last_login_at"));
        }, source);
        List<UserChannel> userChannels = jdbc.query("SELECT user_id, channel_id, assigned_at FROM wh_user_channel"
                + " WHERE source = ?", (rs, i) -> new UserChannel(rs.getLong("user_id"), rs.getInt("channel_id"),
                        Utc.read(rs, "assigned_at")), source);
        return new ReferenceData(new Roles(roles), users, channels(source), userChannels);
    }
}
