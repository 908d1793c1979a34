package com.contactcenter.billing.ops;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** This process, as named in locks and job requests: host and process id. */
final class Node {

    static final String HOST = host();
    static final String NAME = HOST + ":" + ProcessHandle.current().pid();

    private Node() {}

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** Whether a node name ({@code host:pid}) is of a process on this host. */
    static boolean onThisHost(String node) {
        int colon = node == null ? -1 : node.lastIndexOf(':');
        return colon > 0 && node.substring(0, colon).equals(HOST);
    }

    /**
     * Why the process a node name ({@code host:pid}) names is known to be gone: it ran on this host
     * and no process has that id any more. Empty when it may be alive (another host, or running).
     */
    static Optional<String> deadProcess(String node) {
        if (!onThisHost(node)) {
            return Optional.empty();
        }
        int colon = node.lastIndexOf(':');
        long pid;
        try {
            pid = Long.parseLong(node.substring(colon + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        return alive ? Optional.empty() : Optional.of("its process " + node + " no longer exists on this host");
    }
}
