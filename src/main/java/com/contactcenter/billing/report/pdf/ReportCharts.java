package com.contactcenter.billing.report.pdf;

import com.contactcenter.billing.report.pdf.ReportFonts.DocumentFonts;
import com.contactcenter.billing.snapshot.SnapshotFigures;
import com.contactcenter.billing.snapshot.SnapshotFigures.SeriesPoint;
import com.contactcenter.billing.usage.UsageReport.WhatsappChannel;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The report's two charts, built with JFreeChart and drawn into PDF templates through
 * {@code PdfTemplate.createGraphics}: vector paths and text in the embedded font, no bitmaps.
 */
final class ReportCharts {

    private static final Color GRID = new Color(200, 200, 200);
    /** Muted, distinguishable colours (Tableau 10), in series order. */
    private static final Paint[] PALETTE = {
        new Color(0x4E79A7),
        new Color(0xF28E2B),
        new Color(0x59A14F),
        new Color(0xE15759),
        new Color(0x76B7B2),
        new Color(0xEDC948),
        new Color(0xB07AA1),
        new Color(0xFF9DA7),
        new Color(0x9C755F),
        new Color(0xBAB0AC)
    };

    private final Labels labels;
    private final Figures figures;
    private final DocumentFonts fonts;

    ReportCharts(Labels labels, Figures figures, DocumentFonts fonts) {
        this.labels = labels;
        this.figures = figures;
        this.fonts = fonts;
    }

    /** Units of each service per bucket: a line per service, or bars when the period is one bucket. */
    Image consumption(SnapshotFigures snapshot, PdfContentByte cb, float width, float height) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (SeriesPoint point : snapshot.series()) {
            dataset.addValue(point.units(), fonts.printable(labels.service(point.key())), bucket(point.bucket()));
        }
        List<LocalDate> buckets = snapshot.buckets();
        JFreeChart chart = buckets.size() == 1
                ? ChartFactory.createBarChart(
                        null,
                        labels.text("chart.bucket"),
                        labels.text("chart.units"),
                        dataset,
                        PlotOrientation.VERTICAL,
                        true,
                        false,
                        false)
                : ChartFactory.createLineChart(
                        null,
                        labels.text("chart.bucket"),
                        labels.text("chart.units"),
                        dataset,
                        PlotOrientation.VERTICAL,
                        true,
                        false,
                        false);
        style(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        if (plot.getRenderer() instanceof LineAndShapeRenderer line) {
            line.setDefaultShapesVisible(true);
            line.setAutoPopulateSeriesStroke(false);
            line.setDefaultStroke(new BasicStroke(1.5f));
        }
        CategoryAxis domain = plot.getDomainAxis();
        if (buckets.size() > 12) {
            domain.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
            domain.setTickLabelFont(fonts.awt(false, 6));
        }
        return draw(chart, cb, width, height);
    }

    /** Inbound and outbound messages of each WhatsApp channel over the period. */
    Image whatsapp(List<WhatsappChannel> channels, PdfContentByte cb, float width, float height) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        String inbound = labels.text("col.inbound");
        String outbound = labels.text("col.outbound");
        Map<String, Integer> names = new HashMap<>();
        channels.forEach(c -> names.merge(c.channel(), 1, Integer::sum));
        for (WhatsappChannel channel : channels) {
            String name = names.get(channel.channel()) > 1
                    ? channel.channel() + " (#" + channel.channelId() + ")"
                    : channel.channel();
            String category = fonts.printable(name);
            dataset.addValue(channel.inbound(), inbound, category);
            dataset.addValue(channel.outbound(), outbound, category);
        }
        JFreeChart chart = ChartFactory.createBarChart(
                null,
                labels.text("col.channel"),
                labels.text("chart.messages"),
                dataset,
                PlotOrientation.HORIZONTAL,
                true,
                false,
                false);
        style(chart);
        chart.getCategoryPlot().setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        return draw(chart, cb, width, height);
    }

    private String bucket(LocalDate date) {
        return figures.date(date);
    }

    private void style(JFreeChart chart) {
        StandardChartTheme theme = new StandardChartTheme("billing-estimate");
        theme.setExtraLargeFont(fonts.awt(true, 11));
        theme.setLargeFont(fonts.awt(false, 8));
        theme.setRegularFont(fonts.awt(false, 8));
        theme.setSmallFont(fonts.awt(false, 7));
        theme.setDrawingSupplier(new DefaultDrawingSupplier(
                PALETTE,
                DefaultDrawingSupplier.DEFAULT_OUTLINE_PAINT_SEQUENCE,
                DefaultDrawingSupplier.DEFAULT_STROKE_SEQUENCE,
                DefaultDrawingSupplier.DEFAULT_OUTLINE_STROKE_SEQUENCE,
                DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setOutlineVisible(false);
        if (plot.getRenderer() instanceof BarRenderer bar) {
            bar.setItemMargin(0.05);
        }
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setStandardTickUnits(NumberAxis.createIntegerTickUnits(figures.locale()));
        range.setNumberFormatOverride(NumberFormat.getIntegerInstance(figures.locale()));
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        chart.setAntiAlias(true);
    }

    private Image draw(JFreeChart chart, PdfContentByte cb, float width, float height) {
        PdfTemplate template = cb.createTemplate(width, height);
        Graphics2D g2 = template.createGraphics(width, height, fonts.chartFontMapper());
        try {
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g2.dispose();
        }
        return Image.getInstance(template);
    }
}
