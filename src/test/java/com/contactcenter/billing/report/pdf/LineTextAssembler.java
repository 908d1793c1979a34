package com.contactcenter.billing.report.pdf;

import com.lowagie.text.pdf.parser.FinalText;
import com.lowagie.text.pdf.parser.ParsedText;
import com.lowagie.text.pdf.parser.ParsedTextImpl;
import com.lowagie.text.pdf.parser.TextAssembler;
import com.lowagie.text.pdf.parser.TextAssemblyBuffer;
import com.lowagie.text.pdf.parser.Vector;
import com.lowagie.text.pdf.parser.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * Assembles what OpenPDF's text extractor parses into lines: pieces on one baseline joined with a
 * space when they stand apart, a new line when the baseline changes. The default assembler glues
 * the text of two neighbouring table cells together when the first holds a space ("Agente de
 * ventas" + "12" gives "Agente de ventas12"), which makes figures unreadable.
 */
final class LineTextAssembler implements TextAssembler {

    /** Points two baselines may differ by on one line: less than any line spacing in the report. */
    private static final float SAME_LINE = 1f;

    private final List<TextAssemblyBuffer> pending = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private ParsedTextImpl previous;
    private float directionX = 1;
    private float directionY;
    private int wordIds;

    @Override
    public void process(ParsedText unassembled, String contextName) {
        pending.addAll(unassembled.getAsPartialWords());
    }

    @Override
    public void process(Word completed, String contextName) {
        pending.add(completed);
    }

    @Override
    public void process(FinalText completed, String contextName) {
        flush();
        // Text of a form XObject (the page total, a chart) arrives whole, without a position.
        text.append(' ').append(completed.getText());
        previous = null;
    }

    @Override
    public void renderText(FinalText finalText) {
        text.append(finalText.getText());
    }

    @Override
    public void renderText(ParsedTextImpl word) {
        Vector start = word.getStartPoint();
        if (previous != null) {
            // Measured along and across the writing direction: a landscape page's text runs up its
            // unrotated user space, not along x.
            Vector lastStart = previous.getStartPoint();
            Vector lastEnd = previous.getEndPoint();
            float acrossX = start.get(0) - lastStart.get(0);
            float acrossY = start.get(1) - lastStart.get(1);
            float across = Math.abs(directionX * acrossY - directionY * acrossX);
            float gap = (start.get(0) - lastEnd.get(0)) * directionX + (start.get(1) - lastEnd.get(1)) * directionY;
            if (across > SAME_LINE) {
                text.append('\n');
            } else if (gap > word.getSingleSpaceWidth() / 2.3f) {
                text.append(' ');
            }
        }
        Vector end = word.getEndPoint();
        float length = end.subtract(start).length();
        if (length > 0) {
            directionX = (end.get(0) - start.get(0)) / length;
            directionY = (end.get(1) - start.get(1)) / length;
        }
        text.append(word.getText());
        previous = word;
    }

    @Override
    public FinalText endParsingContext(String containingElementName) {
        flush();
        FinalText result = new FinalText(text.toString());
        text.setLength(0);
        previous = null;
        return result;
    }

    @Override
    public String getWordId() {
        return "word" + ++wordIds;
    }

    @Override
    public void setPage(int page) {}

    @Override
    public void reset() {
        pending.clear();
        text.setLength(0);
        previous = null;
    }

    private void flush() {
        List<TextAssemblyBuffer> words = new ArrayList<>(pending);
        pending.clear();
        words.forEach(w -> w.assemble(this));
    }
}
