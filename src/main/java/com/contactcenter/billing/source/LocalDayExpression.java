package com.contactcenter.billing.source;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local date of a UTC column, written in portable SQL: the zone's offsets over the range
 * come from java.time and become a CASE, so the source needs no time-zone tables.
 * Offsets are numbers computed here; the transition instants are bound as parameters.
 */
final class LocalDayExpression {

    private final List<Instant> transitions = new ArrayList<>();
    private final List<Integer> offsets = new ArrayList<>();

    LocalDayExpression(ZoneId zone, Instant fromUtc, Instant toUtc) {
        ZoneRules rules = zone.getRules();
        offsets.add(rules.getOffset(fromUtc).getTotalSeconds());
        ZoneOffsetTransition t = rules.nextTransition(fromUtc);
        while (t != null && t.getInstant().isBefore(toUtc)) {
            transitions.add(t.getInstant());
            offsets.add(t.getOffsetAfter().getTotalSeconds());
            t = rules.nextTransition(t.getInstant());
        }
    }

    String sql(String column) {
        StringBuilder offset = new StringBuilder();
        if (transitions.isEmpty()) {
            offset.append(offsets.get(0));
        } else {
            offset.append("CASE");
            for (int i = 0; i < transitions.size(); i++) {
                offset.append(" WHEN ").append(column).append(" < :tzChange").append(i)
                        .append(" THEN ").append(offsets.get(i));
            }
            offset.append(" ELSE ").append(offsets.get(offsets.size() - 1)).append(" END");
        }
        return "CAST(TIMESTAMPADD(SECOND, " + offset + ", " + column + ") AS DATE)";
    }

    Map<String, Object> parameters() {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < transitions.size(); i++) {
            params.put("tzChange" + i, LocalDateTime.ofInstant(transitions.get(i), ZoneOffset.UTC));
        }
        return params;
    }
}
