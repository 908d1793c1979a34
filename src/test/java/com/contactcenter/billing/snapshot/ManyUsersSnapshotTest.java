package com.contactcenter.billing.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.demo.DemoDataGenerator;
import com.contactcenter.billing.demo.DemoDataSpec;
import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.ops.Requester;
import com.contactcenter.billing.report.ReportData;
import com.contactcenter.billing.support.EdgeTenantFixture;
import com.contactcenter.billing.support.FixedClock;
import com.contactcenter.billing.sync.SyncWindow;
import com.contactcenter.billing.usage.GroupBy;
import com.contactcenter.billing.usage.UsageReport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A generated tenant of 3,000 users, its October by day: an export document of several MB, written
 * streamed and stored gzipped, must be byte for byte the document the product built as one tree.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:wh_many_users;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "spring.datasource.username=sa",
            "spring.datasource.password=",
            FixedClock.PROPERTY + "=2026-11-02T12:00:00Z",
            "billing.sources[0].name=many",
            "billing.sources[0].url=jdbc:h2:mem:many_users_src;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "billing.sources[0].username=sa",
            "billing.sources[0].password=",
            "billing.sources[0].time-zone=America/Bogota",
            "billing.schedule.enabled=false",
            "logging.level.com.contactcenter.billing=WARN"
        })
@TestPropertySource(locations = EdgeTenantFixture.PRICING)
@Import(FixedClock.class)
class ManyUsersSnapshotTest {

    static final LocalDate FROM = LocalDate.parse("2026-10-01");
    static final LocalDate TO = LocalDate.parse("2026-10-31");
    static final int USERS = 3_000;
    private static final Set<String> GENERATED = new HashSet<>();

    @Autowired
    SnapshotService snapshots;

    @Autowired
    JobRunner sync;

    @Autowired
    JdbcTemplate warehouse;

    @Value("${billing.sources[0].url}")
    String sourceUrl;

    @Value("${billing.sources[0].username}")
    String sourceUser;

    @Value("${billing.sources[0].password}")
    String sourcePassword;

    @BeforeEach
    void aMonthOfThreeThousandUsersSynced() {
        synchronized (GENERATED) {
            if (GENERATED.add(sourceUrl)) {
                new DemoDataGenerator(new DriverManagerDataSource(sourceUrl, sourceUser, sourcePassword))
                        .generate(new DemoDataSpec(USERS, 60_000, 11, TO, 1));
                assertThat(sync.sync(List.of("many"), new SyncWindow(FROM, TO), Requester.cli())
                                .succeeded())
                        .isTrue();
            }
        }
    }

    @Test
    void storesTheDocumentGzippedAndReadsBackTheTextTheTreeMade() throws Exception {
        Snapshot computed = snapshots.compute("many", FROM, TO, GroupBy.DAY);

        SnapshotService.Figures figures = snapshots.figures("many", FROM, TO, GroupBy.DAY);
        ObjectNode tree = TreeDocument.figures(
                "many", figures.report(), figures.asOf(), figures.syncRunIds(), figures.daysSynced());
        String expected = TreeDocument.stored(tree, computed.id(), computed.version(), computed.computedAt());
        Snapshot stored = snapshots.byId(computed.id()).orElseThrow();
        assertThat(stored.document()).isEqualTo(expected);
        assertThat(computed.document()).isEqualTo(expected);
        assertThat(expected.length()).isGreaterThan(3_000_000);

        Map<String, Object> row = warehouse.queryForMap(
                "SELECT document, LENGTH(document_gz) AS gz, content_hash" + " FROM snapshot WHERE id = ?",
                computed.id());
        assertThat(row.get("document")).isNull();
        assertThat(((Number) row.get("gz")).longValue()).isLessThan(expected.length() / 5);
        assertThat(row.get("content_hash")).isEqualTo(sha256(TreeDocument.text(tree)));
    }

    @Test
    void computingAgainWithNothingReSyncedKeepsTheVersion() {
        Snapshot first = snapshots.compute("many", FROM, TO, GroupBy.MONTH);

        Snapshot again = snapshots.compute("many", FROM, TO, GroupBy.MONTH);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.version()).isEqualTo(first.version());
    }

    @Test
    void reportDataReadStreamedHoldsEveryUserAsTheWholeTreeDoes() {
        Snapshot snapshot = snapshots.compute("many", FROM, TO, GroupBy.DAY);
        UsageReport report = snapshots.figures("many", FROM, TO, GroupBy.DAY).report();

        ReportData data = ReportData.of(snapshot, Optional.empty());

        JsonNode whole = SnapshotService.json(snapshot);
        assertThat(data.users())
                .hasSize(whole.get("users").size())
                .hasSize(report.users().size());
        assertThat(data.users().size()).isGreaterThan(USERS / 2);
        assertThat(data.users().stream().mapToLong(SnapshotUser::messagesSent).sum())
                .isEqualTo(report.users().stream()
                        .mapToLong(UsageReport.UserDetail::messagesSent)
                        .sum());
        assertThat(data.users().get(USERS / 3).email())
                .isEqualTo(whole.get("users").get(USERS / 3).get("email").asString());
        assertThat(data.figures().estimate().total())
                .isEqualTo(report.estimate().total());
        assertThat(SnapshotService.outline(snapshot).has("users")).isFalse();
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
