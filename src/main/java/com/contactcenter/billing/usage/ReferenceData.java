package com.contactcenter.billing.usage;

import java.util.List;
import java.util.Map;

/** The source's users, roles, channels and assignments as of one sync run. */
public record ReferenceData(
        Roles roles, List<UserRecord> users, Map<Integer, Channel> channels, List<UserChannel> userChannels) {

    public ReferenceData {
        users = List.copyOf(users);
        channels = Map.copyOf(channels);
        userChannels = List.copyOf(userChannels);
    }
}
