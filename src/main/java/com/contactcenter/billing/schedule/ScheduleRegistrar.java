package com.contactcenter.billing.schedule;

import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.ops.WorkScheduler;
import java.util.List;
import java.util.Objects;
import org.quartz.CronTrigger;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Before the scheduler starts (when {@code spring.quartz.auto-startup} is on: the {@code serve}
 * command), joins the cluster that runs tenants' jobs ({@link WorkScheduler}), recovers executions
 * a crash left running, then makes the stored triggers match
 * {@code billing.schedule}. A stored trigger whose cron and zone are unchanged is left alone, so a
 * time it missed while no node ran still fires (once) when the scheduler starts; a changed one is
 * replaced; one no longer configured is removed. Several nodes starting together may race here:
 * the warehouse keeps one copy. In the service only: the other commands start without Boot's
 * scheduler ({@code cli.CommandApplication}).
 */
@Component
class ScheduleRegistrar implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScheduleRegistrar.class);

    private final Scheduler scheduler;
    private final ScheduleProperties schedule;
    private final JobRunner runner;
    private final WorkScheduler cluster;
    private final boolean autoStartup;
    private volatile boolean running;

    ScheduleRegistrar(
            Scheduler scheduler,
            ScheduleProperties schedule,
            JobRunner runner,
            WorkScheduler cluster,
            @Value("${spring.quartz.auto-startup:true}") boolean autoStartup) {
        this.cluster = cluster;
        this.scheduler = scheduler;
        this.schedule = schedule;
        this.runner = runner;
        this.autoStartup = autoStartup;
    }

    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }

    /** Before the Quartz scheduler, which starts in the last phase. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    @Override
    public void start() {
        // this node runs tenants' jobs from now on, whoever submitted them
        cluster.started();
        List<Long> recovered = runner.recoverAbandoned();
        if (!recovered.isEmpty()) {
            log.warn("recovered executions left running by a crash: {} (restart: ./run-job.sh restart ID)", recovered);
        }
        try {
            register();
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not register the schedule: " + e.getMessage(), e);
        }
        running = true;
    }

    void register() throws SchedulerException {
        if (!schedule.enabled()) {
            for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(Schedules.GROUP))) {
                scheduler.unscheduleJob(key);
            }
            log.info("schedule disabled (billing.schedule.enabled=false): no triggers");
            return;
        }
        try {
            scheduler.addJob(Schedules.job(), true);
        } catch (ObjectAlreadyExistsException e) {
            // another node added it
        }
        List<Schedules.Spec> specs = Schedules.specs(schedule);
        for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(Schedules.GROUP))) {
            if (specs.stream().noneMatch(s -> s.key().equals(key))) {
                scheduler.unscheduleJob(key);
            }
        }
        for (Schedules.Spec spec : specs) {
            CronTrigger wanted = Schedules.trigger(spec, schedule);
            Trigger stored = scheduler.getTrigger(spec.key());
            if (stored == null) {
                try {
                    scheduler.scheduleJob(wanted);
                } catch (ObjectAlreadyExistsException e) {
                    continue;
                }
            } else if (!sameSchedule(stored, wanted)) {
                scheduler.rescheduleJob(spec.key(), wanted);
            }
            Trigger now = scheduler.getTrigger(spec.key());
            log.info(
                    "trigger {} ({}): cron '{}' in {}, next at {}",
                    spec.name(),
                    spec.work().code(),
                    spec.cron(),
                    schedule.zone(),
                    now == null ? null : now.getNextFireTime().toInstant());
        }
    }

    private static boolean sameSchedule(Trigger stored, CronTrigger wanted) {
        return stored instanceof CronTrigger cron
                && cron.getCronExpression().equals(wanted.getCronExpression())
                && cron.getTimeZone().getID().equals(wanted.getTimeZone().getID())
                && stored.getPriority() == wanted.getPriority()
                && Objects.equals(
                        stored.getJobDataMap().getString(Schedules.WORK),
                        wanted.getJobDataMap().getString(Schedules.WORK))
                && stored.getMisfireInstruction() == wanted.getMisfireInstruction();
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
