package com.contactcenter.billing.schedule;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * The service's Quartz job and triggers, built from {@code billing.schedule}. Every trigger fires
 * the same durable job ({@link StartBatchJob}, never concurrent in the cluster) with the work in
 * its data; triggers due together fire by priority: sync, then refresh, then the intraday refresh,
 * then the monthly close.
 * A trigger missed while no node ran fires once when one comes back.
 */
final class Schedules {

    static final String GROUP = "billing";
    static final JobKey JOB = JobKey.jobKey("start-batch-job", GROUP);
    static final String WORK = "work";

    /** A trigger as configured. */
    record Spec(String name, String cron, ScheduledWork work, int priority) {

        TriggerKey key() {
            return TriggerKey.triggerKey(name, GROUP);
        }
    }

    private Schedules() {}

    /**
     * The intraday refresh ranks below the nightly sync and its refresh (due together, they go
     * first), above the monthly close (which then snapshots a month whose last day was just synced).
     */
    static List<Spec> specs(ScheduleProperties schedule) {
        List<Spec> specs = new ArrayList<>(List.of(
                new Spec("nightly-sync", schedule.nightlySync(), ScheduledWork.NIGHTLY_SYNC, 10),
                new Spec("snapshot-refresh", schedule.snapshotRefresh(), ScheduledWork.CURRENT_MONTH_SNAPSHOT, 5),
                new Spec("monthly-close", schedule.monthlyClose(), ScheduledWork.PREVIOUS_MONTH_CLOSE, 1)));
        if (schedule.intradayEnabled()) {
            specs.add(new Spec("intraday-sync", schedule.intradaySync(), ScheduledWork.INTRADAY_SYNC, 3));
        }
        return List.copyOf(specs);
    }

    static JobDetail job() {
        return JobBuilder.newJob(StartBatchJob.class)
                .withIdentity(JOB)
                .storeDurably()
                .withDescription("starts the Batch job of the trigger's work")
                .build();
    }

    static CronTrigger trigger(Spec spec, ScheduleProperties schedule) {
        if (!CronExpression.isValidExpression(spec.cron())) {
            throw new IllegalArgumentException("billing.schedule: '" + spec.cron() + "' of " + spec.name()
                    + " is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week)");
        }
        return TriggerBuilder.newTrigger()
                .withIdentity(spec.key())
                .forJob(JOB)
                .withDescription(spec.work().code())
                .withPriority(spec.priority())
                .usingJobData(WORK, spec.work().code())
                .withSchedule(CronScheduleBuilder.cronSchedule(spec.cron())
                        .inTimeZone(TimeZone.getTimeZone(schedule.zone()))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    static CronExpression expression(String cron) {
        try {
            return new CronExpression(cron);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
