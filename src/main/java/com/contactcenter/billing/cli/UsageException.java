package com.contactcenter.billing.cli;

/** Bad command-line usage: exit 2 before any data is touched. */
public class UsageException extends RuntimeException {

    private final String command;

    public UsageException(String command, String message) {
        super(message);
        this.command = command;
    }

    String command() {
        return command;
    }
}
