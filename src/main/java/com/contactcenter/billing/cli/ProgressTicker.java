package com.contactcenter.billing.cli;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * Prints what a long step is doing, so that a first run never looks stuck while one statement
 * takes its time: a line every {@value #LINE_PERIOD_MILLIS} ms, or, on a terminal, one line
 * rewritten in place (carriage return) every {@value #TERMINAL_PERIOD_MILLIS} ms and ended when
 * the ticker closes.
 */
final class ProgressTicker implements AutoCloseable {

    static final long LINE_PERIOD_MILLIS = 2_000;
    static final long TERMINAL_PERIOD_MILLIS = 500;

    private final PrintStream out;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "progress");
        thread.setDaemon(true);
        return thread;
    });
    private volatile LongFunction<String> doing;
    private int shownWidth;
    private boolean shown;

    /** {@code terminal}: {@code out} is a terminal, where the line is rewritten in place. */
    ProgressTicker(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
        long period = terminal ? TERMINAL_PERIOD_MILLIS : LINE_PERIOD_MILLIS;
        timer.scheduleAtFixedRate(this::print, period, period, TimeUnit.MILLISECONDS);
    }

    /** Whether {@code stream} is the process's standard error or output on a terminal. */
    static boolean onTerminal(PrintStream stream) {
        return (stream == System.err || stream == System.out) && System.console() != null;
    }

    /** What to print from now on: the line for the seconds elapsed since the ticker started. */
    void doing(LongFunction<String> line) {
        doing = line;
    }

    private synchronized void print() {
        LongFunction<String> line = doing;
        if (line == null) {
            return;
        }
        String text = line.apply(Math.round((System.nanoTime() - started) / 1e9));
        if (terminal) {
            // spaces over what is left of a longer previous line
            out.print("\r" + text + " ".repeat(Math.max(0, shownWidth - text.length())));
            shownWidth = text.length();
        } else {
            out.println(text);
        }
        shown = true;
        out.flush();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (terminal && shown) {
                print(); // the last state, then the line ends
                out.println();
                out.flush();
            }
        }
    }
}
