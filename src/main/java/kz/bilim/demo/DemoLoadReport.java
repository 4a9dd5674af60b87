package kz.bilim.demo;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a demo load did: rows per table, total rows, wall-clock seconds (whole load and the COPY part), rows per
 * second over the whole load, and the peak heap of the JVM during it.
 */
public record DemoLoadReport(DemoScale scale, long seed, boolean bulk, Map<String, Long> rowsByTable, long totalRows,
                             double seconds, double copySeconds, double indexSeconds, long peakHeapBytes) {

    public DemoLoadReport {
        rowsByTable = new LinkedHashMap<>(rowsByTable);
    }

    public double rowsPerSecond() {
        return totalRows / Math.max(seconds, 1e-9);
    }

    public double copyRowsPerSecond() {
        return totalRows / Math.max(copySeconds, 1e-9);
    }

    /** A few lines for the console. */
    public String summary() {
        var sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Demo data %s (seed %d, %s load)%n", scale.name().toLowerCase(Locale.ROOT),
                seed, bulk ? "bulk" : "transactional"));
        rowsByTable.forEach((table, rows) -> sb.append(String.format(Locale.ROOT, "  %-14s %,12d rows%n", table, rows)));
        sb.append(String.format(Locale.ROOT, "  %-14s %,12d rows%n", "total", totalRows));
        sb.append(String.format(Locale.ROOT,
                "  %.1f s in all (copy %.1f s, keys and indexes %.1f s): %,.0f rows/s overall, %,.0f rows/s while copying%n",
                seconds, copySeconds, indexSeconds, rowsPerSecond(), copyRowsPerSecond()));
        sb.append(String.format(Locale.ROOT, "  peak heap %,d MB of %,d MB%n", peakHeapBytes >> 20,
                Runtime.getRuntime().maxMemory() >> 20));
        return sb.toString();
    }
}
