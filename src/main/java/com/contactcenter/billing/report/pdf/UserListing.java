package com.contactcenter.billing.report.pdf;

import com.contactcenter.billing.snapshot.SnapshotUser;
import java.util.Comparator;
import java.util.List;

/**
 * The users a report lists: all of them, in the export's order, when there are at most
 * {@code allUsersUpTo}; otherwise the {@code topUsers} most active ({@link SnapshotUser#activity()},
 * ties by id), and the full list stays in the spreadsheet.
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

    boolean complete() {
        return users.size() == total;
    }
}
