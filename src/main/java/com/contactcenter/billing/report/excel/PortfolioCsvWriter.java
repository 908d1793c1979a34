package com.contactcenter.billing.report.excel;

import com.contactcenter.billing.report.Portfolio;
import com.contactcenter.billing.report.Portfolio.Tenant;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The Tenants sheet's columns as CSV (RFC 4180, UTF-8, comma-separated), for finance tools: money
 * as the export's plain decimals, instants as ISO UTC. It starts with a byte-order mark, without
 * which Excel reads UTF-8 as its ANSI code page and garbles every accent ("Días" as "DÃ­as"). Text a spreadsheet could take for a formula
 * is written with a leading apostrophe (OWASP's advice for CSV), so it opens as text.
 */
public class PortfolioCsvWriter {

    /** UTF-8's byte-order mark, U+FEFF. */
    static final char BOM = '\uFEFF';

    /** Writes the CSV to {@code out}, which is left open. */
    public void write(Portfolio portfolio, Locale locale, OutputStream out) {
        List<PortfolioColumns.Column> columns = PortfolioColumns.of(portfolio, Labels.forLocale(locale));
        try {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write(BOM);
            line(writer, columns.stream().map(c -> (Object) c.header()).toList());
            for (Tenant tenant : portfolio.tenants()) {
                line(writer, columns.stream().map(c -> c.value().apply(tenant)).toList());
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the portfolio CSV: " + e.getMessage(), e);
        }
    }

    private static void line(Writer writer, List<Object> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(field(values.get(i)));
        }
        writer.write("\r\n");
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal amount) {
            return amount.toPlainString();
        }
        if (!(value instanceof String text)) {
            return value.toString();
        }
        String safe = Cells.looksLikeFormula(text) ? "'" + text : text;
        boolean quoted = safe.indexOf(',') >= 0
                || safe.indexOf('"') >= 0
                || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0
                || !safe.equals(safe.strip());
        return quoted ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
