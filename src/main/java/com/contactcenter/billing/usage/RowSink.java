package com.contactcenter.billing.usage;

import java.time.LocalDate;

/**
 * Where a sync's reader hands each source row, its columns as primitives ({@code hasChannel} and
 * {@code hasUser} false for a NULL column). {@link Classifier} folds them into facts;
 * {@link Discard} drops them, so that the benchmark can measure reading the rows without the
 * rules.
 */
public interface RowSink {

    void messageRow(LocalDate day, boolean future, boolean hasChannel, int channelId, boolean hasUser, long userId,
            String direction, int segments);

    void callRow(LocalDate day, boolean future, boolean hasChannel, int channelId, boolean hasUser, long userId,
            String direction, long durationSeconds);

    void botSessionRow(LocalDate day, boolean future, boolean hasChannel, int channelId);

    void userSessionRow(LocalDate day, long userId);

    /** Drops every row; counts them. */
    final class Discard implements RowSink {

        private long rows;

        public long rows() {
            return rows;
        }

        @Override
        public void messageRow(LocalDate day, boolean future, boolean hasChannel, int channelId, boolean hasUser,
                long userId, String direction, int segments) {
            rows++;
        }

        @Override
        public void callRow(LocalDate day, boolean future, boolean hasChannel, int channelId, boolean hasUser,
                long userId, String direction, long durationSeconds) {
            rows++;
        }

        @Override
        public void botSessionRow(LocalDate day, boolean future, boolean hasChannel, int channelId) {
            rows++;
        }

        @Override
        public void userSessionRow(LocalDate day, long userId) {
            rows++;
        }
    }
}
