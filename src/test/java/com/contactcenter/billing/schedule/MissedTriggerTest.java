package com.contactcenter.billing.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.after;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A nightly trigger stored in the warehouse's job store three nights ago, as if no node had run
 * since: when the service comes back (the registrar keeps the stored trigger, the scheduler
 * starts), the work runs once, not three times, and the next time is tomorrow's.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:wh_missed;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "spring.datasource.username=sa",
            "spring.datasource.password=",
            "spring.quartz.auto-startup=false",
            "spring.quartz.properties.org.quartz.jobStore.misfireThreshold=1000",
            "billing.schedule.zone=America/Bogota",
            "logging.level.com.contactcenter.billing=WARN"
        })
@DirtiesContext
class MissedTriggerTest {

    @Autowired
    Scheduler scheduler;

    @Autowired
    ScheduleRegistrar registrar;

    @Autowired
    ScheduleProperties schedule;

    @MockitoBean
    ScheduledLaunches launches;

    @AfterEach
    void standBy() throws Exception {
        scheduler.standby();
    }

    @Test
    void aNightlyTriggerMissedThreeTimesFiresOnceWhenTheServiceComesBack() throws Exception {
        // given the nightly trigger as stored three days ago: its next time is long past
        Schedules.Spec nightly = Schedules.specs(schedule).get(0);
        CronTrigger stored = Schedules.trigger(nightly, schedule)
                .getTriggerBuilder()
                .startAt(Date.from(Instant.now().minus(Duration.ofDays(3))))
                .build();
        scheduler.addJob(Schedules.job(), true);
        scheduler.unscheduleJob(nightly.key());
        scheduler.scheduleJob(stored);
        Date missed = scheduler.getTrigger(nightly.key()).getNextFireTime();
        assertThat(missed.toInstant()).isBefore(Instant.now().minus(Duration.ofDays(1)));

        // when the service starts: the registrar finds the same schedule and leaves it, the scheduler starts
        registrar.register();
        assertThat(scheduler.getTrigger(nightly.key()).getNextFireTime()).isEqualTo(missed);
        scheduler.start();

        // then the nightly work ran once
        verify(launches, timeout(15_000)).launch(eq(ScheduledWork.NIGHTLY_SYNC), eq("nightly-sync"), any());
        verify(launches, after(3_000).times(1)).launch(eq(ScheduledWork.NIGHTLY_SYNC), eq("nightly-sync"), any());
        // and its next time is the next 02:00 in Bogota, in the future
        Trigger now = scheduler.getTrigger(nightly.key());
        assertThat(now.getNextFireTime().toInstant()).isAfter(Instant.now());
        assertThat(now.getNextFireTime()
                        .toInstant()
                        .atZone(java.time.ZoneId.of("America/Bogota"))
                        .toLocalTime())
                .hasToString("02:00");
    }

    @Test
    void aChangedScheduleReplacesTheStoredTrigger() throws Exception {
        // given a stored nightly trigger at 03:00
        Schedules.Spec nightly = Schedules.specs(schedule).get(0);
        scheduler.addJob(Schedules.job(), true);
        scheduler.unscheduleJob(nightly.key());
        scheduler.scheduleJob(Schedules.trigger(
                new Schedules.Spec(nightly.name(), "0 0 3 * * ?", nightly.work(), nightly.priority()), schedule));

        // when the service starts with the configured 02:00
        registrar.register();

        // then the stored trigger is the configured one
        assertThat(((CronTrigger) scheduler.getTrigger(nightly.key())).getCronExpression())
                .isEqualTo("0 0 2 * * ?");
        assertThat(scheduler.getTriggersOfJob(Schedules.JOB)).hasSize(4);
    }
}
