package kz.bilim.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One indicator read for one snapshot: the rows of the breakdown asked for, each the values of its dims (by API name)
 * and the value. {@code snapshot} is the day of the snapshot ("live" for the registries now), {@code version} its
 * version, {@code takenAt} when it was taken (for the live one: the time its figures are as of).
 */
public record IndicatorTable(int indicator, String snapshot, int version, LocalDate asOf, java.time.Instant takenAt,
                             List<Dim> by, List<Row> rows) {

    public IndicatorTable {
        by = List.copyOf(by);
        rows = List.copyOf(rows);
    }

    /** The values of the row's dims by API name (No. 45: {@code indicator} and {@code snapshot}) and the value. */
    public record Row(Map<String, String> key, long value) {
    }

    public long total() {
        return rows.stream().mapToLong(Row::value).sum();
    }
}
