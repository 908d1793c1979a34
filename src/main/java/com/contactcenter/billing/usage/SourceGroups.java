package com.contactcenter.billing.usage;

import java.time.LocalDate;

/**
 * Source rows, or groups of them, by local day and the raw dimensions the rules need. Nothing
 * here is classified yet; a single row is a group of one.
 */
public final class SourceGroups {

    private SourceGroups() {
    }

    /** Messages of one (day, channel, user, exact direction, segments &lt; 1, after as-of). */
    public record MessageGroup(LocalDate day, Integer channelId, Long userId, String direction,
            boolean badSegments, boolean future, long rows, long segments) {

        public static MessageGroup row(LocalDate day, Integer channelId, Long userId, String direction, int segments,
                boolean future) {
            return new MessageGroup(day, channelId, userId, direction, segments < 1, future, 1, segments);
        }
    }

    /** Calls of one (day, channel, user, exact direction, sign of duration, after as-of); minutes already rounded up per call. */
    public record CallGroup(LocalDate day, Integer channelId, Long userId, String direction,
            int durationSign, boolean future, long rows, long minutes) {

        /** A call is billed in whole minutes, each call rounded up: {@code ceil(duration_seconds / 60)}. */
        public static CallGroup row(LocalDate day, Integer channelId, Long userId, String direction,
                long durationSeconds, boolean future) {
            long minutes = durationSeconds > 0 ? (durationSeconds + 59) / 60 : 0;
            return new CallGroup(day, channelId, userId, direction, Long.signum(durationSeconds), future, 1, minutes);
        }
    }

    /** Bot sessions of one (day, channel, after as-of). */
    public record BotSessionGroup(LocalDate day, Integer channelId, boolean future, long rows) {
    }

    /** User sessions of one (day, user). */
    public record UserSessionGroup(LocalDate day, long userId, long rows) {
    }
}
