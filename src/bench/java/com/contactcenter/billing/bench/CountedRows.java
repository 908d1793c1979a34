package com.contactcenter.billing.bench;

import com.contactcenter.billing.usage.RowSink;
import java.time.LocalDate;

/** Takes the sync reader's rows in place of the rules, and only counts them: the bench's driver floor. */
final class CountedRows implements RowSink {

    private long count;

    long count() {
        return count;
    }

    @Override
    public void messageRow(
            LocalDate day,
            boolean future,
            boolean hasChannel,
            int channelId,
            boolean hasUser,
            long userId,
            String direction,
            int segments) {
        count++;
    }

    @Override
    public void callRow(
            LocalDate day,
            boolean future,
            boolean hasChannel,
            int channelId,
            boolean hasUser,
            long userId,
            String direction,
            long durationSeconds) {
        count++;
    }

    @Override
    public void botSessionRow(LocalDate day, boolean future, boolean hasChannel, int channelId) {
        count++;
    }

    @Override
    public void userSessionRow(LocalDate day, long userId) {
        count++;
    }
}
