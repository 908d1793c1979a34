package com.contactcenter.billing.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * What the command line prints for people, in {@code billing.report.locale}: the texts of
 * {@code messages/cli*.properties} (Spanish unless the language is English) and figures grouped
 * as the reports group them (es-CO {@code 1.234.567} and {@code 17.840.000,00 COP}; en-US
 * {@code 1,234,567} and {@code 17,840,000.00 COP}).
 */
final class CliTexts {

    static final Locale SPANISH = Locale.forLanguageTag("es-CO");

    private final ResourceBundle texts;
    private final Locale locale;

    private CliTexts(ResourceBundle texts, Locale locale) {
        this.texts = texts;
        this.locale = locale;
    }

    static CliTexts of(Locale requested) {
        boolean english = requested != null && Locale.ENGLISH.getLanguage().equals(requested.getLanguage());
        Locale locale = english ? (requested.getCountry().isEmpty() ? Locale.US : requested) : SPANISH;
        ResourceBundle texts = ResourceBundle.getBundle(
                "messages/cli",
                english ? Locale.ENGLISH : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new CliTexts(texts, locale);
    }

    /** The text of {@code key}, its {@code {0}}, {@code {1}}, ... replaced by {@code values} as given. */
    String text(String key, Object... values) {
        String pattern;
        try {
            pattern = texts.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no command-line text '" + key + "' in messages/cli", e);
        }
        Object[] shown = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            // figures are formatted here, so MessageFormat never applies its own conventions
            shown[i] = values[i] instanceof Number n ? count(n.longValue()) : String.valueOf(values[i]);
        }
        return new MessageFormat(pattern, locale).format(shown);
    }

    /** A count, grouped. */
    String count(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** An amount with {@code scale} decimals, grouped, then the currency code. */
    String money(BigDecimal amount, int scale, String currency) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        int digits = Math.max(0, scale);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount) + (currency == null ? "" : " " + currency);
    }

    Locale locale() {
        return locale;
    }
}
