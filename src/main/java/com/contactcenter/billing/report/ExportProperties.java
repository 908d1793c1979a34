package com.contactcenter.billing.report;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the JSON export of a snapshot is written ({@code billing.export-dir}). */
@ConfigurationProperties("billing")
public record ExportProperties(
        @DefaultValue("./data/exports") Path exportDir) {}
