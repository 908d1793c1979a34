package com.contactcenter.billing.report;

import java.nio.file.Path;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reports ({@code billing.report}).
 *
 * @param locale language of the reports, and of the dashboard and the answers to requests: es (default) or en
 * @param pdfTopUsers users the PDF lists when there are more than {@code pdfAllUsersUpTo}
 */
@ConfigurationProperties("billing.report")
public record ReportProperties(
        @DefaultValue("es") Locale locale,

        @DefaultValue("reports-templates/billing-estimate.xlsx")
        Path template,

        @DefaultValue("reports-templates/fonts/DejaVuSans.ttf")
        Path font,

        @DefaultValue("50") int pdfTopUsers,
        @DefaultValue("500") int pdfAllUsersUpTo,
        @DefaultValue("./data/reports") Path outDir) {}
