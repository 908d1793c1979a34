package com.contactcenter.billing.source;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The one sync setting the sources need ({@code billing.sync.max-connections-per-server}), bound
 * here so that reading sources does not depend on the sync job: connections this node opens at
 * once to one database server (host and port), shared by all the sources on it.
 */
@ConfigurationProperties("billing.sync")
public record ServerConnectionsProperties(@DefaultValue("8") int maxConnectionsPerServer) {

    public ServerConnectionsProperties {
        if (maxConnectionsPerServer < 1) {
            throw new IllegalArgumentException("billing.sync values must be positive");
        }
    }
}
