package com.contactcenter.billing.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.contactcenter.billing.forecast.ForecastService;
import com.contactcenter.billing.ops.JobRunner;
import com.contactcenter.billing.ops.Requester;
import com.contactcenter.billing.support.FixedClock;
import com.contactcenter.billing.support.SourceDatabases;
import com.contactcenter.billing.support.WeeklyTenant;
import com.contactcenter.billing.sync.SyncService.SyncOutcome;
import com.contactcenter.billing.sync.SyncWindow;
import com.contactcenter.billing.usage.Forecast;
import com.contactcenter.billing.usage.Period;
import com.contactcenter.billing.usage.ServiceKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code forecast-backtest} on a generated tenant with a weekly rhythm: outgoing SMS per day 40 on
 * weekdays, 16 on Saturdays, 6 on Sundays, each times a uniform noise in [0.8, 1.2] from a fixed
 * seed, from Nov 1 2025 to Jul 9 2026; one agent (80,000 COP a month), SMS at 50 COP. By the clock,
 * 2026-07-10 in Bogota, the last four complete months are March to June. The test works each
 * replay out on its own from the generated days (whole days, twelve of each weekday), and holds
 * the printed errors to its own within 0.1 (the table prints one decimal).
 */
@SpringBootTest(
        properties = {
            FixedClock.PROPERTY + "=2026-07-10T17:00:00Z",
            "spring.datasource.url=jdbc:h2:mem:wh_forecast_backtest;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "billing.sources[0].name=weekly",
            "billing.sources[0].username=sa",
            "billing.sources[0].url=jdbc:h2:mem:forecast_weekly_src;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "billing.sources[0].time-zone=America/Bogota",
            "billing.schedule.enabled=false",
            "logging.level.com.contactcenter.billing=WARN"
        })
@TestPropertySource(locations = "classpath:edge-tenant-pricing.properties")
@Import(FixedClock.class)
class ForecastBacktestTest {

    private static final LocalDate FIRST = LocalDate.parse("2025-11-01");
    private static final LocalDate LAST = LocalDate.parse("2026-07-09");
    private static final double TOLERANCE = 0.1;
    private static final int[] CUT_OFFS = {3, 7, 10, 14, 21};

    @Autowired
    JobRunner jobs;

    @Autowired
    ForecastBacktestCommand command;

    @Autowired
    ForecastService forecasts;

    private static final Map<LocalDate, Long> SMS = generated();
    private static boolean synced;

    @BeforeEach
    void syncOnce() {
        if (synced) {
            return;
        }
        SourceDatabases.loadH2Script(
                "forecast_weekly_src",
                new WeeklyTenant().days(FIRST, LAST, SMS::get, d -> 0).sql(1));
        SyncOutcome outcome = jobs.sync(List.of("weekly"), new SyncWindow(FIRST, LAST.plusDays(1)), Requester.cli());
        assertThat(outcome.succeeded()).as(outcome.failureSummary()).isTrue();
        synced = true;
    }

    /** The SMS of every generated day. */
    private static Map<LocalDate, Long> generated() {
        Random noise = new Random(11);
        Map<LocalDate, Long> sms = new TreeMap<>();
        for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
            long base = switch (d.getDayOfWeek()) {
                case SATURDAY -> 16;
                case SUNDAY -> 6;
                default -> 40;
            };
            sms.put(d, Math.round(base * (0.8 + 0.4 * noise.nextDouble())));
        }
        return sms;
    }

    /** One replay worked out by hand: units at the point, low and high end, and the straight line. */
    record Replay(long point, long low, long high, long straight, long actual) {}

    /**
     * As of the end of {@code cutOff}: each weekday's mean and middle over the 84 days before, the
     * relative trend through the days about their weekday's middle, the scatter about it (84 days
     * less 7 means and the trend), and the variance of the days to come (their own scatter, their
     * weekdays' means', the trend's).
     */
    static Replay replay(Map<LocalDate, Long> sms, YearMonth month, int cutOff) {
        LocalDate today = month.atDay(cutOff).plusDays(1);
        double[] means = new double[7];
        double[] middles = new double[7];
        for (LocalDate d = today.minusDays(84); d.isBefore(today); d = d.plusDays(1)) {
            means[d.getDayOfWeek().ordinal()] += sms.get(d) / 12.0;
            middles[d.getDayOfWeek().ordinal()] += (d.toEpochDay() - today.toEpochDay()) / 12.0;
        }
        double products = 0;
        double squares = 0;
        for (LocalDate d = today.minusDays(84); d.isBefore(today); d = d.plusDays(1)) {
            int w = d.getDayOfWeek().ordinal();
            double x = d.toEpochDay() - today.toEpochDay() - middles[w];
            products += x * (sms.get(d) / means[w] - 1);
            squares += x * x;
        }
        double trend = products / squares;
        double residuals = 0;
        for (LocalDate d = today.minusDays(84); d.isBefore(today); d = d.plusDays(1)) {
            int w = d.getDayOfWeek().ordinal();
            double x = d.toEpochDay() - today.toEpochDay() - middles[w];
            residuals += Math.pow(sms.get(d) / means[w] - 1 - trend * x, 2);
        }
        double scatter = residuals / (84 - 8);
        long soFar = 0;
        long actual = 0;
        double toCome = 0;
        double own = 0;
        double trendTerm = 0;
        double[] byWeekday = new double[7];
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            actual += sms.get(d);
            if (d.isBefore(today)) {
                soFar += sms.get(d);
                continue;
            }
            int w = d.getDayOfWeek().ordinal();
            double x = d.toEpochDay() - today.toEpochDay() - middles[w];
            double day = means[w] * (1 + trend * x);
            toCome += day;
            own += day * day;
            byWeekday[w] += day;
            trendTerm += means[w] * x;
        }
        double variance =
                scatter * (own + Arrays.stream(byWeekday).map(b -> b * b / 12).sum() + trendTerm * trendTerm / squares);
        double halfWidth = 1.2815515655446004 * Math.sqrt(variance);
        double point = soFar + toCome;
        return new Replay(
                Math.round(point),
                Math.max(soFar, Math.round(point - halfWidth)),
                Math.round(point + halfWidth),
                Math.round(soFar * (double) month.lengthOfMonth() / cutOff),
                actual);
    }

    @Test
    void printsTheReplaysErrorsAndTheForecastBeatsTheStraightLineAtDayThree() {
        // given
        Map<LocalDate, Long> sms = SMS;

        // when
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = command.print(
                new CommandRequest.ForecastBacktest("weekly", 4),
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        // then
        String text = printed.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(text).isZero();
        assertThat(text)
                .startsWith("forecast backtest of weekly (America/Bogota): 4 months (2026-03 to 2026-06),"
                        + " as of the end of days 3, 7, 10, 14, 21\n");
        List<String> lines = text.lines().toList();
        List<YearMonth> months =
                List.of(YearMonth.of(2026, 3), YearMonth.of(2026, 4), YearMonth.of(2026, 5), YearMonth.of(2026, 6));
        double[] forecastSms = new double[CUT_OFFS.length];
        double[] straightSms = new double[CUT_OFFS.length];
        for (int i = 0; i < CUT_OFFS.length; i++) {
            double forecastTotal = 0;
            double straightTotal = 0;
            int inside = 0;
            for (YearMonth month : months) {
                Replay r = replay(sms, month, CUT_OFFS[i]);
                forecastSms[i] += 100.0 * Math.abs(r.point() - r.actual()) / r.actual() / months.size();
                straightSms[i] += 100.0 * Math.abs(r.straight() - r.actual()) / r.actual() / months.size();
                double actualTotal = 80_000 + 50.0 * r.actual();
                forecastTotal += 100.0 * 50 * Math.abs(r.point() - r.actual()) / actualTotal / months.size();
                straightTotal += 100.0 * 50 * Math.abs(r.straight() - r.actual()) / actualTotal / months.size();
                inside += r.low() <= r.actual() && r.actual() <= r.high() ? 1 : 0;
            }
            int at = row(lines, String.valueOf(CUT_OFFS[i]));
            String[] forecast = lines.get(at).strip().split(" +");
            String[] straight = lines.get(at + 1).strip().split(" +");
            String day = "day " + CUT_OFFS[i];
            assertThat(forecast[1]).isEqualTo("forecast");
            assertThat(Double.parseDouble(forecast[2])).as(day + " total").isCloseTo(forecastTotal, within(TOLERANCE));
            assertThat(Double.parseDouble(forecast[3])).as(day + " sms").isCloseTo(forecastSms[i], within(TOLERANCE));
            assertThat(forecast[5]).as(day + " whatsapp_out, never used").isEqualTo("-");
            assertThat(forecast[10]).as(day + " inside").isEqualTo(inside + "/4");
            assertThat(straight[0]).isEqualTo("straight");
            assertThat(Double.parseDouble(straight[1])).as(day + " total").isCloseTo(straightTotal, within(TOLERANCE));
            assertThat(Double.parseDouble(straight[2])).as(day + " sms").isCloseTo(straightSms[i], within(TOLERANCE));
        }
        // the weekdays of three days are not a week: the straight line errs most at day 3
        assertThat(forecastSms[0]).isLessThan(straightSms[0] / 2);
        assertThat(Arrays.stream(forecastSms).average().orElseThrow())
                .isLessThan(Arrays.stream(straightSms).average().orElseThrow());
    }

    @Test
    void aReplayReadsNothingAfterItsCutOff() {
        // given
        Map<LocalDate, Long> sms = SMS;
        Period june = new Period(LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-30"), WeeklyTenant.ZONE);

        // when: as of the end of June 3rd, with the rest of June in the warehouse
        Forecast forecast = forecasts.forecast(
                "weekly",
                june,
                LocalDate.parse("2026-06-04").atStartOfDay(WeeklyTenant.ZONE).toInstant());

        // then: the figures of the days up to June 3rd alone
        Replay expected = replay(sms, YearMonth.of(2026, 6), 3);
        Forecast.ServiceForecast units = forecast.services().get(ServiceKey.SMS_OUT.ordinal());
        assertThat(List.of(units.point(), units.low(), units.high()))
                .containsExactly(expected.point(), expected.low(), expected.high());
        assertThat(forecast.point().total()).isEqualByComparingTo(String.valueOf(80_000 + 50 * expected.point()));
    }

    /** Where the printed forecast line of a cut-off day is; the straight line's follows it. */
    private static int row(List<String> lines, String day) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(day + " ")) {
                return i;
            }
        }
        throw new AssertionError("no line for day " + day + " in " + lines);
    }
}
