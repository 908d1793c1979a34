package com.contactcenter.billing.report;

import com.contactcenter.billing.usage.LikeForLike;
import com.contactcenter.billing.usage.Period;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What a comparison compares, in words: "1–2 dic. hasta 02:07 frente a 1–2 nov. (días completos)".
 * The warehouse keeps usage by local day, so the previous side of a cut comparison counts its days
 * whole: the label says so rather than claim a time of day its figures do not have.
 */
public final class ComparisonLabel {

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    private ComparisonLabel() {}

    public static String of(LikeForLike comparison, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        String current = range(comparison.current(), english);
        String previous = range(comparison.previous(), english);
        if (comparison.cut().isEmpty()) {
            return current + (english ? " vs " : " frente a ") + previous;
        }
        String time = comparison.cut().orElseThrow().toString();
        return english
                ? current + " up to " + time + " vs " + previous + " (whole days)"
                : current + " hasta " + time + " frente a " + previous + " (días completos)";
    }

    /** "1–2 dic.", "28 nov.–2 dic.", "30 dic. 2026–2 ene. 2027", "2 dic.". */
    static String range(Period period, boolean english) {
        Locale locale = english ? Locale.ENGLISH : SPANISH;
        LocalDate from = period.from();
        LocalDate to = period.to();
        // Spanish abbreviations take a full stop ("dic."), which the JDK's short month lacks
        DateTimeFormatter dayMonth = DateTimeFormatter.ofPattern(english ? "d MMM" : "d MMM'.'", locale);
        DateTimeFormatter dayMonthYear = DateTimeFormatter.ofPattern(english ? "d MMM yyyy" : "d MMM'.' yyyy", locale);
        if (from.equals(to)) {
            return dayMonth.format(to);
        }
        if (from.getYear() != to.getYear()) {
            return dayMonthYear.format(from) + "–" + dayMonthYear.format(to);
        }
        if (from.getMonth() != to.getMonth()) {
            return dayMonth.format(from) + "–" + dayMonth.format(to);
        }
        return from.getDayOfMonth() + "–" + dayMonth.format(to);
    }
}
