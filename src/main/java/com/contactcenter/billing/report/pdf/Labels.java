package com.contactcenter.billing.report.pdf;

import com.contactcenter.billing.usage.ServiceKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report's texts in one language, from {@code report/pdf/labels_<language>.properties} (UTF-8).
 * English when the locale's language is English, Spanish otherwise.
 */
final class Labels {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    private static final Properties SPANISH = load("es");
    private static final Properties ENGLISH = load("en");

    private final Properties texts;
    private final boolean english;

    private Labels(Properties texts, boolean english) {
        this.texts = texts;
        this.english = english;
    }

    static Labels of(Locale locale) {
        boolean english = isEnglish(locale);
        return new Labels(english ? ENGLISH : SPANISH, english);
    }

    static boolean isEnglish(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }

    boolean english() {
        return english;
    }

    /** The text of {@code key}, with {@code {0}}, {@code {1}}, ... replaced by {@code values} as given. */
    String text(String key, Object... values) {
        String text = texts.getProperty(key);
        if (text == null) {
            throw new IllegalStateException(
                    "PDF report label '" + key + "' is missing for " + (english ? "English" : "Spanish"));
        }
        // One pass, so a value that itself holds "{1}" (text from the source) is never expanded.
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            int index = Integer.parseInt(placeholder.group(1));
            String value = index < values.length ? String.valueOf(values[index]) : placeholder.group();
            placeholder.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return placeholder.appendTail(out).toString();
    }

    /** A service's name as the rules show it; an unknown key as it is. */
    String service(String key) {
        return ServiceKey.ofKey(key)
                .map(s -> english ? s.englishLabel() : s.spanishLabel())
                .orElse(key);
    }

    /** A data-quality reason's description; an unknown reason as its code. */
    String finding(String reason) {
        return texts.getProperty("finding." + reason, reason);
    }

    String groupBy(String code) {
        return texts.getProperty("groupBy." + code, code);
    }

    private static Properties load(String language) {
        String resource = "/report/pdf/labels_" + language + ".properties";
        Properties properties = new Properties();
        try (InputStream in = Labels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("PDF report labels not found on the classpath: " + resource);
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource + " failed", e);
        }
        return properties;
    }
}
