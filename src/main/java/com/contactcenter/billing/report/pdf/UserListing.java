package com.contactcenter.billing.report.pdf;

import com.contactcenter.billing.report.UserOrder;
import com.contactcenter.billing.snapshot.SnapshotUser;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The users a report lists: all of them when there are at most
 * {@code allUsersUpTo}; otherwise the {@code topUsers} most active ({@link SnapshotUser#activity()},
 * ties by id), and the full list stays in the spreadsheet. The report shows them {@link #byName by name}.
 */
record UserListing(List<SnapshotUser> users, int total) {

    static final Comparator<SnapshotUser> MOST_ACTIVE =
            Comparator.comparingLong(SnapshotUser::activity).reversed().thenComparingLong(SnapshotUser::id);

    static UserListing of(List<SnapshotUser> all, int topUsers, int allUsersUpTo) {
        if (all.size() <= allUsersUpTo) {
            return new UserListing(all, all.size());
        }
        return new UserListing(all.stream().sorted(MOST_ACTIVE).limit(topUsers).toList(), all.size());
    }

    /** The same users in the report's name order ({@link UserOrder}): the listing picks them, the order shows them. */
    UserListing byName(Locale locale) {
        return new UserListing(UserOrder.byName(users, locale), total);
    }

    boolean complete() {
        return users.size() == total;
    }
}
