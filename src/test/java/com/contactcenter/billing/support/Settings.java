package com.contactcenter.billing.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Settings as Spring binds them from application.yml, for the tests of a capability's properties. */
public final class Settings {

    private Settings() {}

    /** {@code pairs} (name, value, name, value...), then {@code extra} over them, in order. */
    public static Map<String, String> of(Map<String, String> extra, String... pairs) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            settings.put(pairs[i], pairs[i + 1]);
        }
        settings.putAll(extra);
        return settings;
    }

    public static Binder binder(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings));
    }
}
