package com.contactcenter.billing.cli;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Prints what a long step is doing every few seconds ("  ... messages: days 13-24 of 92 (9 s)"),
 * so that a first run never looks stuck while one statement takes its time.
 */
final class ProgressTicker implements AutoCloseable {

    static final long PERIOD_SECONDS = 3;

    private final PrintStream out;
    private final long started = System.nanoTime();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "progress");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String doing = "starting";

    ProgressTicker(PrintStream out) {
        this.out = out;
        timer.scheduleAtFixedRate(this::print, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    void doing(String what) {
        doing = what;
    }

    private void print() {
        out.printf("  ... %s (%.0f s)%n", doing, (System.nanoTime() - started) / 1e9);
        out.flush();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
