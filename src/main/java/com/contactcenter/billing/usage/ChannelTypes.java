package com.contactcenter.billing.usage;

import java.util.Arrays;
import java.util.Map;

/**
 * Each channel id's type, looked up without boxing the id: a sync looks up the channel of every
 * message, call and bot session it reads.
 */
final class ChannelTypes {

    /** No channel with that id. */
    static final int NO_SUCH_CHANNEL = -2;
    /** A channel whose stored type is none of the eight. */
    static final int UNKNOWN_TYPE = -1;

    private final int[] ids;
    private final int[] types;

    ChannelTypes(Map<Integer, Channel> channels) {
        ids = channels.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        types = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            types[i] = channels.get(ids[i]).knownType().map(Enum::ordinal).orElse(UNKNOWN_TYPE);
        }
    }

    /** The type's ordinal in {@link ChannelType}, {@link #UNKNOWN_TYPE} or {@link #NO_SUCH_CHANNEL}. */
    int of(int channelId) {
        int at = Arrays.binarySearch(ids, channelId);
        return at < 0 ? NO_SUCH_CHANNEL : types[at];
    }
}
