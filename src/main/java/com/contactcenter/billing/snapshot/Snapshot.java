package com.contactcenter.billing.snapshot;

import com.contactcenter.billing.usage.GroupBy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * One immutable snapshot version and its export document. The document is held gzipped (a month of
 * 100,000 users is 47 MB of text, a few MB gzipped): read it streamed, through {@link #openDocument()}
 * or {@link #writeDocument(OutputStream)}. {@code plan} is the plan it was priced with (null for
 * versions stored before plans, and fixtures).
 */
public record Snapshot(
        String id,
        String source,
        LocalDate from,
        LocalDate to,
        GroupBy groupBy,
        int version,
        Instant asOf,
        Instant computedAt,
        Content content,
        PlanStamp plan) {

    /** A snapshot without a plan stamp. */
    public Snapshot(
            String id,
            String source,
            LocalDate from,
            LocalDate to,
            GroupBy groupBy,
            int version,
            Instant asOf,
            Instant computedAt,
            Content content) {
        this(id, source, from, to, groupBy, version, asOf, computedAt, content, null);
    }

    /** A snapshot whose document is given as text (versions stored before documents were gzipped, fixtures). */
    public Snapshot(
            String id,
            String source,
            LocalDate from,
            LocalDate to,
            GroupBy groupBy,
            int version,
            Instant asOf,
            Instant computedAt,
            String document) {
        this(id, source, from, to, groupBy, version, asOf, computedAt, Content.text(document));
    }

    /** The document's UTF-8 bytes, streamed. */
    public InputStream openDocument() {
        return content.open();
    }

    /** Copies the document's UTF-8 bytes to {@code out}. */
    public void writeDocument(OutputStream out) {
        try (InputStream in = openDocument()) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole document as one string: only for documents known to be small. */
    public String document() {
        try (InputStream in = openDocument()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored document: gzipped UTF-8 bytes, or the text itself. */
    public record Content(byte[] gzip, String text) {

        public static Content gzip(byte[] gzip) {
            return new Content(gzip, null);
        }

        public static Content text(String text) {
            return new Content(null, text);
        }

        InputStream open() {
            if (gzip == null) {
                return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
            }
            try {
                return new GZIPInputStream(new ByteArrayInputStream(gzip), 64 * 1024);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The same stored bytes or text (gzip output is the same for the same text: no time in its header). */
        @Override
        public boolean equals(Object other) {
            return other instanceof Content c && Arrays.equals(gzip, c.gzip) && Objects.equals(text, c.text);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(gzip) + Objects.hashCode(text);
        }

        @Override
        public String toString() {
            return gzip != null ? "gzip, " + gzip.length + " bytes" : "text, " + text.length() + " characters";
        }
    }

    /** What made a version: only intraday and ad-hoc versions are ever pruned. */
    public enum Origin {
        /** The CLI, the API, the nightly refresh and the monthly close: kept for good. */
        STANDARD,
        /**
         * The intraday refresh of today, this week and this month, and the dashboard's own versions of
         * a period still open: kept within billing.snapshot.retention.
         */
        INTRADAY,
        /**
         * The dashboard's custom ranges and their comparison periods: any number of distinct keys, so
         * only the newest of the most recent keys are kept (billing.snapshot.retention.adhoc-keep).
         */
        ADHOC;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Origin parse(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }
}
