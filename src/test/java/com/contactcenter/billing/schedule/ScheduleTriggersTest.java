package com.contactcenter.billing.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.spi.OperableTrigger;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The triggers built from billing.schedule: when they fire, in which zone, in which order, and on a misfire. */
class ScheduleTriggersTest {

    private static final ScheduleProperties DEFAULTS = new ScheduleProperties(
            true,
            ZoneId.of("America/Bogota"),
            "0 0 2 * * ?",
            "0 0 2 * * ?",
            "0 0 2 1 * ?",
            true,
            ScheduleProperties.INTRADAY_DEFAULT);

    /** The next {@code n} fire times of a trigger after {@code after}, as Quartz computes them. */
    private static List<Instant> fireTimes(CronTrigger trigger, Instant after, int n) {
        OperableTrigger operable = (OperableTrigger) trigger;
        List<Instant> times = new ArrayList<>();
        Date next = operable.getFireTimeAfter(Date.from(after));
        while (times.size() < n && next != null) {
            times.add(next.toInstant());
            next = operable.getFireTimeAfter(next);
        }
        return times;
    }

    private static CronTrigger trigger(ScheduleProperties schedule, String name) {
        Schedules.Spec spec = Schedules.specs(schedule).stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();
        // stored long ago, so that every time after the instants asked about is a fire time
        return Schedules.trigger(spec, schedule)
                .getTriggerBuilder()
                .startAt(Date.from(Instant.parse("2020-01-01T00:00:00Z")))
                .build();
    }

    @Test
    void theNightlySyncFiresAtTwoInTheMorningOfTheConfiguredZone() {
        // given Bogota (UTC-5, no DST)
        CronTrigger nightly = trigger(DEFAULTS, "nightly-sync");

        // when / then 02:00 local is 07:00 UTC, every day
        assertThat(fireTimes(nightly, Instant.parse("2026-10-30T08:00:00Z"), 3))
                .containsExactly(
                        Instant.parse("2026-10-31T07:00:00Z"),
                        Instant.parse("2026-11-01T07:00:00Z"),
                        Instant.parse("2026-11-02T07:00:00Z"));
    }

    @Test
    void theNightlySyncFollowsDaylightSavingTimeInItsZone() {
        // given Santiago, which moves to UTC-3 on 2026-09-06
        ScheduleProperties santiago = new ScheduleProperties(
                true,
                ZoneId.of("America/Santiago"),
                "0 0 2 * * ?",
                "0 0 2 * * ?",
                "0 0 2 1 * ?",
                true,
                ScheduleProperties.INTRADAY_DEFAULT);

        // when
        List<Instant> times = fireTimes(trigger(santiago, "nightly-sync"), Instant.parse("2026-09-04T12:00:00Z"), 3);

        // then 02:00 local each day: 06:00 UTC before the change, 05:00 UTC after
        assertThat(times)
                .extracting(t ->
                        t.atZone(ZoneId.of("America/Santiago")).toLocalTime().toString())
                .containsOnly("02:00");
        assertThat(times.get(0)).isEqualTo(Instant.parse("2026-09-05T06:00:00Z"));
        assertThat(times.get(2)).isEqualTo(Instant.parse("2026-09-07T05:00:00Z"));
    }

    @Test
    void theMonthlyCloseFiresOnTheFirstOfEachMonth() {
        assertThat(fireTimes(trigger(DEFAULTS, "monthly-close"), Instant.parse("2026-10-15T00:00:00Z"), 3))
                .containsExactly(
                        Instant.parse("2026-11-01T07:00:00Z"),
                        Instant.parse("2026-12-01T07:00:00Z"),
                        Instant.parse("2027-01-01T07:00:00Z"));
    }

    @Test
    void triggersDueTogetherRunSyncThenRefreshThenIntradayThenClose() {
        // the one Quartz job is never concurrent: triggers due at the same time run by priority
        assertThat(Schedules.specs(DEFAULTS))
                .extracting(Schedules.Spec::name, Schedules.Spec::priority)
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple("nightly-sync", 10),
                        org.assertj.core.api.Assertions.tuple("snapshot-refresh", 5),
                        org.assertj.core.api.Assertions.tuple("monthly-close", 1),
                        org.assertj.core.api.Assertions.tuple("intraday-sync", 3));
        assertThat(Schedules.specs(DEFAULTS))
                .extracting(s -> s.work().jobName())
                .containsExactly("usageSyncJob", "snapshotJob", "snapshotJob", "usageSyncJob");
        assertThat(StartBatchJob.class.isAnnotationPresent(org.quartz.DisallowConcurrentExecution.class))
                .isTrue();
    }

    @Test
    void aMissedTriggerFiresOnceWhenTheSchedulerComesBack() {
        assertThat(Schedules.specs(DEFAULTS))
                .allSatisfy(spec -> assertThat(Schedules.trigger(spec, DEFAULTS).getMisfireInstruction())
                        .isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW));
    }

    @Test
    void anInvalidCronExpressionIsRefusedNamingTheTrigger() {
        ScheduleProperties bad = new ScheduleProperties(
                true,
                ZoneId.of("UTC"),
                "every night",
                "0 0 2 * * ?",
                "0 0 2 1 * ?",
                true,
                ScheduleProperties.INTRADAY_DEFAULT);

        assertThatThrownBy(() -> trigger(bad, "nightly-sync")).hasMessageContaining("'every night' of nightly-sync");
    }

    @Test
    void theIntradayRefreshFiresEveryHalfHourFromSixToTenThirtyInTheEvening() {
        // given the default intraday cron in Bogota (UTC-5)
        CronTrigger intraday = trigger(DEFAULTS, "intraday-sync");

        // when the fire times from midnight on Nov 29 (local) are listed
        List<Instant> times = fireTimes(intraday, Instant.parse("2026-11-29T05:00:00Z"), 35);

        // then 06:00, 06:30, ..., 22:30 local (34 times), and the next is 06:00 the day after
        assertThat(times)
                .extracting(
                        t -> t.atZone(ZoneId.of("America/Bogota")).toLocalTime().toString())
                .startsWith("06:00", "06:30", "07:00")
                .endsWith("22:00", "22:30", "06:00");
        assertThat(times.get(0)).isEqualTo(Instant.parse("2026-11-29T11:00:00Z"));
        assertThat(times.get(33)).isEqualTo(Instant.parse("2026-11-30T03:30:00Z"));
        assertThat(times.get(34)).isEqualTo(Instant.parse("2026-11-30T11:00:00Z"));
    }

    @Test
    void theIntradayHoursAndStepAreConfigured() {
        // given every 15 minutes from 08:00 to 18:45, Santiago (UTC-3 in November)
        ScheduleProperties office = new ScheduleProperties(
                true,
                ZoneId.of("America/Santiago"),
                "0 0 2 * * ?",
                "0 0 2 * * ?",
                "0 0 2 1 * ?",
                true,
                "0 0/15 8-18 * * ?");

        // when
        List<Instant> times = fireTimes(trigger(office, "intraday-sync"), Instant.parse("2026-11-29T03:00:00Z"), 45);

        // then 44 times a day, 08:00 to 18:45 local, then 08:00 the next day
        assertThat(times.get(0)).isEqualTo(Instant.parse("2026-11-29T11:00:00Z"));
        assertThat(times.get(43)).isEqualTo(Instant.parse("2026-11-29T21:45:00Z"));
        assertThat(times.get(44)).isEqualTo(Instant.parse("2026-11-30T11:00:00Z"));
    }

    @Test
    void aBlankOrOffIntradayCronConfiguresNoIntradayTrigger() {
        for (String off : List.of("", " ", "off", "false", "-")) {
            ScheduleProperties none = new ScheduleProperties(
                    true, ZoneId.of("UTC"), "0 0 2 * * ?", "0 0 2 * * ?", "0 0 2 1 * ?", true, off);

            assertThat(Schedules.specs(none))
                    .extracting(Schedules.Spec::name)
                    .as("intraday-sync '%s'", off)
                    .containsExactly("nightly-sync", "snapshot-refresh", "monthly-close");
        }
    }

    @Test
    void anEmptyIntradayCronInTheConfigurationTurnsItOffAndAbsentMeansTheDefault() {
        assertThat(bind(Map.of("billing.schedule.intraday-sync", "")).intradayEnabled())
                .isFalse();
        assertThat(bind(Map.of("billing.schedule.intraday-sync", "false")).intradayEnabled())
                .isFalse();
        assertThat(bind(Map.of("billing.schedule.zone", "UTC")).intradaySync()).isEqualTo("0 0/30 6-22 * * ?");
    }

    private static ScheduleProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("billing.schedule", ScheduleProperties.class);
    }
}
