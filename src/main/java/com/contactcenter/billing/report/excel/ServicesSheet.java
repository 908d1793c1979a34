package com.contactcenter.billing.report.excel;

import static com.contactcenter.billing.report.excel.Styles.NUMBER;
import static com.contactcenter.billing.report.excel.Styles.TOTAL;

import com.contactcenter.billing.snapshot.SnapshotFigures;
import com.contactcenter.billing.snapshot.SnapshotFigures.SeriesPoint;
import com.contactcenter.billing.snapshot.SnapshotFigures.ServiceUsage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Sheet Servicios: one row per bucket, one column of units per service key, a total row; the
 * template's line chart is repointed at the bucket rows.
 */
final class ServicesSheet {

    static final int HEADER_ROW = 1;
    static final int FIRST_BUCKET_ROW = 2;

    private final Cells cells;
    private final Labels labels;

    ServicesSheet(Cells cells, Labels labels) {
        this.cells = cells;
        this.labels = labels;
    }

    void fill(Path template, XSSFSheet sheet, SnapshotFigures figures) {
        Cells.clearBelowBand(sheet);
        Cells.band(sheet, labels.get("services.title"));
        List<ServiceUsage> services = figures.services();
        String[] headings = new String[services.size() + 1];
        headings[0] = labels.get("col.bucket");
        List<ChartSeries.Column> columns = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            String key = services.get(i).key();
            headings[i + 1] = labels.service(key) + " (" + key + ")";
            columns.add(new ChartSeries.Column(i + 1, headings[i + 1]));
        }
        cells.header(sheet.createRow(HEADER_ROW), headings);

        Map<String, Long> units = new HashMap<>();
        for (SeriesPoint point : figures.series()) {
            units.merge(point.bucket() + "|" + point.key(), point.units(), Long::sum);
        }
        List<LocalDate> buckets = figures.buckets();
        long[] totals = new long[services.size()];
        int r = FIRST_BUCKET_ROW;
        for (LocalDate bucket : buckets) {
            Row row = sheet.createRow(r++);
            cells.date(row, 0, bucket, NUMBER);
            for (int i = 0; i < services.size(); i++) {
                long value = units.getOrDefault(bucket + "|" + services.get(i).key(), 0L);
                cells.count(row, i + 1, value, NUMBER);
                totals[i] += value;
            }
        }
        if (buckets.isEmpty()) {
            // A chart needs at least one point: the period's first day with zeros.
            Row row = sheet.createRow(r++);
            cells.date(row, 0, figures.period().from(), NUMBER);
            for (int i = 0; i < services.size(); i++) {
                cells.count(row, i + 1, 0, NUMBER);
            }
        }
        int lastBucketRow = r - 1;
        Row total = sheet.createRow(r);
        cells.text(total, 0, labels.get("total"), TOTAL);
        for (int i = 0; i < services.size(); i++) {
            cells.count(total, i + 1, totals[i], TOTAL);
        }

        XSSFChart chart = Template.chart(template, sheet);
        chart.setTitleText(labels.get("chart.services"));
        ChartSeries.repoint(
                chart,
                Template.chartData(template, sheet, XDDFLineChartData.class),
                sheet,
                0,
                cells.styles().dateFormat(),
                HEADER_ROW,
                FIRST_BUCKET_ROW,
                lastBucketRow,
                columns);
    }
}
