package com.contactcenter.billing.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/** The keys of {@code messages/dashboard.properties} the page's script uses (those starting with {@code js.}). */
final class DashboardLabels {

    static final List<String> SCRIPT_KEYS = load();

    private DashboardLabels() {}

    private static List<String> load() {
        Properties p = new Properties();
        try (InputStream in = DashboardLabels.class.getResourceAsStream("/messages/dashboard.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.stringPropertyNames().stream()
                .filter(k -> k.startsWith("js."))
                .sorted()
                .toList();
    }
}
