package com.contactcenter.billing.web;

import com.contactcenter.billing.source.SourceProperties;
import com.contactcenter.billing.usage.GroupBy;
import com.contactcenter.billing.usage.LikeForLike;
import com.contactcenter.billing.usage.Period;
import com.contactcenter.billing.usage.Preset;
import com.contactcenter.billing.validation.DateLimits;
import com.contactcenter.billing.validation.InvalidDateException;
import java.time.Clock;
import java.time.LocalDate;
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

    /** How a refused date is named: by the API's parameter, or by the page's label of its field. */
    record DateNames(String from, String to) {

        static final DateNames PARAMETERS = new DateNames("from", "to");
    }

    /**
     * Resolves the request's parameters; a bad one throws {@link BadRequest} naming it. Custom dates
     * are checked by {@link DateLimits}: a tenant's own account may ask for at most
     * {@code billing.sync.max-days-per-request} days, and nobody for more than {@link #MAX_DAYS}.
     */
    static DashboardQuery resolve(
            SourceProperties source,
            String preset,
            String from,
            String to,
            String groupBy,
            Clock clock,
            DateLimits dates,
            TenantScope scope) {
        return resolve(source, preset, from, to, groupBy, clock, dates, scope, DateNames.PARAMETERS);
    }

    /** {@link #resolve(SourceProperties, String, String, String, String, Clock, DateLimits, TenantScope)}, dates refused by {@code names}. */
    static DashboardQuery resolve(
            SourceProperties source,
            String preset,
            String from,
            String to,
            String groupBy,
            Clock clock,
            DateLimits dates,
            TenantScope scope,
            DateNames names) {
        String p = preset == null || preset.isBlank()
                ? DEFAULT_PRESET
                : preset.strip().toLowerCase(Locale.ROOT);
        GroupBy g = parseGroupBy(groupBy);
        Period period;
        if (p.equals(CUSTOM)) {
            int maxDays = scope.platform() ? MAX_DAYS : Math.min(MAX_DAYS, dates.maxDaysPerRequest());
            try {
                DateLimits.DateRange range =
                        dates.range(names.from(), from, names.to(), to, source.timeZone(), maxDays);
                period = new Period(range.from(), range.to(), source.timeZone());
            } catch (InvalidDateException e) {
                throw new BadRequest(e.getMessage());
            }
        } else {
            period = presetOf(p).resolve(clock, source.timeZone());
        }
        return new DashboardQuery(source.name(), p, period, g);
    }

    /** A custom range: any number of distinct ones, so its snapshot versions are ad-hoc (pruned). */
    boolean adhoc() {
        return preset.equals(CUSTOM);
    }

    /** How the previous period is found: the previous calendar unit of a preset, the same days before a custom range. */
    LikeForLike.Unit comparedWith() {
        return adhoc() ? LikeForLike.Unit.DAYS : LikeForLike.Unit.of(presetOf(preset));
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
        throw Refusal.badRequest("error.preset", code);
    }

    private static GroupBy parseGroupBy(String text) {
        if (text == null || text.isBlank()) {
            return GroupBy.MONTH;
        }
        try {
            return GroupBy.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw Refusal.badRequest("error.groupBy", text.strip());
        }
    }
}
