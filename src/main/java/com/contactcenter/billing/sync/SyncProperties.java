package com.contactcenter.billing.sync;

import java.time.Duration;
import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sync's settings ({@code billing.sync}); {@code max-connections-per-server} is the sources'
 * ({@code source.ServerConnectionsProperties}).
 *
 * @param nightlyTrailingDays days before yesterday that the nightly window syncs again, for late rows
 * @param maxDaysPerPass longest range one pass over an event table reads; longer ranges are cut
 * @param concurrency sources synced at once
 * @param idRangeMaxDays passes of at most this many days read each event table by primary key,
 *                       between the smallest and largest id of the pass's rows (0: never); see
 *                       README, Performance
 * @param saturatedWait how long in all a source is tried again while its server refuses
 *                       connections with "Too many connections", before it fails like an
 *                       unreachable one
 * @param earliestDate no sync, re-sync or snapshot request may ask for a day before this one
 * @param maxDaysPerRequest the longest period a tenant's own account may ask for at once
 * @param readSliceDays a pass longer than this is read in slices of this many local days, each
 *                      on its own connection, folded into its own facts and written on its own
 * @param readParallelism slices of one pass read at once (default: the machine's cores, at most
 *                        4); each takes one of its server's connections
 *                        ({@code max-connections-per-server}) while it reads
 */
@ConfigurationProperties("billing.sync")
public record SyncProperties(
        @DefaultValue("3") int nightlyTrailingDays,
        @DefaultValue("31") int maxDaysPerPass,
        @DefaultValue("4") int concurrency,
        @DefaultValue("1000") int writeBatchSize,
        @DefaultValue RetryProperties retry,
        @DefaultValue("7") int idRangeMaxDays,
        @DefaultValue("10m") Duration saturatedWait,
        @DefaultValue("2000-01-01") LocalDate earliestDate,
        @DefaultValue("400") int maxDaysPerRequest,
        @DefaultValue("3") int readSliceDays,
        Integer readParallelism) {

    /** Slices read at once when {@code read-parallelism} is not set: the machine's cores, at most 4. */
    public static int defaultReadParallelism() {
        return Math.min(4, Runtime.getRuntime().availableProcessors());
    }

    public SyncProperties {
        if (nightlyTrailingDays < 0
                || maxDaysPerPass < 1
                || concurrency < 1
                || writeBatchSize < 1
                || idRangeMaxDays < 0
                || saturatedWait.isNegative()
                || maxDaysPerRequest < 1
                || readSliceDays < 1
                || readParallelism != null && readParallelism < 1) {
            throw new IllegalArgumentException("billing.sync values must be positive");
        }
        if (readParallelism == null) {
            readParallelism = defaultReadParallelism();
        }
    }

    /** Whether a pass of {@code days} days reads by id range. */
    public boolean readsByIdRange(long days) {
        return days <= idRangeMaxDays;
    }

    /**
     * A source that cannot be reached is tried {@code attempts} times in all, waiting
     * {@code initialDelay}, then twice as long each time; then only that source fails.
     */
    public record RetryProperties(
            @DefaultValue("3") int attempts,
            @DefaultValue("2s") Duration initialDelay) {

        public RetryProperties {
            if (attempts < 1 || initialDelay.isNegative()) {
                throw new IllegalArgumentException("billing.sync.retry needs attempts >= 1 and a delay >= 0");
            }
        }
    }
}
