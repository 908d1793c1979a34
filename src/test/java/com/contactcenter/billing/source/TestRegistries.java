package com.contactcenter.billing.source;

import com.contactcenter.billing.pricing.PricingProperties;

/** A {@link SourceRegistry} built without an application, for tests outside this package. */
public final class TestRegistries {

    private TestRegistries() {}

    public static SourceRegistry of(TenantsProperties tenants, PricingProperties pricing) {
        return new SourceRegistry(tenants, pricing, new ServerConnections(8));
    }
}
