package com.contactcenter.billing.web;

import com.contactcenter.billing.config.BillingProperties.SourceProperties;
import com.contactcenter.billing.usage.GroupBy;
import com.contactcenter.billing.usage.Period;
import com.contactcenter.billing.usage.Preset;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * What the dashboard shows: a source, a period (a preset resolved in the source's zone, or a custom
 * range of local dates, both inclusive) and a group-by. The defaults are today, grouped by month.
 *
 * @param preset {@code today}, {@code this-week}, {@code this-month}, {@code last-month} or {@code custom}
 */
record DashboardQuery(String source, String preset, Period period, GroupBy groupBy) {

    static final String DEFAULT_PRESET = "today";
    static final String CUSTOM = "custom";
    /** A custom range longer than this is refused: it would make a huge per-day snapshot. */
    static final int MAX_DAYS = 366;
    /** Custom dates lie between this day and a year after today: nothing outside can hold data. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    /** Resolves the request's parameters; a bad one throws {@link BadRequest} naming it. */
    static DashboardQuery resolve(SourceProperties source, String preset, String from, String to, String groupBy,
            Clock clock) {
        String p = preset == null || preset.isBlank() ? DEFAULT_PRESET : preset.strip().toLowerCase(Locale.ROOT);
        GroupBy g = parseGroupBy(groupBy);
        Period period;
        if (p.equals(CUSTOM)) {
            LocalDate f = date("from", from);
            LocalDate t = date("to", to);
            if (f.isAfter(t)) {
                throw new BadRequest("from " + f + " is after to " + t);
            }
            LocalDate latest = LocalDate.now(clock.withZone(source.timeZone())).plusYears(1);
            if (f.isBefore(EARLIEST) || t.isAfter(latest)) {
                throw new BadRequest("dates must lie between " + EARLIEST + " and " + latest);
            }
            if (f.plusDays(MAX_DAYS).isBefore(t.plusDays(1))) {
                throw new BadRequest("a custom range covers at most " + MAX_DAYS + " days");
            }
            period = new Period(f, t, source.timeZone());
        } else {
            period = presetOf(p).resolve(clock, source.timeZone());
        }
        return new DashboardQuery(source.name(), p, period, g);
    }

    public LocalDate from() {
        return period.from();
    }

    public LocalDate to() {
        return period.to();
    }

    private static Preset presetOf(String code) {
        for (Preset preset : Preset.values()) {
            if (preset.code().equals(code)) {
                return preset;
            }
        }
        throw new BadRequest("preset must be today, this-week, this-month, last-month or custom, not '" + code + "'");
    }

    private static GroupBy parseGroupBy(String text) {
        if (text == null || text.isBlank()) {
            return GroupBy.MONTH;
        }
        try {
            return GroupBy.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new BadRequest("groupBy must be day, week or month, not '" + text.strip() + "'");
        }
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequest(name + " is required with preset=custom (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequest(name + " '" + value.strip() + "' is not a date (YYYY-MM-DD)");
        }
    }
}
