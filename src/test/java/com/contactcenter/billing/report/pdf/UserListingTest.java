package com.contactcenter.billing.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactcenter.billing.snapshot.SnapshotUser;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserListingTest {

    @Test
    void listsEveryUserInTheirOrderUpToTheLimit() {
        List<SnapshotUser> users = List.of(user(3, 1), user(1, 50), user(2, 7));

        UserListing listing = UserListing.of(users, 2, 3);

        assertThat(listing.users()).containsExactlyElementsOf(users);
        assertThat(listing.complete()).isTrue();
    }

    @Test
    void listsTheMostActiveTiesByIdPastTheLimit() {
        List<SnapshotUser> users = List.of(user(5, 10), user(4, 30), user(9, 30), user(2, 10), user(7, 1));

        UserListing listing = UserListing.of(users, 3, 4);

        assertThat(listing.users()).extracting(SnapshotUser::id).containsExactly(4L, 9L, 2L);
        assertThat(listing.total()).isEqualTo(5);
        assertThat(listing.complete()).isFalse();
    }

    @Test
    void activityCountsSessionsMessagesCallsAndMinutes() {
        SnapshotUser user = new SnapshotUser(1, "a", "a@x", "Agente", 99, 1, 20, 300, 4000, null);

        assertThat(UserListing.of(List.of(user, user(2, 4320)), 1, 0).users())
                .extracting(SnapshotUser::id)
                .containsExactly(1L);
        assertThat(user.activity()).isEqualTo(4321);
    }

    private static SnapshotUser user(long id, long sessions) {
        return new SnapshotUser(id, "u" + id, "u" + id + "@x", "Agente", 0, sessions, 0, 0, 0, null);
    }
}
