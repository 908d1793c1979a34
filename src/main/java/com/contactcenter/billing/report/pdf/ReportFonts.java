package com.contactcenter.billing.report.pdf;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontMapper;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The report's TrueType font, read once and embedded in every document with Identity-H (so
 * accents, ñ and ¿ always render, whatever the viewer has installed). A bold face is taken from
 * the file next to the regular one named {@code <name>-Bold.ttf} when there is one; without it,
 * bold is simulated. The charts draw their text with the same faces.
 */
final class ReportFonts {

    private final Path regularFile;
    private final byte[] regular;
    private final Optional<Path> boldFile;
    private final byte[] bold;
    private final java.awt.Font awtRegular;
    private final java.awt.Font awtBold;

    private ReportFonts(Path regularFile, byte[] regular, Optional<Path> boldFile, byte[] bold) {
        this.regularFile = regularFile;
        this.regular = regular;
        this.boldFile = boldFile;
        this.bold = bold;
        this.awtRegular = awtFont(regularFile);
        this.awtBold = boldFile.map(ReportFonts::awtFont).orElse(awtRegular.deriveFont(java.awt.Font.BOLD));
    }

    /** @throws IllegalArgumentException (one line, naming the file) when the file is missing or no usable font */
    static ReportFonts load(Path fontFile) {
        if (fontFile == null) {
            throw new IllegalArgumentException("PDF report font file not given");
        }
        if (!Files.isRegularFile(fontFile)) {
            throw new IllegalArgumentException("PDF report font file not found: " + fontFile.toAbsolutePath());
        }
        byte[] regular = read(fontFile);
        Optional<Path> boldFile = boldSibling(fontFile);
        byte[] bold = boldFile.map(ReportFonts::read).orElse(null);
        ReportFonts fonts = new ReportFonts(fontFile, regular, boldFile, bold);
        fonts.forDocument(); // a bad font fails here, when the writer is made, not in the first report
        return fonts;
    }

    /** Fresh font objects for one document: each document embeds the subset of glyphs it used. */
    DocumentFonts forDocument() {
        BaseFont regularFont = baseFont(regularFile, regular);
        BaseFont boldFont = boldFile.map(f -> baseFont(f, bold)).orElse(null);
        return new DocumentFonts(regularFont, boldFont, awtRegular, awtBold);
    }

    /** The fonts of one document: text fonts, their glyph filters and the mapping the charts draw with. */
    static final class DocumentFonts {

        private final Glyphs regular;
        private final Glyphs bold;
        private final boolean simulatedBold;
        private final java.awt.Font awtRegular;
        private final java.awt.Font awtBold;

        private DocumentFonts(BaseFont regular, BaseFont bold, java.awt.Font awtRegular, java.awt.Font awtBold) {
            this.regular = new Glyphs(regular);
            this.simulatedBold = bold == null;
            this.bold = simulatedBold ? this.regular : new Glyphs(bold);
            this.awtRegular = awtRegular;
            this.awtBold = awtBold;
        }

        Font regular(float size) {
            return new Font(regular.font(), size, Font.NORMAL);
        }

        Font bold(float size) {
            return new Font(bold.font(), size, simulatedBold ? Font.BOLD : Font.NORMAL);
        }

        BaseFont regularBase() {
            return regular.font();
        }

        /** The text made printable in the face {@code font} is drawn with. */
        String printable(String text, Font font) {
            return (font.getBaseFont() == regular.font() && !font.isBold() ? regular : bold).printable(text);
        }

        String printable(String text) {
            return regular.printable(text);
        }

        /** Whether some text of this document had a character the font lacks, printed as {@link Glyphs#MISSING}. */
        boolean replacedAny() {
            return regular.replaced() || bold.replaced();
        }

        java.awt.Font awt(boolean boldFace, float size) {
            return (boldFace ? awtBold : awtRegular).deriveFont(size);
        }

        /** Charts' AWT fonts become the embedded faces, never a standard (non-embedded) PDF font. */
        FontMapper chartFontMapper() {
            return new FontMapper() {
                @Override
                public BaseFont awtToPdf(java.awt.Font font) {
                    return font.isBold() ? bold.font() : regular.font();
                }

                @Override
                public java.awt.Font pdfToAwt(BaseFont font, int size) {
                    return awt(font == bold.font() && !simulatedBold, size);
                }
            };
        }
    }

    private static Optional<Path> boldSibling(Path fontFile) {
        String name = fontFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String boldName = dot < 0 ? name + "-Bold" : name.substring(0, dot) + "-Bold" + name.substring(dot);
        Path sibling = fontFile.resolveSibling(boldName);
        return Files.isRegularFile(sibling) ? Optional.of(sibling) : Optional.empty();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "PDF report font file cannot be read: " + file.toAbsolutePath() + " (" + oneLine(e) + ")", e);
        }
    }

    private static BaseFont baseFont(Path file, byte[] bytes) {
        try {
            return BaseFont.createFont(
                    file.getFileName().toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "PDF report font file is not a usable TrueType font: " + file.toAbsolutePath() + " (" + oneLine(e)
                            + ")",
                    e);
        }
    }

    private static java.awt.Font awtFont(Path file) {
        try {
            return java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, file.toFile());
        } catch (FontFormatException | IOException e) {
            throw new IllegalArgumentException(
                    "PDF report font file is not a usable TrueType font: " + file.toAbsolutePath() + " (" + oneLine(e)
                            + ")",
                    e);
        }
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\R+", " ");
    }
}
