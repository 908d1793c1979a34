package com.contactcenter.billing.bench;

import com.contactcenter.billing.sync.SyncWindow;

/** The nodes that sync the benchmark's tenants, and how one request is submitted to them and followed. */
interface TenantsCluster extends AutoCloseable {

    /** Submits a sync of every tenant over {@code window} (null: each tenant's nightly window); returns the request id. */
    long submit(SyncWindow window);

    /** Waits until every tenant of the request has ended; {@code progress} hears the tenants ended so far. */
    void await(long requestId, java.util.function.IntConsumer progress);

    /** Starts measuring the nodes' heap for a run. */
    void resetHeap();

    /** The most heap any node had in use since {@link #resetHeap}, garbage included, in bytes. */
    long peakHeap();

    @Override
    void close();
}
