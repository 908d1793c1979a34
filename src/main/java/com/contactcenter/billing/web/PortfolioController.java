package com.contactcenter.billing.web;

import com.contactcenter.billing.report.PortfolioService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.io.IOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The platform's portfolio of a month, for platform staff; a tenant's account gets 404. */
@RestController
@RequestMapping("/api/portfolio")
class PortfolioController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv; charset=UTF-8");

    private final PortfolioService portfolios;

    PortfolioController(PortfolioService portfolios) {
        this.portfolios = portfolios;
    }

    @GetMapping
    @Operation(
            summary = "Every tenant's newest snapshot of the month side by side, as xlsx (Tenants and Summary"
                    + " sheets) or the Tenants sheet as csv; platform staff only")
    ResponseEntity<Resource> portfolio(
            @Parameter(description = "the month, YYYY-MM") @RequestParam String period,
            @Parameter(description = "xlsx (default) or csv") @RequestParam(defaultValue = "xlsx") String format,
            Authentication user)
            throws IOException {
        if (!TenantScope.of(user).platform()) {
            throw Refusal.notFound("error.notFound");
        }
        YearMonth month;
        try {
            month = YearMonth.parse(period.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.badRequest("error.portfolioPeriod", period);
        }
        PortfolioService.Format f;
        try {
            f = PortfolioService.Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw Refusal.badRequest("error.portfolioFormat", format);
        }
        return DashboardApi.renderedAttachment(
                dir -> portfolios.render(month, List.of(f), dir).files().get(0),
                f == PortfolioService.Format.CSV ? CSV : DashboardApi.XLSX);
    }
}
