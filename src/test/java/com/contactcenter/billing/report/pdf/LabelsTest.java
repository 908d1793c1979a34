package com.contactcenter.billing.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void bothLanguagesNameTheSameTexts() throws IOException {
        assertThat(load("en").stringPropertyNames()).isEqualTo(load("es").stringPropertyNames());
    }

    @Test
    void isSpanishUnlessTheLocaleIsEnglish() {
        assertThat(Labels.of(Locale.forLanguageTag("es-CO")).text("footer.estimate"))
                .isEqualTo("Estimación, no es una factura");
        assertThat(Labels.of(Locale.FRENCH).text("footer.page", 3)).isEqualTo("Página 3 de");
        assertThat(Labels.of(Locale.UK).text("footer.estimate")).isEqualTo("Estimate, not an invoice");
    }

    @Test
    void namesServicesAndFindingsAndKeepsUnknownCodes() {
        Labels spanish = Labels.of(Locale.forLanguageTag("es"));

        assertThat(spanish.service("voice_minutes")).isEqualTo("Llamadas");
        assertThat(Labels.of(Locale.ENGLISH).service("voice_minutes")).isEqualTo("Calls");
        assertThat(spanish.service("fax_out")).isEqualTo("fax_out");
        assertThat(spanish.finding("negative_duration")).isEqualTo("Duración negativa");
        assertThat(spanish.finding("cosmic_rays")).isEqualTo("cosmic_rays");
    }

    @Test
    void putsValuesInOncePlacingNoValueInsideAnother() {
        assertThat(Labels.of(Locale.forLanguageTag("es")).text("header.period", "acme {1}", "2026-10-01", "2026-10-31"))
                .isEqualTo("acme {1} · 2026-10-01 a 2026-10-31");
    }

    private static Properties load(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = LabelsTest.class.getResourceAsStream("/report/pdf/labels_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
