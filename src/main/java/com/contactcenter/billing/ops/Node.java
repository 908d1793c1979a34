package com.contactcenter.billing.ops;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This process, as named in locks and job requests: host and process id. */
final class Node {

    static final String NAME = name();

    private Node() {
    }

    private static String name() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + ":" + ProcessHandle.current().pid();
    }
}
