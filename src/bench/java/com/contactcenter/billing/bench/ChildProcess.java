package com.contactcenter.billing.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A command run to its end as a child process, its output kept only to explain a failure. */
final class ChildProcess {

    private ChildProcess() {}

    /** Runs the command; returns 0 (no rows), or fails with the end of its output when it exits non-zero. */
    static long run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (exit != 0) {
                String tail =
                        output.strip().lines().reduce((first, second) -> second).orElse("");
                throw new IllegalStateException(command.get(1) + " exited " + exit + ": " + tail);
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command.get(0), e);
        }
    }
}
