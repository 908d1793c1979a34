package com.contactcenter.billing.report.pdf;

import com.lowagie.text.pdf.BaseFont;
import java.util.BitSet;

/**
 * Makes text printable in one font: a character the font has no glyph for (an emoji or CJK
 * character outside DejaVu, a lone surrogate) becomes {@link #MISSING}, a visible white square the
 * report explains in a note, and a control character a space, so text from the source can never
 * break the document. One per font and document (not thread-safe).
 *
 * <p>No emoji font is bundled: the colour emoji fonts free to embed (Noto Color Emoji) are bitmap
 * (CBDT) or SVG fonts that a PDF's TrueType embedding cannot draw, and the outline ones with emoji
 * are either not free to redistribute or not on the machines this product runs on.
 */
final class Glyphs {

    /** U+25A1 WHITE SQUARE, which DejaVu Sans has: unlike "?" it cannot be taken for the text's own. */
    static final char MISSING = '\u25a1';

    private final BaseFont font;
    private final BitSet checked = new BitSet();
    private final BitSet present = new BitSet();
    private boolean replaced;

    /** {@link #MISSING}, or "?" in a font that lacks the square too. */
    private final char marker;

    Glyphs(BaseFont font) {
        this.font = font;
        this.marker = font.charExists(MISSING) ? MISSING : '?';
    }

    BaseFont font() {
        return font;
    }

    /** Whether a character was replaced by {@link #MISSING} in this document so far. */
    boolean replaced() {
        return replaced;
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
                out.append(marker);
                replaced = true;
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
