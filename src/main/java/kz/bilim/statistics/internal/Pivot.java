package kz.bilim.statistics.internal;

import kz.bilim.statistics.Dim;
import kz.bilim.statistics.IndicatorTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * One indicator read as a cross table: the values of the row dim down, of the column dim across (either may be
 * absent), the cells, the row and column totals and the grand total. Built from the rows the reading answered, in
 * their order; labels are the values' names in the reader's language.
 */
public record Pivot(IndicatorTable table, Dim rowDim, Dim columnDim, List<String> rows, List<String> columns,
             Map<String, Map<String, Long>> cells, Map<String, String> rowLabels, Map<String, String> columnLabels,
             String rowHeader, boolean crossed) {

    static final String ALL = "";

    static Pivot of(IndicatorTable table, Dim rowDim, Dim columnDim, ValueLabels labels, java.util.Locale locale) {
        var rows = new LinkedHashSet<String>();
        var columns = new LinkedHashSet<String>();
        var cells = new LinkedHashMap<String, Map<String, Long>>();
        for (var row : table.rows()) {
            String r = rowDim == null ? ALL : row.key().get(rowDim.apiName());
            String c = columnDim == null ? ALL : row.key().get(columnDim.apiName());
            rows.add(r);
            columns.add(c);
            cells.computeIfAbsent(r, k -> new LinkedHashMap<>()).merge(c, row.value(), Long::sum);
        }
        var sortedColumns = new ArrayList<>(columns);
        if (columnDim != null) sortedColumns.sort(IndicatorReading::numericFirstValues);
        return new Pivot(table, rowDim, columnDim, List.copyOf(rows), List.copyOf(sortedColumns), cells,
                labels.of(rowDim, rows, locale), labels.of(columnDim, sortedColumns, locale),
                rowDim == null ? "" : labels.dimName(rowDim, locale), columnDim != null);
    }

    /** No. 45: the snapshots across are years, not parts of a whole: no totals. */
    public boolean comparative() {
        return crossed && columnDim == null;
    }

    public long cell(String row, String column) {
        return cells.getOrDefault(row, Map.of()).getOrDefault(column, 0L);
    }

    public long rowTotal(String row) {
        return cells.getOrDefault(row, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }

    public long columnTotal(String column) {
        return rows.stream().mapToLong(r -> cell(r, column)).sum();
    }

    public long total() {
        return rows.stream().mapToLong(this::rowTotal).sum();
    }

    public String rowLabel(String row) {
        return rowLabels.getOrDefault(row, row);
    }

    public String columnLabel(String column) {
        return columnLabels.getOrDefault(column, column);
    }
}
