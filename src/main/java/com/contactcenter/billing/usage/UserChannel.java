package com.contactcenter.billing.usage;

import java.time.Instant;

/** A channel assigned to a user. */
public record UserChannel(long userId, int channelId, Instant assignedAt) {}
