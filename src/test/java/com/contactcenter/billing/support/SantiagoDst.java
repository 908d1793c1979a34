package com.contactcenter.billing.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.ops.Requester;
import com.contactcenter.billing.snapshot.Snapshot;
import com.contactcenter.billing.snapshot.SnapshotService;
import com.contactcenter.billing.sync.SyncService.SyncOutcome;
import com.contactcenter.billing.sync.SyncWindow;
import com.contactcenter.billing.usage.GroupBy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * A tenant in America/Santiago whose outgoing WhatsApp messages sit 1 ms around the local
 * midnights and the transition instants of the 2026 DST changes, found with {@link ZoneRules}:
 * the 25-hour day (clocks go back) and the 23-hour day (clocks go forward, local midnight skipped).
 */
public final class SantiagoDst {

    public static final ZoneId ZONE = ZoneId.of("America/Santiago");
    public static final String AS_OF = "2026-11-01T03:00:00Z";

    private static final Duration MS = Duration.ofMillis(1);
    private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    /** A message: its instant and why it is there. */
    public record Row(Instant at, String why) {

        public LocalDate localDay() {
            return LocalDate.ofInstant(at, ZONE);
        }
    }

    private SantiagoDst() {}

    /** The 2026 transitions, in order: clocks back in April (overlap), forward in September (gap). */
    public static List<ZoneOffsetTransition> transitions2026() {
        ZoneRules rules = ZONE.getRules();
        ZoneOffsetTransition first = rules.nextTransition(Instant.parse("2026-01-01T00:00:00Z"));
        ZoneOffsetTransition second = rules.nextTransition(first.getInstant());
        return List.of(first, second);
    }

    /** The local day that holds a transition: 25 hours long for an overlap, 23 for a gap. */
    public static LocalDate dayOf(ZoneOffsetTransition t) {
        return LocalDate.ofInstant(t.getInstant(), ZONE);
    }

    public static Instant start(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    /**
     * Around each transition T on local day D: 1 ms either side of the midnights starting D-1, D,
     * D+1 and D+2, and T - 1 ms, T, T + 1 ms.
     */
    public static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (ZoneOffsetTransition t : transitions2026()) {
            LocalDate d = dayOf(t);
            for (LocalDate midnight : List.of(d.minusDays(1), d, d.plusDays(1), d.plusDays(2))) {
                rows.add(new Row(start(midnight).minus(MS), "1 ms before " + midnight + " starts"));
                rows.add(new Row(start(midnight), midnight + " starts"));
            }
            rows.add(new Row(t.getInstant().minus(MS), "1 ms before " + t));
            rows.add(new Row(t.getInstant(), "at " + t));
            rows.add(new Row(t.getInstant().plus(MS), "1 ms after " + t));
        }
        return rows;
    }

    /** The fixture: one WhatsApp channel and one outgoing message per row, ids from 1. */
    public static String sql() {
        StringBuilder sql = new StringBuilder();
        sql.append("INSERT INTO roles (id, name) VALUES (1, 'Agente');\n");
        sql.append("INSERT INTO channels (id, type, name, address) VALUES (1, 'whatsapp', 'WhatsApp Chile', NULL);\n");
        List<Row> rows = rows();
        for (int i = 0; i < rows.size(); i++) {
            sql.append("INSERT INTO messages (id, channel_id, user_id, direction, segments, created_at) VALUES (")
                    .append(i + 1)
                    .append(", 1, NULL, 'out', 1, '")
                    .append(SQL_TIME.format(LocalDateTime.ofInstant(rows.get(i).at(), ZoneOffset.UTC)))
                    .append("');\n");
        }
        return sql.toString();
    }

    /**
     * Syncs April to September of {@code source} (loaded with {@link #sql()}), then snapshots by
     * day around each transition and checks that every row is on its local day, each DST day holds
     * exactly its rows, and syncing a DST day on its own changes nothing.
     */
    public static void assertEveryRowLandsOnItsLocalDay(JobRunner sync, SnapshotService snapshots, String source) {
        // the transitions are the ones these rows were written for
        List<ZoneOffsetTransition> transitions = transitions2026();
        assertThat(transitions)
                .extracting(t -> t.getInstant().toString(), ZoneOffsetTransition::isGap)
                .containsExactly(tuple("2026-04-05T03:00:00Z", false), tuple("2026-09-06T04:00:00Z", true));
        assertThat(transitions)
                .extracting(t -> Duration.between(start(dayOf(t)), start(dayOf(t).plusDays(1))))
                .containsExactly(Duration.ofHours(25), Duration.ofHours(23));
        Map<LocalDate, Long> byJavaTime = new TreeMap<>();
        rows().forEach(r -> byJavaTime.merge(r.localDay(), 1L, Long::sum));
        Map<LocalDate, Long> byHand = new TreeMap<>(expectedAprilDays());
        byHand.putAll(expectedSeptemberDays());
        assertThat(byJavaTime).isEqualTo(byHand);

        // when
        SyncOutcome outcome = sync.sync(
                List.of(source),
                new SyncWindow(LocalDate.parse("2026-04-01"), LocalDate.parse("2026-09-30")),
                Requester.cli());

        // then
        assertThat(outcome.succeeded()).as(outcome.failureSummary()).isTrue();
        assertDays(
                snapshots,
                source,
                "2026-04-02",
                "2026-04-06",
                expectedAprilDays(),
                "2026-04-02T03:00:00Z",
                "2026-04-07T04:00:00Z");
        assertDays(
                snapshots,
                source,
                "2026-09-04",
                "2026-09-08",
                expectedSeptemberDays(),
                "2026-09-04T04:00:00Z",
                "2026-09-09T03:00:00Z");
        assertDays(
                snapshots,
                source,
                "2026-04-04",
                "2026-04-04",
                Map.of(LocalDate.parse("2026-04-04"), 5L),
                "2026-04-04T03:00:00Z",
                "2026-04-05T04:00:00Z");
        assertDays(
                snapshots,
                source,
                "2026-09-06",
                "2026-09-06",
                Map.of(LocalDate.parse("2026-09-06"), 4L),
                "2026-09-06T04:00:00Z",
                "2026-09-07T03:00:00Z");

        // and a pass of the DST day alone (bounded by the transition itself in September) finds the same rows
        for (String day : List.of("2026-04-04", "2026-09-06")) {
            SyncOutcome again = sync.sync(
                    List.of(source), new SyncWindow(LocalDate.parse(day), LocalDate.parse(day)), Requester.cli());
            assertThat(again.succeeded()).as(again.failureSummary()).isTrue();
        }
        assertDays(
                snapshots,
                source,
                "2026-04-02",
                "2026-04-06",
                expectedAprilDays(),
                "2026-04-02T03:00:00Z",
                "2026-04-07T04:00:00Z");
        assertDays(
                snapshots,
                source,
                "2026-09-04",
                "2026-09-08",
                expectedSeptemberDays(),
                "2026-09-04T04:00:00Z",
                "2026-09-09T03:00:00Z");
    }

    private static void assertDays(
            SnapshotService snapshots,
            String source,
            String from,
            String to,
            Map<LocalDate, Long> expected,
            String startUtc,
            String endUtc) {
        Snapshot snapshot = snapshots.compute(source, LocalDate.parse(from), LocalDate.parse(to), GroupBy.DAY);
        JsonNode doc = SnapshotService.json(snapshot);
        String period = from + ".." + to;
        assertThat(doc.get("period").get("startUtc").asString()).as(period).isEqualTo(startUtc);
        assertThat(doc.get("period").get("endUtc").asString()).as(period).isEqualTo(endUtc);
        Map<String, String> perDay = new LinkedHashMap<>();
        for (JsonNode e : doc.get("series")) {
            if (e.get("key").asString().equals("whatsapp_out")) {
                perDay.put(
                        e.get("bucket").asString(),
                        e.get("count").asLong() + "/" + e.get("units").asLong());
            }
        }
        Map<String, String> expectedPerDay = new LinkedHashMap<>();
        expected.forEach((day, n) -> expectedPerDay.put(day.toString(), n + "/" + n));
        assertThat(perDay).as("whatsapp_out per local day of " + period).containsExactlyEntriesOf(expectedPerDay);
        long total = expected.values().stream().mapToLong(Long::longValue).sum();
        JsonNode whatsappOut = doc.get("services").get(2);
        assertThat(whatsappOut.get("key").asString() + " "
                        + whatsappOut.get("count").asLong() + "/"
                        + whatsappOut.get("units").asLong())
                .as(period)
                .isEqualTo("whatsapp_out " + total + "/" + total);
        assertThat(doc.get("dataQuality").size()).as("findings of " + period).isZero();
    }

    /** What each local day holds, written out by hand from the rules (rows() explains each one). */
    public static Map<LocalDate, Long> expectedAprilDays() {
        Map<LocalDate, Long> days = new LinkedHashMap<>();
        days.put(LocalDate.parse("2026-04-02"), 1L); // 1 ms before Apr 3 starts
        days.put(LocalDate.parse("2026-04-03"), 2L); // Apr 3 starts; 1 ms before Apr 4 starts
        days.put(LocalDate.parse("2026-04-04"), 5L); // Apr 4 starts; T - 1 ms, T, T + 1 ms; 1 ms before Apr 5 starts
        days.put(LocalDate.parse("2026-04-05"), 2L); // Apr 5 starts; 1 ms before Apr 6 starts
        days.put(LocalDate.parse("2026-04-06"), 1L); // Apr 6 starts
        return days;
    }

    public static Map<LocalDate, Long> expectedSeptemberDays() {
        Map<LocalDate, Long> days = new LinkedHashMap<>();
        days.put(LocalDate.parse("2026-09-04"), 1L); // 1 ms before Sep 5 starts
        days.put(LocalDate.parse("2026-09-05"), 3L); // Sep 5 starts; 1 ms before Sep 6 starts = T - 1 ms (twice)
        days.put(LocalDate.parse("2026-09-06"), 4L); // Sep 6 starts = T (twice); T + 1 ms; 1 ms before Sep 7 starts
        days.put(LocalDate.parse("2026-09-07"), 2L); // Sep 7 starts; 1 ms before Sep 8 starts
        days.put(LocalDate.parse("2026-09-08"), 1L); // Sep 8 starts
        return days;
    }
}
