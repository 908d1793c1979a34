package com.contactcenter.billing.web;

import com.contactcenter.billing.source.SourceRegistry;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The tenant listing over HTTP, for platform staff: read the tenant directory again. */
@RestController
@RequestMapping("/api/sources")
class SourcesController {

    private final SourceRegistry sources;

    SourcesController(SourceRegistry sources) {
        this.sources = sources;
    }

    /**
     * Tenants added, removed and changed, the directory rows skipped and why, and the directory's
     * error when it could not be read; no url or password. Another tenant's account gets 404.
     */
    @PostMapping("/reload")
    @Operation(
            summary =
                    "Read the tenant directory again: tenants added, removed and changed, rows skipped (platform staff)")
    SourceRegistry.ReloadResult reload(Authentication user) {
        if (!TenantScope.of(user).platform()) {
            throw Refusal.notFound("error.notFound");
        }
        return sources.reload();
    }
}
