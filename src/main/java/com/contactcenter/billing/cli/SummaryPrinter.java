package com.contactcenter.billing.cli;

import com.contactcenter.billing.snapshot.Snapshot;
import com.contactcenter.billing.snapshot.SnapshotService;
import com.contactcenter.billing.usage.ServiceKey;
import java.io.PrintStream;
import tools.jackson.databind.JsonNode;

/** A short text summary of a snapshot, read from its export document. */
final class SummaryPrinter {

    private SummaryPrinter() {
    }

    static void print(Snapshot snapshot, PrintStream out) {
        JsonNode doc = SnapshotService.outline(snapshot);
        JsonNode period = doc.get("period");
        out.printf("BILLING ESTIMATE (an estimate, not an invoice) for %s, %s..%s (%s)%n", doc.get("source").asString(),
                period.get("from").asString(), period.get("to").asString(), doc.get("timeZone").asString());
        out.printf("  period [%s, %s) UTC; data synced up to %s; snapshot %s version %d%n",
                period.get("startUtc").asString(), period.get("endUtc").asString(), snapshot.asOf(), snapshot.id(),
                snapshot.version());
        out.println("Users by role:");
        doc.get("usersByRole").forEach(r -> out.printf("  %-30s %,10d%n", r.get("role").asString(), r.get("users").asLong()));
        out.println("Services:                                count          units");
        doc.get("services").forEach(s -> {
            String key = s.get("key").asString();
            String label = ServiceKey.ofKey(key).map(ServiceKey::spanishLabel).orElse(key);
            out.printf("  %-14s %-20s %,12d %,14d%n", key, label, s.get("count").asLong(), s.get("units").asLong());
        });
        JsonNode estimate = doc.get("estimate");
        out.printf("Estimate (%s):%n", estimate.get("currency").asString());
        estimate.get("lines").forEach(l -> out.printf("  %-7s %-24s %,12d x %14s = %16s%s%n", l.get("kind").asString(),
                l.get("key").asString(), l.get("quantity").asLong(), l.get("unitPrice").asString(),
                l.get("amount").asString(), l.get("priced").asBoolean() ? "" : "  (no price configured)"));
        out.printf("  %-7s %-24s %47s%n", "TOTAL", "", estimate.get("total").asString());
        out.println("Data quality (rows and users left out of the figures):");
        if (doc.get("dataQuality").isEmpty()) {
            out.println("  no findings");
        }
        doc.get("dataQuality").forEach(q -> out.printf("  %-28s %,10d%n", q.get("reason").asString(), q.get("count").asLong()));
    }
}
