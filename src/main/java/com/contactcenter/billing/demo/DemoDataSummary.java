package com.contactcenter.billing.demo;

/**
 * Row counts read back from the database after generation. {@code messages}, {@code calls} and
 * {@code botSessions} include the invalid rows; {@code invalidRows} is how many of those three
 * tables' rows were inserted invalid on purpose (each row once, whatever its reasons).
 */
public record DemoDataSummary(
        long roles,
        long users,
        long channels,
        long userChannels,
        long userSessions,
        long messages,
        long calls,
        long botSessions,
        long invalidRows) {}
