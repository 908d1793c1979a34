package com.contactcenter.billing.report;

import com.contactcenter.billing.snapshot.SnapshotUser;
import java.text.CollationKey;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The order the reports list users in: by name as the report's language sorts it ({@link Collator}
 * of Spanish, or of English for an English report), at secondary strength so that "Ábrego" sorts
 * with the A's (before "Abril" only by its letters, its accent deciding last) and "Ñ" comes after
 * "N" as a letter of its own; then by id. A user without a name comes last.
 */
public final class UserOrder {

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    private UserOrder() {}

    /** The collator of the report's language: English for an English locale, Spanish otherwise. */
    public static Collator collator(Locale locale) {
        boolean english = locale != null && Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        Collator collator = Collator.getInstance(english ? Locale.ENGLISH : SPANISH);
        collator.setStrength(Collator.SECONDARY);
        collator.setDecomposition(Collator.CANONICAL_DECOMPOSITION);
        return collator;
    }

    /** A new list of {@code users} sorted by name (collation keys: each name is analysed once), then id. */
    public static List<SnapshotUser> byName(List<SnapshotUser> users, Locale locale) {
        Collator collator = collator(locale);
        record Keyed(CollationKey key, SnapshotUser user) {}
        List<Keyed> keyed = new ArrayList<>(users.size());
        for (SnapshotUser user : users) {
            keyed.add(new Keyed(user.name() == null ? null : collator.getCollationKey(user.name()), user));
        }
        keyed.sort(Comparator.comparing(Keyed::key, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(k -> k.user().id()));
        List<SnapshotUser> sorted = new ArrayList<>(users.size());
        keyed.forEach(k -> sorted.add(k.user()));
        return sorted;
    }
}
