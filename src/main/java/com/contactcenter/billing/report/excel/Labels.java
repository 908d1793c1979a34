package com.contactcenter.billing.report.excel;

import com.contactcenter.billing.usage.ServiceKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Properties;

/**
 * The report's texts in one language, from {@code report/excel/labels_<lang>.properties} (UTF-8).
 * English for an English locale, Spanish (Colombia) for anything else.
 */
final class Labels {

    static final Locale SPANISH_COLOMBIA = Locale.forLanguageTag("es-CO");

    private final String resource;
    private final Properties texts;
    private final boolean english;

    private Labels(String resource, Properties texts, boolean english) {
        this.resource = resource;
        this.texts = texts;
        this.english = english;
    }

    static Labels forLocale(Locale locale) {
        boolean english = locale != null && locale.getLanguage().equals(Locale.ENGLISH.getLanguage());
        String resource = "report/excel/labels_" + (english ? "en" : "es") + ".properties";
        return new Labels(resource, load(resource), english);
    }

    static Properties load(String resource) {
        Properties texts = new Properties();
        try (InputStream in = Labels.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("labels not on the classpath: " + resource);
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                texts.load(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return texts;
    }

    String get(String key) {
        String text = texts.getProperty(key);
        if (text == null) {
            throw new IllegalStateException("label '" + key + "' is missing from " + resource);
        }
        return text;
    }

    /** A {@link MessageFormat} pattern: numbers come out in the language's grouping (es-CO: 1.234). */
    String format(String key, Object... arguments) {
        return new MessageFormat(get(key), textLocale()).format(arguments);
    }

    String getOrDefault(String key, String fallbackKey) {
        String text = texts.getProperty(key);
        return text != null ? text : get(fallbackKey);
    }

    String service(String key) {
        return ServiceKey.ofKey(key)
                .map(s -> english ? s.englishLabel() : s.spanishLabel())
                .orElse(key);
    }

    /** A local date as the report writes dates in text: 30/11/2026 (Spanish), 2026-11-30 (English). */
    String date(LocalDate date) {
        return english
                ? date.toString()
                : DateTimeFormatter.ofPattern("dd/MM/yyyy").format(date);
    }

    Locale textLocale() {
        return english ? Locale.US : SPANISH_COLOMBIA;
    }

    boolean english() {
        return english;
    }
}
