package com.contactcenter.billing.bench;

import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.ops.Requester;
import com.contactcenter.billing.ops.TenantWork;
import com.contactcenter.billing.source.SourceRegistry;
import com.contactcenter.billing.sync.SyncWindow;
import java.util.function.IntConsumer;
import org.springframework.context.ConfigurableApplicationContext;

/** One node: the benchmark's own application, which submits the request and runs its tenants' jobs. */
final class InProcessNode implements TenantsCluster {

    private final ConfigurableApplicationContext context;
    private final JobRunner jobs;
    private final HeapMeter heap;

    InProcessNode(ConfigurableApplicationContext context, HeapMeter heap) {
        this.context = context;
        this.jobs = context.getBean(JobRunner.class);
        this.heap = heap;
    }

    @Override
    public long submit(SyncWindow window) {
        return jobs.submit(
                        TenantWork.SYNC, context.getBean(SourceRegistry.class).names(), window, Requester.cli())
                .requestId();
    }

    @Override
    public void await(long requestId, IntConsumer progress) {
        jobs.await(requestId, counts -> progress.accept(counts.completed() + counts.failed()));
    }

    @Override
    public void resetHeap() {
        heap.reset();
    }

    @Override
    public long peakHeap() {
        return heap.peak();
    }

    @Override
    public void close() {
        context.close();
    }
}
