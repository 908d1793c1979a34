package com.contactcenter.billing.ops;

/** No job execution has this id. */
public class NoSuchJobExecution extends RuntimeException {

    public NoSuchJobExecution(long id) {
        super("no job execution " + id);
    }
}
