package com.contactcenter.billing.report.pdf;

import com.lowagie.text.pdf.BaseFont;
import java.util.BitSet;

/**
 * Makes text printable in one font: a character the font has no glyph for (an emoji or CJK
 * character outside DejaVu, a lone surrogate) becomes {@code '?'} and a control character a space,
 * so text from the source can never break the document. One per font and document (not thread-safe).
 */
final class Glyphs {

    static final char MISSING = '?';

    private final BaseFont font;
    private final BitSet checked = new BitSet();
    private final BitSet present = new BitSet();

    Glyphs(BaseFont font) {
        this.font = font;
    }

    BaseFont font() {
        return font;
    }

    String printable(String text) {
        if (text == null) {
            return "";
        }
        int first = firstUnprintable(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isBreak(cp)) {
                out.append(' ');
            } else if (has(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append(MISSING);
            }
        }
        return out.toString();
    }

    private int firstUnprintable(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (isBreak(cp) || !has(cp)) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    private boolean has(int cp) {
        if (!checked.get(cp)) {
            checked.set(cp);
            if (!Character.isSurrogate((char) cp) || cp > Character.MAX_VALUE) {
                present.set(cp, font.charExists(cp));
            }
        }
        return present.get(cp);
    }

    private static boolean isBreak(int cp) {
        return Character.isISOControl(cp) || cp == '\u2028' || cp == '\u2029';
    }
}
