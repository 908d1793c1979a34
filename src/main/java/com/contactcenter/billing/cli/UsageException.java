package com.contactcenter.billing.cli;

/** Bad command-line usage: exit 2 before any data is touched. */
class UsageException extends RuntimeException {

    private final String command;

    UsageException(String command, String message) {
        super(message);
        this.command = command;
    }

    String command() {
        return command;
    }
}
