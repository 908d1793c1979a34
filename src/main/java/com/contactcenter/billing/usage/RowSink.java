package com.contactcenter.billing.usage;

import java.time.LocalDate;

/**
 * Where a sync's reader hands each source row, its columns as primitives ({@code hasChannel} and
 * {@code hasUser} false for a NULL column). {@link Classifier} folds them into facts.
 */
public interface RowSink {

    void messageRow(
            LocalDate day,
            boolean future,
            boolean hasChannel,
            int channelId,
            boolean hasUser,
            long userId,
            String direction,
            int segments);

    void callRow(
            LocalDate day,
            boolean future,
            boolean hasChannel,
            int channelId,
            boolean hasUser,
            long userId,
            String direction,
            long durationSeconds);

    void botSessionRow(LocalDate day, boolean future, boolean hasChannel, int channelId);

    void userSessionRow(LocalDate day, long userId);
}
