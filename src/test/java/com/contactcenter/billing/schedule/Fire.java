package com.contactcenter.billing.schedule;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Date;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;

/** Runs the Quartz job as the named trigger fires it, due at {@code due}, on the test's thread. */
final class Fire {

    private Fire() {}

    static void trigger(AutowireCapableBeanFactory beans, String triggerName, ScheduledWork work, Instant due)
            throws Exception {
        StartBatchJob job = beans.createBean(StartBatchJob.class);
        job.setWork(work.code());
        JobExecutionContext context = mock(JobExecutionContext.class);
        Trigger trigger = mock(Trigger.class);
        when(trigger.getKey()).thenReturn(TriggerKey.triggerKey(triggerName, Schedules.GROUP));
        when(context.getTrigger()).thenReturn(trigger);
        when(context.getScheduledFireTime()).thenReturn(Date.from(due));
        job.executeInternal(context);
    }
}
