package kz.bilim.statistics.internal;

import org.springframework.web.util.HtmlUtils;

import java.util.List;

/**
 * The chart beside a pivot table, drawn on the server as SVG (no script, no CDN): one horizontal bar per row, split
 * by the columns' values in colours named in a legend. Every text is escaped.
 */
final class PivotChart {

    static final List<String> COLOURS = List.of("#1f6f8b", "#e0a106", "#6a9f3a", "#b5485d", "#7b5ea7", "#3f8f84",
            "#c76b29", "#5a6b7b", "#9c9c2e", "#2f4f9f");
    private static final int LABEL = 190;
    private static final int BAR = 330;
    private static final int NUMBER = 70;
    private static final int ROW = 24;
    private static final int MAX_ROWS = 40;

    private PivotChart() {
    }

    static String svg(Pivot pivot, String title) {
        var rows = pivot.rows().size() > MAX_ROWS ? pivot.rows().subList(0, MAX_ROWS) : pivot.rows();
        long max = Math.max(1, rows.stream().mapToLong(pivot::rowTotal).max().orElse(1));
        boolean legend = pivot.crossed();
        int legendRows = legend ? (pivot.columns().size() + 2) / 3 : 0;
        int width = LABEL + BAR + NUMBER;
        int height = 8 + rows.size() * ROW + (legend ? 10 + legendRows * 18 : 0) + 8;
        var out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"pivot-chart\" role=\"img\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" aria-label=\"").append(esc(title)).append("\">");
        out.append("<title>").append(esc(title)).append("</title>");
        int y = 8;
        for (String row : rows) {
            out.append("<text x=\"").append(LABEL - 6).append("\" y=\"").append(y + 15)
                    .append("\" text-anchor=\"end\" font-size=\"12\">").append(esc(shorten(pivot.rowLabel(row))))
                    .append("</text>");
            double x = LABEL;
            int colour = 0;
            for (String column : pivot.columns()) {
                long value = pivot.cell(row, column);
                double w = BAR * (double) value / max;
                if (w > 0)
                    out.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(y + 3).append("\" width=\"")
                            .append(fmt(w)).append("\" height=\"").append(ROW - 8).append("\" fill=\"")
                            .append(COLOURS.get(colour % COLOURS.size())).append("\"><title>")
                            .append(esc(pivot.rowLabel(row) + (legend ? " · " + pivot.columnLabel(column) : "")
                                    + ": " + value)).append("</title></rect>");
                x += w;
                colour++;
            }
            out.append("<text x=\"").append(fmt(x + 4)).append("\" y=\"").append(y + 15).append("\" font-size=\"12\">")
                    .append(pivot.rowTotal(row)).append("</text>");
            y += ROW;
        }
        if (legend) {
            y += 10;
            int i = 0;
            for (String column : pivot.columns()) {
                int lx = 8 + (i % 3) * (width / 3);
                int ly = y + (i / 3) * 18;
                out.append("<rect x=\"").append(lx).append("\" y=\"").append(ly).append("\" width=\"12\" height=\"12\" fill=\"")
                        .append(COLOURS.get(i % COLOURS.size())).append("\"/><text x=\"").append(lx + 16).append("\" y=\"")
                        .append(ly + 11).append("\" font-size=\"12\">").append(esc(shorten(pivot.columnLabel(column))))
                        .append("</text>");
                i++;
            }
        }
        return out.append("</svg>").toString();
    }

    private static String shorten(String s) {
        return s.length() > 30 ? s.substring(0, 29) + "…" : s;
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s == null ? "" : s);
    }
}
