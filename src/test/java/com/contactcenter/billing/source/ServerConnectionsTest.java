package com.contactcenter.billing.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

import com.contactcenter.billing.support.SourceDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The node-wide bound on connections per database server, on H2 and on connections that never reach a server. */
class ServerConnectionsTest {

    private static final String H2_A = SourceDatabases.h2Url("server_bound_a");
    private static final String H2_B = SourceDatabases.h2Url("server_bound_b");
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aConnectionTakesAPermitOfItsServerAndItsCloseGivesItBack() throws SQLException {
        // given
        ServerConnections servers = new ServerConnections(3);
        DataSource h2 = servers.dataSource(H2_A, TIMEOUT, () -> DriverManager.getConnection(H2_A, "sa", ""));

        // when
        Connection first = h2.getConnection();
        Connection second = h2.getConnection();

        // then
        assertThat(servers.inUse(H2_A)).isEqualTo(2);
        assertThat(first.isValid(1)).isTrue();
        first.close();
        assertThat(servers.inUse(H2_A)).isEqualTo(1);
        first.close();
        assertThat(servers.inUse(H2_A))
                .as("closing twice gives back one permit")
                .isEqualTo(1);
        assertThat(first.isClosed()).isTrue();
        second.close();
        assertThat(servers.inUse(H2_A)).isZero();
    }

    @Test
    void manyThreadsNeverHoldMoreConnectionsToOneServerThanTheBound() throws Exception {
        // given three sources on one server bounded to 4, read by 24 threads 40 times each
        ServerConnections servers = new ServerConnections(4);
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger holding = new AtomicInteger();
        AtomicInteger mostHeld = new AtomicInteger();
        List<DataSource> sources = new ArrayList<>();
        for (int tenant = 0; tenant < 3; tenant++) {
            sources.add(servers.dataSource(H2_A, TIMEOUT, () -> {
                opened.incrementAndGet();
                return DriverManager.getConnection(H2_A, "sa", "");
            }));
        }

        // when
        List<Future<Long>> readers = new ArrayList<>();
        for (int t = 0; t < 24; t++) {
            DataSource source = sources.get(t % sources.size());
            readers.add(threads.submit(() -> {
                long sum = 0;
                for (int read = 0; read < 40; read++) {
                    try (Connection connection = source.getConnection()) {
                        mostHeld.accumulateAndGet(holding.incrementAndGet(), Math::max);
                        sum += new JdbcTemplate(new SingleConnectionDataSource(connection, true))
                                .queryForObject("SELECT 1", Long.class);
                        // held a while, as a read is: the others queue for a permit even on a busy machine
                        Thread.sleep(5);
                        holding.decrementAndGet();
                    }
                }
                return sum;
            }));
        }
        long reads = 0;
        for (Future<Long> reader : readers) {
            reads += reader.get(60, TimeUnit.SECONDS);
        }

        // then
        assertThat(reads).isEqualTo(24 * 40);
        assertThat(opened.get()).isEqualTo(24 * 40);
        assertThat(mostHeld.get()).isEqualTo(4);
        assertThat(servers.inUse(H2_A)).isZero();
    }

    @Test
    void aFailingCloseStillGivesThePermitBack() throws SQLException {
        // given a connection whose close fails
        ServerConnections servers = new ServerConnections(1);
        Connection breaking = mock(Connection.class);
        doThrow(new SQLException("connection reset")).when(breaking).close();
        DataSource source = servers.dataSource(H2_A, TIMEOUT, () -> breaking);
        Connection connection = source.getConnection();

        // when
        assertThatThrownBy(connection::close).isInstanceOf(SQLException.class).hasMessage("connection reset");

        // then
        assertThat(servers.inUse(H2_A)).isZero();
        assertThat(source.getConnection()).isNotNull();
        assertThat(servers.inUse(H2_A)).isEqualTo(1);
    }

    @Test
    void aConnectionThatCannotBeOpenedGivesThePermitBack() {
        // given
        ServerConnections servers = new ServerConnections(1);
        DataSource down = servers.dataSource("jdbc:mysql://db1:3306/acme", TIMEOUT, () -> {
            throw new SQLException("Connection refused");
        });

        // when
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(down::getConnection)
                    .isInstanceOf(SQLException.class)
                    .hasMessage("Connection refused");
        }

        // then
        assertThat(servers.inUse("jdbc:mysql://db1:3306/acme")).isZero();
    }

    @Test
    void aConnectionSlowerThanTheConnectTimeoutFailsTheReadAndIsClosedWhenItArrives() throws Exception {
        // given a server that answers only when told to
        ServerConnections servers = new ServerConnections(1);
        CountDownLatch answer = new CountDownLatch(1);
        Connection late = mock(Connection.class);
        DataSource slow = servers.dataSource(H2_A, Duration.ofMillis(250), () -> {
            try {
                answer.await();
            } catch (InterruptedException e) {
                throw new SQLException(e);
            }
            return late;
        });

        // when
        assertThatThrownBy(slow::getConnection)
                .isInstanceOf(SQLTransientConnectionException.class)
                .hasMessage("no connection to h2:mem:server_bound_a within 250 ms");

        // then the attempt keeps its permit while it may still open a connection...
        assertThat(servers.inUse(H2_A)).isEqualTo(1);
        answer.countDown();
        // ...and the connection it opens is closed at once, its permit given back
        verify(late, timeout(5_000)).close();
        for (int i = 0; i < 100 && servers.inUse(H2_A) > 0; i++) {
            Thread.sleep(20);
        }
        assertThat(servers.inUse(H2_A)).isZero();
    }

    @Test
    void twoH2DatabasesAreTwoServers() throws Exception {
        // given one connection each at most
        ServerConnections servers = new ServerConnections(1);
        DataSource a = servers.dataSource(H2_A, TIMEOUT, () -> DriverManager.getConnection(H2_A, "sa", ""));
        DataSource b = servers.dataSource(H2_B, TIMEOUT, () -> DriverManager.getConnection(H2_B, "sa", ""));

        // when
        try (Connection onA = a.getConnection()) {
            Future<Boolean> onB = threads.submit(() -> {
                try (Connection connection = b.getConnection()) {
                    return connection.isValid(1);
                }
            });

            // then b does not wait for a
            assertThat(onB.get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(List.of(servers.inUse(H2_A), servers.inUse(H2_B))).containsExactly(1, 0);
        }
        assertThat(ServerConnections.server(H2_A)).isEqualTo("h2:mem:server_bound_a");
        assertThat(ServerConnections.server("jdbc:h2:file:./data/demo-source;MODE=MySQL"))
                .isEqualTo("h2:file:./data/demo-source");
    }

    @Test
    void twoMySqlDatabasesOnOneHostAndPortAreOneServer() throws Exception {
        // given two tenants on db1:3306, one connection at most
        ServerConnections servers = new ServerConnections(1);
        String acme = "jdbc:mysql://billing_ro:pw@DB1:3306/acme?useSSL=true";
        String globex = "jdbc:mysql://db1/globex";
        DataSource first = servers.dataSource(acme, TIMEOUT, () -> mock(Connection.class));
        DataSource second = servers.dataSource(globex, TIMEOUT, () -> mock(Connection.class));
        Connection held = first.getConnection();

        // when
        Future<Connection> waiting = threads.submit(() -> second.getConnection());

        // then globex waits for acme's connection
        assertThatThrownBy(() -> waiting.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        held.close();
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(servers.inUse(acme)).isEqualTo(1);
        assertThat(List.of(
                        ServerConnections.server(acme),
                        ServerConnections.server(globex),
                        ServerConnections.server("jdbc:mysql://db1:3307/acme")))
                .containsExactly("db1:3306", "db1:3306", "db1:3307");
    }
}
