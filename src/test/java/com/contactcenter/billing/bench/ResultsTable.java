package com.contactcenter.billing.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A benchmark results file's table, read back. */
final class ResultsTable {

    private ResultsTable() {}

    /** The table's rows by their first cell, each with its other cells; the header row is left out. */
    static Map<String, List<String>> rows(String results) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        List<String> lines = results.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean header = i + 1 < lines.size() && lines.get(i + 1).startsWith("|---");
            if (line.startsWith("| ") && !header) {
                List<String> cells =
                        List.of(line.substring(2, line.length() - 2).split(" \\| ", -1));
                rows.put(cells.get(0), cells.subList(1, cells.size()));
            }
        }
        return rows;
    }
}
