package com.contactcenter.billing.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.usage.Channel;
import com.contactcenter.billing.usage.ReferenceData;
import com.contactcenter.billing.usage.Roles;
import com.contactcenter.billing.usage.UserChannel;
import com.contactcenter.billing.usage.UserRecord;
import com.contactcenter.billing.warehouse.ReferenceStore.Written;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A copy of 100,000 users (20 roles, 50 channels, 250,000 assignments) on an H2 warehouse, synced
 * again unchanged and with 1 % of its users changed. The rows written are asserted exactly; the
 * times are only printed, a rough figure beside the benchmark's on MariaDB.
 */
class ReferenceStoreLargeTest {

    static final int USERS = 100_000;
    static final Instant CREATED = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void aResyncOf100000UsersWritesOnlyTheOnePercentThatChanged() {
        // given
        DataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:reference_large;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        ReferenceStore store =
                new ReferenceStore(new JdbcTemplate(dataSource), new BulkInsert(new JdbcTemplate(dataSource)));
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        ReferenceData source = tenant(0);
        ReferenceData onePercentChanged = tenant(100);

        // when
        Timed first = timed(() -> transaction.execute(s -> store.replace("large", source, 1, CREATED, 1000)));
        Timed unchanged = timed(() -> transaction.execute(s -> store.replace("large", source, 2, CREATED, 1000)));
        Timed changed =
                timed(() -> transaction.execute(s -> store.replace("large", onePercentChanged, 3, CREATED, 1000)));
        Timed unchangedAgain =
                timed(() -> transaction.execute(s -> store.replace("large", onePercentChanged, 4, CREATED, 1000)));

        // then
        System.out.printf(
                "Reference copy of %,d users on H2: first write %d ms; again unchanged %d ms;"
                        + " 1 %% of users changed %d ms; unchanged again %d ms%n",
                USERS, first.millis(), unchanged.millis(), changed.millis(), unchangedAgain.millis());
        assertThat(first.written()).isEqualTo(new Written(20 + USERS + 50 + 250_000, 0, 0));
        assertThat(unchanged.written()).isEqualTo(new Written(0, 0, 0));
        assertThat(changed.written()).isEqualTo(new Written(0, USERS / 100, 0));
        assertThat(unchangedAgain.written()).isEqualTo(new Written(0, 0, 0));
        assertThat(store.load("large").orElseThrow().data().users()).isEqualTo(onePercentChanged.users());
    }

    /** The tenant; with {@code changeEvery} above 0, every such user's last login is 1 ms later. */
    private static ReferenceData tenant(int changeEvery) {
        Map<Integer, String> roles = new HashMap<>();
        for (int id = 1; id <= 20; id++) {
            roles.put(id, "Rol " + id);
        }
        Map<Integer, Channel> channels = new HashMap<>();
        for (int id = 1; id <= 50; id++) {
            channels.put(id, new Channel(id, "whatsapp", "Canal " + id, "+57 300 000 " + id));
        }
        List<UserRecord> users = new ArrayList<>(USERS);
        List<UserChannel> assigned = new ArrayList<>();
        for (long id = 1; id <= USERS; id++) {
            Instant login = CREATED.plusSeconds(id * 60).plusMillis(changeEvery > 0 && id % changeEvery == 0 ? 1 : 0);
            users.add(new UserRecord(
                    id,
                    "Usuario Núñez " + id,
                    "usuario" + id + "@example.com",
                    (int) (id % 21) == 0 ? null : (int) (id % 21),
                    CREATED,
                    id % 7 == 0 ? login : null,
                    login));
            // 1 to 4 channels per user, 2.5 on average, as in the demo tenant
            for (int c = 0; c <= id % 4; c++) {
                assigned.add(new UserChannel(id, (int) ((id + c * 13) % 50) + 1, CREATED));
            }
        }
        return new ReferenceData(new Roles(roles), users, channels, assigned);
    }

    private record Timed(Written written, long millis) {}

    private static Timed timed(Supplier<Written> write) {
        long started = System.nanoTime();
        Written written = write.get();
        return new Timed(written, (System.nanoTime() - started) / 1_000_000);
    }
}
