package com.contactcenter.billing.ops;

import java.util.Locale;

/** Who asked for a job: the schedule (which trigger), the CLI (which OS user) or the API (which account). */
public record Requester(Trigger trigger, String user) {

    public enum Trigger {
        SCHEDULE,
        CLI,
        API
    }

    public Requester {
        if (trigger == null || user == null || user.isBlank()) {
            throw new IllegalArgumentException("a requester needs a trigger and a user");
        }
        user = user.length() > 200 ? user.substring(0, 200) : user;
    }

    public static Requester schedule(String triggerName) {
        return new Requester(Trigger.SCHEDULE, triggerName);
    }

    public static Requester cli() {
        String user = System.getProperty("user.name");
        return new Requester(Trigger.CLI, user == null || user.isBlank() ? "unknown" : user);
    }

    public static Requester api(String account) {
        return new Requester(Trigger.API, account);
    }

    @Override
    public String toString() {
        return trigger.name().toLowerCase(Locale.ROOT) + " " + (trigger == Trigger.SCHEDULE ? "trigger " : "user ")
                + user;
    }
}
