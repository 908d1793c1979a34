package com.contactcenter.billing.report.excel;

import static com.contactcenter.billing.report.excel.Styles.NUMBER;
import static com.contactcenter.billing.report.excel.Styles.SECTION;
import static com.contactcenter.billing.report.excel.Styles.TEXT;
import static com.contactcenter.billing.report.excel.Styles.TOTAL;

import com.contactcenter.billing.usage.UsageReport.WhatsappBucket;
import com.contactcenter.billing.usage.UsageReport.WhatsappChannel;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Sheet WhatsApp: inbound and outbound per channel over the period (the chart's rows), then the
 * same per channel and bucket.
 */
final class WhatsappSheet {

    static final int HEADER_ROW = 1;
    static final int FIRST_CHANNEL_ROW = 2;
    static final int INBOUND_COLUMN = 2;
    static final int OUTBOUND_COLUMN = 3;

    private final Cells cells;
    private final Labels labels;

    WhatsappSheet(Cells cells, Labels labels) {
        this.cells = cells;
        this.labels = labels;
    }

    void fill(Path template, XSSFSheet sheet, List<WhatsappChannel> channels) {
        Cells.clearBelowBand(sheet);
        Cells.band(sheet, labels.get("whatsapp.title"));
        cells.header(
                sheet.createRow(HEADER_ROW),
                labels.get("col.channelId"),
                labels.get("col.channel"),
                labels.get("col.inbound"),
                labels.get("col.outbound"),
                labels.get("col.total"));
        int r = FIRST_CHANNEL_ROW;
        long inbound = 0;
        long outbound = 0;
        for (WhatsappChannel channel : channels) {
            Row row = sheet.createRow(r++);
            cells.id(row, 0, channel.channelId(), NUMBER);
            cells.text(row, 1, channel.channel(), TEXT);
            cells.count(row, INBOUND_COLUMN, channel.inbound(), NUMBER);
            cells.count(row, OUTBOUND_COLUMN, channel.outbound(), NUMBER);
            cells.count(row, 4, channel.inbound() + channel.outbound(), NUMBER);
            inbound += channel.inbound();
            outbound += channel.outbound();
        }
        if (channels.isEmpty()) {
            // The chart needs one point; zeros under a "no channels" label add nothing to any sum.
            Row row = sheet.createRow(r++);
            cells.text(row, 1, labels.get("whatsapp.none"), TEXT);
            cells.count(row, INBOUND_COLUMN, 0, NUMBER);
            cells.count(row, OUTBOUND_COLUMN, 0, NUMBER);
            cells.count(row, 4, 0, NUMBER);
        }
        int lastChannelRow = r - 1;
        Row total = sheet.createRow(r++);
        cells.text(total, 0, labels.get("total"), TOTAL);
        cells.text(total, 1, null, TOTAL);
        cells.count(total, INBOUND_COLUMN, inbound, TOTAL);
        cells.count(total, OUTBOUND_COLUMN, outbound, TOTAL);
        cells.count(total, 4, inbound + outbound, TOTAL);

        r++;
        cells.text(sheet.createRow(r++), 0, labels.get("whatsapp.perBucket"), SECTION);
        cells.header(
                sheet.createRow(r++),
                labels.get("col.channelId"),
                labels.get("col.channel"),
                labels.get("col.bucket"),
                labels.get("col.inbound"),
                labels.get("col.outbound"),
                labels.get("col.total"));
        for (WhatsappChannel channel : channels) {
            for (WhatsappBucket bucket : channel.buckets()) {
                Row row = sheet.createRow(r++);
                cells.id(row, 0, channel.channelId(), NUMBER);
                cells.text(row, 1, channel.channel(), TEXT);
                cells.date(row, 2, bucket.bucket(), NUMBER);
                cells.count(row, 3, bucket.inbound(), NUMBER);
                cells.count(row, 4, bucket.outbound(), NUMBER);
                cells.count(row, 5, bucket.inbound() + bucket.outbound(), NUMBER);
            }
        }

        XSSFChart chart = Template.chart(template, sheet);
        chart.setTitleText(labels.get("chart.whatsapp"));
        ChartSeries.repoint(
                chart,
                Template.chartData(template, sheet, XDDFBarChartData.class),
                sheet,
                1,
                null,
                HEADER_ROW,
                FIRST_CHANNEL_ROW,
                lastChannelRow,
                List.of(
                        new ChartSeries.Column(INBOUND_COLUMN, labels.get("col.inbound")),
                        new ChartSeries.Column(OUTBOUND_COLUMN, labels.get("col.outbound"))));
    }
}
