package com.contactcenter.billing.report.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;

/**
 * Writes on every page the tenant and period (header), "Estimación, no es una factura" and
 * "Página X de Y" (footer). Y is unknown until the end: every page shows the same template, which
 * gets the page count when the document closes.
 */
final class PageDecorator extends PdfPageEventHelper {

    private static final float SIZE = 8;
    private static final Color RULE = new Color(160, 160, 160);

    private final BaseFont font;
    private final String headerLeft;
    private final String headerRight;
    private final String footerLeft;
    private final String pageLabel;
    private final float totalWidth;
    private PdfTemplate total;

    /**
     * @param pageLabel the footer's page text with {@code {0}} for the page number, the total following it
     */
    PageDecorator(BaseFont font, String headerLeft, String headerRight, String footerLeft, String pageLabel) {
        this.font = font;
        this.headerLeft = headerLeft;
        this.headerRight = headerRight;
        this.footerLeft = footerLeft;
        this.pageLabel = pageLabel;
        this.totalWidth = font.getWidthPoint("000000", SIZE);
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
        total = writer.getDirectContent().createTemplate(totalWidth, SIZE * 1.5f);
        total.setBoundingBox(new Rectangle(0, -SIZE / 2, totalWidth, SIZE * 1.5f));
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        PdfContentByte cb = writer.getDirectContent();
        float left = document.left();
        float right = document.right();
        float headerY = document.top() + 22;
        float footerY = document.bottom() - 24;
        Font text = new Font(font, SIZE);

        cb.saveState();
        cb.setColorStroke(RULE);
        cb.setLineWidth(0.5f);
        cb.moveTo(left, headerY - 5);
        cb.lineTo(right, headerY - 5);
        cb.moveTo(left, footerY + SIZE + 3);
        cb.lineTo(right, footerY + SIZE + 3);
        cb.stroke();
        cb.restoreState();

        ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(headerLeft, text), left, headerY, 0);
        ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT, new Phrase(headerRight, text), right, headerY, 0);
        ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(footerLeft, text), left, footerY, 0);

        String page = pageLabel.replace("{0}", Integer.toString(writer.getPageNumber())) + " ";
        float pageX = right - totalWidth - font.getWidthPoint(page, SIZE);
        cb.beginText();
        cb.setFontAndSize(font, SIZE);
        cb.setTextMatrix(pageX, footerY);
        cb.showText(page);
        cb.endText();
        cb.addTemplate(total, pageX + font.getWidthPoint(page, SIZE), footerY);
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        total.beginText();
        total.setFontAndSize(font, SIZE);
        total.setTextMatrix(0, 0);
        total.showText(Integer.toString(writer.getPageNumber() - 1));
        total.endText();
    }
}
