package com.contactcenter.billing.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.contactcenter.billing.support.SourceDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.ConnectionCallback;

/** How a source's reads connect: one new read-only connection per read, within its server's bound. */
class SourceConnectionTest {

    private static final String URL = SourceDatabases.h2Url("source_connection_src");

    private static SourceProperties source(String password, List<String> initSql) {
        return new SourceProperties(
                "acme",
                URL,
                "sa",
                password,
                ZoneId.of("America/Bogota"),
                Map.of(),
                Duration.ofSeconds(90),
                initSql,
                Duration.ofSeconds(5),
                null);
    }

    /**
     * What a read's connection says about itself: autocommit, isolation, session, the init SQL's
     * variable, connections held (H2 ignores read-only: that is Connector/J's, on MariaDB).
     */
    private record Seen(boolean autoCommit, int isolation, int session, String tenant, int inUse) {}

    @Test
    void eachReadOpensItsOwnReadOnlyConnectionAfterTheInitSqlAndClosesIt() {
        // given
        SourceDatabases.loadH2("source_connection_src");
        ServerConnections servers = new ServerConnections(2);
        SourceConnection source =
                new SourceConnection(source("", List.of("SET @tenant = 'acme'", "SET @pass = 1")), servers);

        // when two reads, one after the other
        List<Seen> reads = List.of(read(source, servers), read(source, servers));

        // then each read had a connection of its own, prepared as a pool's was, and gave it back
        assertThat(reads)
                .extracting(Seen::autoCommit, Seen::isolation, Seen::tenant, Seen::inUse)
                .containsOnly(tuple(false, Connection.TRANSACTION_REPEATABLE_READ, "acme", 1));
        assertThat(reads.get(0).session()).isNotEqualTo(reads.get(1).session());
        assertThat(servers.inUse(URL)).isZero();
        assertThat(source.jdbc().getJdbcTemplate().getFetchSize()).isEqualTo(1000);
        assertThat(source.jdbc().getJdbcTemplate().getQueryTimeout()).isEqualTo(90);
    }

    @Test
    void aProbeAnswersThroughTheServersBoundAndNeverCreatesAMissingDatabase() throws Exception {
        // given a live source, a missing H2 file and a server that refuses connections
        SourceDatabases.loadH2("source_connection_src");
        ServerConnections servers = new ServerConnections(1);
        java.nio.file.Path missing =
                java.nio.file.Files.createTempDirectory("probe").resolve("gone");
        SourceConnection live = new SourceConnection(source("", List.of()), servers);
        SourceConnection absent = new SourceConnection(
                new SourceProperties(
                        "gone",
                        "jdbc:h2:file:" + missing,
                        "sa",
                        "",
                        ZoneId.of("UTC"),
                        Map.of(),
                        Duration.ofSeconds(5),
                        List.of(),
                        Duration.ofSeconds(2),
                        null),
                servers);
        SourceConnection refused = new SourceConnection(
                new SourceProperties(
                        "down",
                        "jdbc:mysql://127.0.0.1:1/tenant",
                        "reader",
                        "s3cret-pass",
                        ZoneId.of("UTC"),
                        Map.of(),
                        Duration.ofSeconds(5),
                        List.of(),
                        Duration.ofSeconds(2),
                        null),
                servers);

        // when each is probed
        // then the live one answers and gives its connection back; the others say why, with no password
        assertThat(live.probe(3)).isEmpty();
        assertThat(servers.inUse(URL)).isZero();
        assertThat(absent.probe(3)).hasValueSatisfying(why -> assertThat(why).contains("not found"));
        assertThat(java.nio.file.Files.exists(missing.resolveSibling("gone.mv.db")))
                .isFalse();
        assertThat(refused.probe(3))
                .hasValueSatisfying(
                        why -> assertThat(why).doesNotContain("s3cret-pass").isEqualTo("Connection refused"));
    }

    private static Seen read(SourceConnection source, ServerConnections servers) {
        return source.readOnly()
                .execute(status -> source.jdbc().getJdbcTemplate().execute((ConnectionCallback<Seen>) c -> new Seen(
                        c.getAutoCommit(),
                        c.getTransactionIsolation(),
                        source.jdbc().getJdbcTemplate().queryForObject("SELECT SESSION_ID()", Integer.class),
                        source.jdbc().getJdbcTemplate().queryForObject("SELECT @tenant", String.class),
                        servers.inUse(URL))));
    }

    @Test
    void aServerWithTooManyConnectionsIsSaturatedAndUnreachable() {
        // given Connector/J's refusal, as Spring hands it over
        SourceConnection source = new SourceConnection(source("s3cr3t", List.of()));
        SQLException refused = new SQLNonTransientConnectionException(
                "Data source rejected establishment of connection,  message from server: \"Too many connections\"",
                "08004",
                1040);

        // when
        SourceException failure = source.failure(
                "reading users, roles and channels",
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", refused));

        // then
        assertThat(List.of(failure.saturated(), failure.unreachable())).containsExactly(true, true);
        assertThat(failure.getMessage())
                .isEqualTo("source 'acme' at h2:mem:source_connection_src: reading users,"
                        + " roles and channels failed: Data source rejected establishment of connection,  message from server:"
                        + " \"Too many connections\"");
    }

    @Test
    void theServersOwnTooManyConnectionsErrorIsSaturatedToo() {
        SourceConnection source = new SourceConnection(source("", List.of()));

        SourceException failure = source.failure("reading", new SQLException("Too many connections", "HY000", 1040));

        assertThat(List.of(failure.saturated(), failure.unreachable())).containsExactly(true, true);
    }

    @Test
    void aRefusedConnectionOrAFailingQueryIsNotSaturated() {
        // given
        SourceConnection source = new SourceConnection(source("s3cr3t", List.of()));

        // when
        SourceException refused = source.failure(
                "reading",
                new CannotGetJdbcConnectionException(
                        "no", new SQLNonTransientConnectionException("Connection refused for s3cr3t", "08001", 0)));
        SourceException badQuery =
                source.failure("reading", new SQLException("Table 'agents' doesn't exist", "42S02", 1146));

        // then
        assertThat(List.of(refused.saturated(), refused.unreachable(), badQuery.saturated(), badQuery.unreachable()))
                .containsExactly(false, true, false, false);
        assertThat(refused.getMessage()).endsWith("reading failed: Connection refused for ****");
    }
}
