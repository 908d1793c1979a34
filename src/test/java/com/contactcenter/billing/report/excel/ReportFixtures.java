package com.contactcenter.billing.report.excel;

import com.contactcenter.billing.report.ReportData;
import com.contactcenter.billing.snapshot.Snapshot;
import com.contactcenter.billing.snapshot.SnapshotUser;
import com.contactcenter.billing.usage.GroupBy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Report data for the Excel tests: from export documents in src/test/resources/report/excel, or synthetic. */
final class ReportFixtures {

    static final Path TEMPLATE = Path.of("reports-templates/billing-estimate.xlsx");
    /** A real export of the demo tenant (./run-job.sh), November 2026 by week; per-user activity trimmed. */
    static final String DEMO_BY_WEEK = "demo-2026-11-by-week.json";
    /** The same export grouped by month, the view finance gets by default. */
    static final String DEMO_BY_MONTH = "demo-2026-11-by-month.json";
    /** Hand-made: hostile names, scale 0 (CLP), a service and a role without price, an unknown finding. */
    static final String HOSTILE = "hostile-2026-09-by-day.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReportFixtures() {}

    static String document(String name) {
        try (InputStream in = ReportFixtures.class.getClassLoader().getResourceAsStream("report/excel/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture report/excel/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String name) {
        return JSON.readTree(document(name));
    }

    static ReportData report(String name) {
        return ReportData.of(snapshot(document(name)), Optional.empty());
    }

    /** The fixture as the newest version, against a previous version edited by {@code previousEdit}. */
    static ReportData withPrevious(String name, Consumer<ObjectNode> previousEdit) {
        String newest = document(name);
        ObjectNode previous = (ObjectNode) JSON.readTree(newest);
        ObjectNode meta = (ObjectNode) previous.get("snapshot");
        meta.put("id", "previous-" + meta.get("id").asString());
        meta.put("version", meta.get("version").asInt() - 1);
        meta.put(
                "computedAt",
                Instant.parse(meta.get("computedAt").asString())
                        .minusSeconds(86_400)
                        .toString());
        previousEdit.accept(previous);
        return ReportData.of(snapshot(newest), Optional.of(snapshot(JSON.writeValueAsString(previous))));
    }

    static Snapshot snapshot(String document) {
        JsonNode doc = JSON.readTree(document);
        JsonNode meta = doc.get("snapshot");
        return new Snapshot(
                meta.get("id").asString(),
                doc.get("source").asString(),
                LocalDate.parse(doc.get("period").get("from").asString()),
                LocalDate.parse(doc.get("period").get("to").asString()),
                GroupBy.parse(doc.get("groupBy").asString()),
                meta.get("version").asInt(),
                Instant.parse(meta.get("asOf").asString()),
                Instant.parse(meta.get("computedAt").asString()),
                document);
    }

    /** {@code users} users spread over four roles, on top of the demo export's other figures. */
    static ReportData withUsers(ReportData base, int users) {
        String[] roles = {"Agente", "Supervisor", "Administrador", "Analista de calidad"};
        List<SnapshotUser> list = new ArrayList<>(users);
        Instant login = Instant.parse("2026-11-20T10:00:00.123Z");
        for (int i = 1; i <= users; i++) {
            list.add(new SnapshotUser(
                    i,
                    (i % 97 == 0 ? "=" : "") + "Usuario Número " + i,
                    "usuario" + i + "@tenant.example",
                    roles[i % roles.length],
                    i % 5,
                    i % 40,
                    i % 1_000,
                    i % 60,
                    i % 300,
                    i % 13 == 0 ? null : login.plusSeconds(i)));
        }
        return new ReportData(base.figures(), list, base.changes());
    }

    static BigDecimal decimal(JsonNode node) {
        return new BigDecimal(node.asString());
    }
}
