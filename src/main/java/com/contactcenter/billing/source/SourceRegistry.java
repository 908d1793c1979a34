package com.contactcenter.billing.source;

import com.contactcenter.billing.config.BillingProperties;
import com.contactcenter.billing.config.BillingProperties.SourceProperties;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** The configured sources, each read through its server's bounded connections. */
@Component
public class SourceRegistry implements DisposableBean {

    private final Map<String, SourceProperties> sources;
    private final Map<String, SourceConnection> open = new ConcurrentHashMap<>();
    private final ServerConnections servers;

    SourceRegistry(BillingProperties properties, ServerConnections servers) {
        this.servers = servers;
        this.sources = properties.sources().stream()
                .collect(Collectors.toMap(SourceProperties::name, Function.identity(), (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    public List<String> names() {
        return List.copyOf(sources.keySet());
    }

    public Optional<SourceProperties> find(String name) {
        return Optional.ofNullable(sources.get(name));
    }

    public SourceProperties require(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown source '" + name + "'; configured: " + String.join(", ", names())));
    }

    public SourceConnection connection(String name) {
        return open.computeIfAbsent(name, n -> new SourceConnection(require(n), servers));
    }

    @Override
    public void destroy() {
        open.values().forEach(SourceConnection::close);
        open.clear();
    }
}
