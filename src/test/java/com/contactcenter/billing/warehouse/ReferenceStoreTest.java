package com.contactcenter.billing.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.usage.Channel;
import com.contactcenter.billing.usage.ReferenceData;
import com.contactcenter.billing.usage.Roles;
import com.contactcenter.billing.usage.UserChannel;
import com.contactcenter.billing.usage.UserRecord;
import com.contactcenter.billing.warehouse.ReferenceStore.Written;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A source's reference copy synced again after changes in the source, on an H2 warehouse (MySQL
 * mode, as embedded by default): read back, the copy equals the source's new rows, and only the
 * rows that changed were written. The writes are counted twice: by the store, and at JDBC by a
 * {@link WriteLog}, which sees every statement whatever the store claims.
 */
class ReferenceStoreTest {

    static final String SOURCE = "acme";
    static final String OTHER = "other";
    static final Instant AS_OF = Instant.parse("2026-10-02T05:00:00Z");

    static final Roles ROLES = new Roles(Map.of(1, "Agente", 2, "Supervisor", 3, "Administración"));
    static final UserRecord ANA = user(1, "Ana Pérez", 1, null, "2026-09-30T21:15:42.123Z");
    static final UserRecord BRUNO = user(2, "Bruno Díaz", 2, null, "2026-09-29T13:00:00.001Z");
    static final UserRecord CARLA = user(3, "Carla Ruiz", null, null, null);
    static final UserRecord EVA = user(5, "Eva Núñez", 1, null, "2026-09-01T08:00:00Z");
    static final UserRecord ZOE = user(40, "Zoë 👩🏽‍💻 ", 3, null, null);
    static final UserRecord FAR = user(3_000_000_000L, "Lejano", 1, "2026-03-31T23:59:59.999Z", "2026-03-31T23:00:00Z");
    static final Channel SALES = new Channel(10, "whatsapp", "Ventas", "+57 300 000 0000");
    static final Channel SUPPORT = new Channel(11, "voice", "Soporte", "+57 601 555 0000");
    static final Channel MAIL = new Channel(12, "email", "Correo", null);

    /** The first sync's rows, users and assignments in no particular order, as a source returns them. */
    static final ReferenceData FIRST = new ReferenceData(
            ROLES,
            List.of(ZOE, ANA, FAR, BRUNO, CARLA, EVA),
            channels(SALES, SUPPORT, MAIL),
            List.of(
                    assigned(40, 12),
                    assigned(1, 11),
                    assigned(1, 10),
                    assigned(2, 10),
                    assigned(3, 12),
                    assigned(5, 11)));

    static final UserRecord ANA_LOGGED_1_MS_LATER = user(1, "Ana Pérez", 1, null, "2026-09-30T21:15:42.124Z");
    static final UserRecord BRUNO_RENAMED = user(2, "=HYPERLINK(\"x\") 😀", 2, null, "2026-09-29T13:00:00.001Z");
    static final UserRecord EVA_DEACTIVATED =
            user(5, "Eva Núñez", 1, "2026-10-01T17:30:00.500Z", "2026-09-01T08:00:00Z");
    static final UserRecord NEW = user(7, "Nuevo 🚀", 2, null, null);

    /**
     * The source a day later: role 2 renamed; Ana's last login 1 ms later; Bruno renamed; Carla
     * and her assignment gone; Eva deactivated and unassigned from channel 11; a new user
     * assigned to channel 10; channel 11 now an SMS channel.
     */
    static final ReferenceData SECOND = new ReferenceData(
            new Roles(Map.of(1, "Agente", 2, "Supervisora", 3, "Administración")),
            List.of(NEW, EVA_DEACTIVATED, ZOE, FAR, BRUNO_RENAMED, ANA_LOGGED_1_MS_LATER),
            channels(SALES, new Channel(11, "sms", "Soporte", "+57 601 555 0000"), MAIL),
            List.of(assigned(7, 10), assigned(40, 12), assigned(1, 11), assigned(1, 10), assigned(2, 10)));

    private final WriteLog writes = new WriteLog();
    private ReferenceStore store;
    private TransactionTemplate transaction;
    private JdbcTemplate warehouse;

    /** The warehouse the copy is written to. */
    DataSource warehouse() {
        return new DriverManagerDataSource(
                "jdbc:h2:mem:reference_store;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
    }

    @BeforeEach
    void anEmptyWarehouse() {
        DataSource dataSource = warehouse();
        Flyway.configure().dataSource(dataSource).load().migrate();
        warehouse = new JdbcTemplate(dataSource);
        for (String table : List.of("wh_role", "wh_user", "wh_channel", "wh_user_channel", "wh_reference")) {
            warehouse.update("DELETE FROM " + table);
        }
        DataSource watched = writes.watch(dataSource);
        store = new ReferenceStore(new JdbcTemplate(watched), new BulkInsert(new JdbcTemplate(watched)));
        transaction = new TransactionTemplate(new DataSourceTransactionManager(watched));
    }

    @Test
    void aFirstSyncInsertsTheWholeCopy() {
        // when
        Written written = sync(SOURCE, FIRST, 1);

        // then 3 roles, 6 users, 3 channels and 6 assignments
        assertWrote(
                written,
                new Written(18, 0, 0),
                Map.of(
                        "INSERT wh_role",
                        3L,
                        "INSERT wh_user",
                        6L,
                        "INSERT wh_channel",
                        3L,
                        "INSERT wh_user_channel",
                        6L));
        assertCopy(SOURCE, FIRST, 1);
    }

    @Test
    void aSecondSyncWithNoChangeWritesNoRowOfTheCopy() {
        // given
        sync(SOURCE, FIRST, 1);

        // when
        Written written = sync(SOURCE, FIRST, 2);

        // then only the run that wrote the copy is recorded again
        assertWrote(written, new Written(0, 0, 0), Map.of());
        assertCopy(SOURCE, FIRST, 2);
    }

    @Test
    void aResyncWritesOnlyTheRowsThatChanged() {
        // given both sources copied
        sync(SOURCE, FIRST, 1);
        sync(OTHER, FIRST, 2);

        // when
        Written written = sync(SOURCE, SECOND, 3);

        // then users 7 and (7, 10) inserted; role 2, users 1, 2 and 5, channel 11 updated;
        // user 3, (3, 12) and (5, 11) deleted
        assertWrote(
                written,
                new Written(2, 5, 3),
                Map.of(
                        "UPDATE wh_role",
                        1L,
                        "INSERT wh_user",
                        1L,
                        "UPDATE wh_user",
                        3L,
                        "DELETE wh_user",
                        1L,
                        "UPDATE wh_channel",
                        1L,
                        "INSERT wh_user_channel",
                        1L,
                        "DELETE wh_user_channel",
                        2L));
        assertCopy(SOURCE, SECOND, 3);
        assertCopy(OTHER, FIRST, 2);
    }

    @Test
    void aDeactivationUndoneInTheSourceIsUndoneInTheCopy() {
        // given Eva deactivated by the second sync
        sync(SOURCE, FIRST, 1);
        sync(SOURCE, SECOND, 2);
        List<UserRecord> reactivated =
                SECOND.users().stream().map(u -> u.id() == EVA.id() ? EVA : u).toList();
        ReferenceData third = new ReferenceData(SECOND.roles(), reactivated, SECOND.channels(), SECOND.userChannels());

        // when
        Written written = sync(SOURCE, third, 3);

        // then
        assertWrote(written, new Written(0, 1, 0), Map.of("UPDATE wh_user", 1L));
        assertCopy(SOURCE, third, 3);
        assertThat(warehouse.queryForObject(
                        "SELECT COUNT(*) FROM wh_user WHERE source = ? AND id = 5" + " AND deactivated_at IS NULL",
                        Long.class,
                        SOURCE))
                .isEqualTo(1L);
    }

    @Test
    void aSourceInstantFinerThanTheCopysMillisecondIsNoChange() {
        // given a source that stores microseconds
        UserRecord fine = user(9, "Micro", 1, "2026-10-01T10:00:00.123456Z", "2026-10-01T09:00:00.999999Z");
        ReferenceData source = new ReferenceData(
                ROLES,
                List.of(fine),
                Map.of(),
                List.of(new UserChannel(9, 10, Instant.parse("2026-01-01T00:00:00.000001Z"))));
        sync(SOURCE, source, 1);

        // when
        Written written = sync(SOURCE, source, 2);

        // then the copy holds them to the millisecond, and that is no change
        assertWrote(written, new Written(0, 0, 0), Map.of());
        assertCopy(
                SOURCE,
                new ReferenceData(
                        ROLES,
                        List.of(user(9, "Micro", 1, "2026-10-01T10:00:00.123Z", "2026-10-01T09:00:00.999Z")),
                        Map.of(),
                        List.of(new UserChannel(9, 10, Instant.parse("2026-01-01T00:00:00Z")))),
                2);
    }

    @Test
    void aCopyRowChangedInTheWarehouseIsPutBack() {
        // given the copy compared is the warehouse's, not what the last sync wrote
        sync(SOURCE, FIRST, 1);
        warehouse.update("UPDATE wh_user SET full_name = 'Ana Perez' WHERE source = ? AND id = 1", SOURCE);
        warehouse.update("UPDATE wh_channel SET address = NULL WHERE source = ? AND id = 10", SOURCE);

        // when
        Written written = sync(SOURCE, FIRST, 2);

        // then
        assertWrote(written, new Written(0, 2, 0), Map.of("UPDATE wh_user", 1L, "UPDATE wh_channel", 1L));
        assertCopy(SOURCE, FIRST, 2);
    }

    /** Syncs in a transaction, as the sync step does, with a fresh count of the writes. */
    private Written sync(String source, ReferenceData data, long runId) {
        writes.take();
        // a batch size of 2 splits each table's writes into several batches
        return transaction.execute(status -> store.replace(source, data, runId, AS_OF.plusSeconds(runId), 2));
    }

    /**
     * The rows the store says it wrote, and the writes JDBC saw: {@code copyWrites} on the copy
     * tables, and the sync run recorded.
     */
    private void assertWrote(Written written, Written expected, Map<String, Long> copyWrites) {
        assertThat(written).isEqualTo(expected);
        Map<String, Long> all = new TreeMap<>(copyWrites);
        all.put("DELETE wh_reference", 1L);
        all.put("INSERT wh_reference", 1L);
        assertThat(writes.take()).isEqualTo(all);
    }

    private void assertCopy(String source, ReferenceData expected, long runId) {
        ReferenceStore.ReferenceCopy copy = store.load(source).orElseThrow();
        assertThat(copy.syncRunId()).isEqualTo(runId);
        assertThat(copy.asOf()).isEqualTo(AS_OF.plusSeconds(runId));
        assertThat(copy.data().roles()).isEqualTo(expected.roles());
        assertThat(copy.data().users()).containsExactlyInAnyOrderElementsOf(expected.users());
        assertThat(copy.data().channels()).isEqualTo(expected.channels());
        assertThat(copy.data().userChannels()).containsExactlyInAnyOrderElementsOf(expected.userChannels());
        assertThat(store.channels(source)).isEqualTo(expected.channels());
    }

    static UserRecord user(long id, String name, Integer roleId, String deactivatedAt, String lastLoginAt) {
        return new UserRecord(
                id,
                name,
                "user" + id + "@example.com",
                roleId,
                Instant.parse("2025-01-10T14:00:00Z").plusMillis(id),
                instant(deactivatedAt),
                instant(lastLoginAt));
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    static UserChannel assigned(long userId, int channelId) {
        return new UserChannel(
                userId, channelId, Instant.parse("2025-02-01T00:00:00.250Z").plusSeconds(userId));
    }

    static Map<Integer, Channel> channels(Channel... channels) {
        return List.of(channels).stream().collect(Collectors.toMap(Channel::id, Function.identity()));
    }
}
