package com.contactcenter.billing.report.pdf;

import com.contactcenter.billing.report.ReportData.User;
import java.util.Comparator;
import java.util.List;

/**
 * The users a report lists: all of them, in the export's order, when there are at most
 * {@code allUsersUpTo}; otherwise the {@code topUsers} most active ({@link User#activity()},
 * ties by id), and the full list stays in the spreadsheet.
 */
record UserListing(List<User> users, int total) {

    static final Comparator<User> MOST_ACTIVE = Comparator.comparingLong(User::activity).reversed()
            .thenComparingLong(User::id);

    static UserListing of(List<User> all, int topUsers, int allUsersUpTo) {
        if (all.size() <= allUsersUpTo) {
            return new UserListing(all, all.size());
        }
        return new UserListing(all.stream().sorted(MOST_ACTIVE).limit(topUsers).toList(), all.size());
    }

    boolean complete() {
        return users.size() == total;
    }
}
