package com.contactcenter.billing.warehouse;

import com.contactcenter.billing.jdbc.Utc;
import com.contactcenter.billing.usage.Channel;
import com.contactcenter.billing.usage.ReferenceData;
import com.contactcenter.billing.usage.Roles;
import com.contactcenter.billing.usage.UserChannel;
import com.contactcenter.billing.usage.UserRecord;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The warehouse copy of each source's users, roles, channels and assignments. Each sync writes only
 * the rows that changed ({@link CopyTable}): rewriting the whole copy took most of a nightly sync
 * at 100,000 users.
 */
@Repository
public class ReferenceStore {

    /** A source's reference copy and the sync run it came from. */
    public record ReferenceCopy(ReferenceData data, long syncRunId, Instant asOf) {}

    /** Rows of the copy tables (roles, users, channels, assignments) a sync inserted, updated and deleted. */
    public record Written(long inserted, long updated, long deleted) {

        Written plus(Written other) {
            return new Written(inserted + other.inserted, updated + other.updated, deleted + other.deleted);
        }
    }

    private static final CopyTable<Map.Entry<Integer, String>> ROLES = new CopyTable<>(
            "wh_role",
            List.of("id"),
            (v, role) -> v.number(role.getKey()),
            Map.Entry.comparingByKey(),
            List.of("name"),
            (v, role) -> v.text(role.getValue()),
            (rs, n) -> Map.entry(rs.getInt("id"), rs.getString("name")),
            Object::equals);

    private static final CopyTable<UserRecord> USERS = new CopyTable<>(
            "wh_user",
            List.of("id"),
            (v, user) -> v.number(user.id()),
            Comparator.comparingLong(UserRecord::id),
            List.of("full_name", "email", "role_id", "created_at", "deactivated_at", "last_login_at"),
            (v, user) -> v.text(user.name())
                    .text(user.email())
                    .number(user.roleId())
                    .instant(user.createdAt())
                    .instant(user.deactivatedAt())
                    .instant(user.lastLoginAt()),
            (rs, n) -> new UserRecord(
                    rs.getLong("id"),
                    rs.getString("full_name"),
                    rs.getString("email"),
                    rs.getObject("role_id", Integer.class),
                    Utc.read(rs, "created_at"),
                    Utc.read(rs, "deactivated_at"),
                    Utc.read(rs, "last_login_at")),
            (user, stored) -> Objects.equals(user.name(), stored.name())
                    && Objects.equals(user.email(), stored.email())
                    && Objects.equals(user.roleId(), stored.roleId())
                    && sameMillis(user.createdAt(), stored.createdAt())
                    && sameMillis(user.deactivatedAt(), stored.deactivatedAt())
                    && sameMillis(user.lastLoginAt(), stored.lastLoginAt()));

    private static final CopyTable<Channel> CHANNELS = new CopyTable<>(
            "wh_channel",
            List.of("id"),
            (v, channel) -> v.number(channel.id()),
            Comparator.comparingInt(Channel::id),
            List.of("type", "name", "address"),
            (v, channel) -> v.text(channel.type()).text(channel.name()).text(channel.address()),
            (rs, n) ->
                    new Channel(rs.getInt("id"), rs.getString("type"), rs.getString("name"), rs.getString("address")),
            Object::equals);

    private static final CopyTable<UserChannel> USER_CHANNELS = new CopyTable<>(
            "wh_user_channel",
            List.of("user_id", "channel_id"),
            (v, assigned) -> v.number(assigned.userId()).number(assigned.channelId()),
            Comparator.comparingLong(UserChannel::userId).thenComparingInt(UserChannel::channelId),
            List.of("assigned_at"),
            (v, assigned) -> v.instant(assigned.assignedAt()),
            (rs, n) -> new UserChannel(rs.getLong("user_id"), rs.getInt("channel_id"), Utc.read(rs, "assigned_at")),
            (assigned, stored) -> sameMillis(assigned.assignedAt(), stored.assignedAt()));

    private final JdbcTemplate jdbc;
    private final BulkInsert bulk;

    public ReferenceStore(JdbcTemplate jdbc, BulkInsert bulk) {
        this.jdbc = jdbc;
        this.bulk = bulk;
    }

    /**
     * Brings the copy in line with {@code data}, writing only the rows that differ, and records the
     * sync run; the caller's transaction makes it atomic.
     */
    public Written replace(String source, ReferenceData data, long syncRunId, Instant asOf, int batchSize) {
        Written written = ROLES.replace(
                        jdbc, bulk, source, data.roles().namesById().entrySet(), batchSize)
                .plus(USERS.replace(jdbc, bulk, source, data.users(), batchSize))
                .plus(CHANNELS.replace(jdbc, bulk, source, data.channels().values(), batchSize))
                .plus(USER_CHANNELS.replace(jdbc, bulk, source, data.userChannels(), batchSize));
        jdbc.update("DELETE FROM wh_reference WHERE source = ?", source);
        jdbc.update(
                "INSERT INTO wh_reference (source, sync_run_id, as_of) VALUES (?, ?, ?)",
                source,
                syncRunId,
                Utc.of(asOf));
        return written;
    }

    /**
     * Instants as the copy stores them: to the millisecond ({@link Utc#of}), so a source's finer
     * instants are no change.
     */
    private static boolean sameMillis(Instant instant, Instant stored) {
        return instant == null ? stored == null : stored != null && instant.toEpochMilli() == stored.toEpochMilli();
    }

    /** The sync run that wrote the source's reference copy, without loading the copy. */
    public Optional<Long> syncRunId(String source) {
        return jdbc
                .query(
                        "SELECT sync_run_id FROM wh_reference WHERE source = ?",
                        (rs, i) -> rs.getLong("sync_run_id"),
                        source)
                .stream()
                .findFirst();
    }

    public Optional<ReferenceCopy> load(String source) {
        List<ReferenceCopy> found = jdbc.query(
                "SELECT sync_run_id, as_of FROM wh_reference WHERE source = ?",
                (rs, i) -> new ReferenceCopy(null, rs.getLong("sync_run_id"), Utc.read(rs, "as_of")),
                source);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ReferenceCopy(
                loadData(source), found.get(0).syncRunId(), found.get(0).asOf()));
    }

    public Map<Integer, Channel> channels(String source) {
        return CHANNELS.rows(jdbc, source).stream().collect(Collectors.toMap(Channel::id, channel -> channel));
    }

    public Roles roles(String source) {
        return new Roles(
                ROLES.rows(jdbc, source).stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    public List<UserRecord> users(String source) {
        return USERS.rows(jdbc, source);
    }

    private ReferenceData loadData(String source) {
        return new ReferenceData(roles(source), users(source), channels(source), USER_CHANNELS.rows(jdbc, source));
    }
}
