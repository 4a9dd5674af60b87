package kz.bilim.statistics.internal;

import kz.bilim.statistics.IndicatorTable;
import org.springframework.context.MessageSource;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** No. 45 as a cross table: the key indicators down (number and name), the 5-October snapshots across. */
final class Comparative {

    private Comparative() {
    }

    record View(Pivot pivot) {
    }

    static View of(IndicatorTable table, MessageSource messages, Locale locale) {
        var rows = new LinkedHashSet<String>();
        var columns = new LinkedHashSet<String>();
        var cells = new LinkedHashMap<String, Map<String, Long>>();
        for (var row : table.rows()) {
            String r = row.key().get("indicator");
            String c = row.key().get("snapshot");
            rows.add(r);
            columns.add(c);
            cells.computeIfAbsent(r, k -> new LinkedHashMap<>()).put(c, row.value());
        }
        var rowLabels = new LinkedHashMap<String, String>();
        for (String r : rows)
            rowLabels.put(r, r + ". " + messages.getMessage("statistics.indicator." + r, null, r, locale));
        var columnLabels = new LinkedHashMap<String, String>();
        for (String c : columns) columnLabels.put(c, c);
        return new View(new Pivot(table, null, null, List.copyOf(rows), List.copyOf(columns), cells, rowLabels,
                columnLabels, messages.getMessage("statistics.pivot.indicator", null, "", locale), true));
    }
}
