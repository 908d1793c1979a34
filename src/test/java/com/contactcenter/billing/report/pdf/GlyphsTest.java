package com.contactcenter.billing.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlyphsTest {

    private static Glyphs dejaVu;

    @BeforeAll
    static void font() throws IOException {
        dejaVu = new Glyphs(BaseFont.createFont(PdfReports.FONT.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Zoë Ñandú ¿sí? áéíóú ü                  | Zoë Ñandú ¿sí? áéíóú ü
            Camila 😀 Ríos                          | Camila 😀 Ríos
            Cohete 🚀                               | Cohete □
            中文名字                                 | □□□□
            𝐀 bold math                             | □ bold math
            עברית العربية                           | עברית العربية
            """)
    void keepsWhatTheFontCanDrawAndMarksTheRest(String text, String printable) {
        assertThat(dejaVu.printable(text)).isEqualTo(printable);
    }

    @Test
    void turnsControlCharactersIntoSpacesAndALoneSurrogateIntoAMark() {
        assertThat(dejaVu.printable("a\tb\nc\u0000d\u2028e")).isEqualTo("a b c d e");
        assertThat(dejaVu.printable("x\ud800y")).isEqualTo("x□y");
        assertThat(dejaVu.printable("y\udc00")).isEqualTo("y□");
    }

    @Test
    void remembersWhetherItReplacedACharacterSoTheReportCanSaySo() throws IOException {
        Glyphs glyphs =
                new Glyphs(BaseFont.createFont(PdfReports.FONT.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED));

        glyphs.printable("Camila 😀 Ríos");
        assertThat(glyphs.replaced()).isFalse();
        assertThat(glyphs.printable("Cohete 🚀")).isEqualTo("Cohete \u25a1");
        assertThat(glyphs.replaced()).isTrue();
    }

    @Test
    void givesNothingForNoText() {
        assertThat(dejaVu.printable(null)).isEmpty();
        assertThat(dejaVu.printable("")).isEmpty();
    }

    @Test
    void returnsPrintableTextUnchanged() {
        String text = "Paula Niño O'Brien";

        assertThat(dejaVu.printable(text)).isSameAs(text);
    }
}
