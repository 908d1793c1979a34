package com.contactcenter.billing.usage;

import java.util.Optional;

/** A channel as stored in the source; {@code type} is the raw stored value. */
public record Channel(int id, String type, String name, String address) {

    public Optional<ChannelType> knownType() {
        return ChannelType.of(type);
    }
}
