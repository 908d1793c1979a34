package com.contactcenter.billing.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.usage.Estimate;
import com.contactcenter.billing.usage.EstimateLine;
import com.contactcenter.billing.usage.Finding;
import com.contactcenter.billing.usage.GroupBy;
import com.contactcenter.billing.usage.Period;
import com.contactcenter.billing.usage.ServiceKey;
import com.contactcenter.billing.usage.UsageReport;
import com.contactcenter.billing.usage.UsageReport.AssignedChannel;
import com.contactcenter.billing.usage.UsageReport.UserBucket;
import com.contactcenter.billing.usage.UsageReport.UserDetail;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class SnapshotDocumentTest {

    private static final LocalDate DAY = LocalDate.parse("2026-10-05");
    private static final Instant AS_OF = Instant.parse("2026-11-02T07:00:00.120Z");
    private static final List<String> TOP_LEVEL_BUT_USERS = List.of(
            "source",
            "timeZone",
            "period",
            "groupBy",
            "snapshot",
            "coverage",
            "usersByRole",
            "services",
            "whatsapp",
            "series",
            "usersByRoleSeries",
            "estimate",
            "dataQuality");

    /** Hostile text, nulls, empty lists and money of several scales: what the tree wrote, byte for byte. */
    private static UsageReport report() {
        Period period =
                new Period(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31"), ZoneId.of("America/Bogota"));
        List<UserDetail> users = List.of(
                new UserDetail(
                        4,
                        "Camila \uD83D\uDE80 Ríos \"=SUM(A1)\"",
                        "c@x.co",
                        "Agente",
                        2,
                        3,
                        12,
                        1,
                        7,
                        Instant.parse("2026-10-30T22:11:05.5Z"),
                        List.of(new UserBucket(DAY, 3, 12, 1, 7)),
                        List.of(new AssignedChannel(3, "WhatsApp\tVentas", "WHATSAPP "))),
                new UserDetail(9, null, null, "Sin rol", 0, 0, 0, 0, 0, null, List.of(), List.of()));
        List<EstimateLine> lines = List.of(
                new EstimateLine(
                        EstimateLine.Kind.SEAT,
                        "Agente",
                        1,
                        new BigDecimal("80000.00"),
                        new BigDecimal("80000.00"),
                        true),
                new EstimateLine(
                        EstimateLine.Kind.SERVICE,
                        "sms_out",
                        1530,
                        new BigDecimal("0.0500"),
                        new BigDecimal("76.50"),
                        false));
        return new UsageReport(
                period,
                GroupBy.DAY,
                List.of(new UsageReport.RoleUsers("Agente", 1)),
                users,
                List.of(new UsageReport.ServiceUsage(ServiceKey.SMS_OUT, 1200, 1530)),
                List.of(new UsageReport.WhatsappChannel(
                        3, "Ventas", 5200, 4100, List.of(new UsageReport.WhatsappBucket(DAY, 10, 20)))),
                List.of(new UsageReport.SeriesPoint(DAY, ServiceKey.SMS_OUT, 130, 131)),
                List.of(new UsageReport.RoleSeriesPoint(DAY, "Agente", 1)),
                new Estimate("COP", 2, lines, new BigDecimal("80076.50")),
                List.of(new UsageReport.FindingCount(Finding.NEGATIVE_DURATION, 3)));
    }

    /** The content hash is taken from the streamed bytes: they must be the old tree's, or versions would multiply. */
    @Test
    void streamedFiguresAreTheTreesTextInUtf8() {
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();

        SnapshotDocument.write(streamed, "acme", report(), SnapshotDocument.Header.figures(AS_OF, List.of(7L, 9L)), 31);

        String tree = TreeDocument.text(TreeDocument.figures("acme", report(), AS_OF, List.of(7L, 9L), 31));
        assertThat(streamed.toByteArray()).isEqualTo(tree.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void streamedVersionIsTheTreeWithItsSnapshotBlock() {
        Instant computedAt = Instant.parse("2026-11-02T07:01:00Z");
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();

        SnapshotDocument.write(
                streamed, "acme", report(), new SnapshotDocument.Header("id-1", 3, AS_OF, computedAt, List.of(7L)), 30);

        String tree = TreeDocument.stored(
                TreeDocument.figures("acme", report(), AS_OF, List.of(7L), 30), "id-1", 3, computedAt);
        assertThat(streamed.toString(StandardCharsets.UTF_8)).isEqualTo(tree);
    }

    @Test
    void readsEachTopLevelValueAndEachUserApart() {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        List<JsonNode> users = new ArrayList<>();

        SnapshotDocument.read(written(), fields::put, users::add);

        assertThat(fields.keySet()).containsExactlyElementsOf(TOP_LEVEL_BUT_USERS);
        assertThat(users).hasSize(2);
        assertThat(users.get(0).get("name").asString()).isEqualTo("Camila \uD83D\uDE80 Ríos \"=SUM(A1)\"");
        assertThat(users.get(0).get("activity").get(0).get("messagesSent").asLong())
                .isEqualTo(12);
        assertThat(users.get(1).get("lastLoginAt").isNull()).isTrue();
        assertThat(fields.get("estimate").get("lines").get(1).get("unitPrice").asString())
                .isEqualTo("0.0500");
    }

    @Test
    void readsEachUsersFiguresAsItsTreeWithoutItsLists() {
        List<JsonNode> trees = new ArrayList<>();
        SnapshotDocument.read(written(), (name, value) -> {}, trees::add);
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        List<JsonNode> figures = new ArrayList<>();

        SnapshotDocument.readUserFigures(written(), fields::put, figures::add);

        assertThat(fields.keySet()).containsExactlyElementsOf(TOP_LEVEL_BUT_USERS);
        assertThat(figures).hasSize(2);
        for (int i = 0; i < trees.size(); i++) {
            ObjectNode expected = ((ObjectNode) trees.get(i)).deepCopy();
            expected.remove(List.of("assignedChannels", "activity"));
            assertThat(figures.get(i)).isEqualTo(expected);
        }
    }

    /** The document of {@link #report()}, as a stream to read. */
    private static ByteArrayInputStream written() {
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        SnapshotDocument.write(streamed, "acme", report(), SnapshotDocument.Header.figures(AS_OF, List.of(7L)), 31);
        return new ByteArrayInputStream(streamed.toByteArray());
    }
}
