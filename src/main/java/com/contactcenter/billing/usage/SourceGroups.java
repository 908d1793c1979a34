package com.contactcenter.billing.usage;

import java.time.LocalDate;

/**
 * Source rows grouped by local day and the raw dimensions the rules need. Nothing here is
 * classified yet; a sync folds single rows with {@link Classifier}'s {@code ...Row} methods.
 */
public final class SourceGroups {

    private SourceGroups() {
    }

    /** Messages of one (day, channel, user, exact direction, segments &lt; 1, after as-of). */
    public record MessageGroup(LocalDate day, Integer channelId, Long userId, String direction,
            boolean badSegments, boolean future, long rows, long segments) {
    }

    /** Calls of one (day, channel, user, exact direction, sign of duration, after as-of); minutes already rounded up per call. */
    public record CallGroup(LocalDate day, Integer channelId, Long userId, String direction,
            int durationSign, boolean future, long rows, long minutes) {
    }

    /** Bot sessions of one (day, channel, after as-of). */
    public record BotSessionGroup(LocalDate day, Integer channelId, boolean future, long rows) {
    }

    /** User sessions of one (day, user). */
    public record UserSessionGroup(LocalDate day, long userId, long rows) {
    }
}
