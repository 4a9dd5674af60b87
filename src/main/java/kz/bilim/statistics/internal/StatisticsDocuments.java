package kz.bilim.statistics.internal;

import kz.bilim.document.PdfDocuments;
import kz.bilim.statistics.Dim;
import kz.bilim.statistics.IndicatorTable;
import kz.bilim.territory.Territories;
import kz.bilim.territory.Territory;
import kz.bilim.platform.web.Formats;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The statistics as documents: the pivot shown on the page as XLSX (what is shown, nothing more), and the SC-4 yearly
 * summary as of 5 October — every live indicator by the regions and the cities of republican significance (Astana,
 * Almaty, Shymkent), with the republic's total — as XLSX and as PDF (DejaVu Sans embedded) for the state document
 * system. Aggregates only.
 */
@Service
class StatisticsDocuments {

    /** The summary: the live indicators (number, name) and per region (and the republic, key "") their value. */
    public record Summary(IndicatorTable snapshotOf, List<Territory> regions, List<Integer> indicators, Map<Integer, String> names,
                   Map<Integer, Map<String, Long>> values) {

        public long value(int indicator, String region) {
            return values.getOrDefault(indicator, Map.of()).getOrDefault(region, 0L);
        }

        /** The indicators in chunks of {@code size}, one table of the PDF each. */
        public List<List<Integer>> chunks(int size) {
            var out = new ArrayList<List<Integer>>();
            for (int i = 0; i < indicators.size(); i += size)
                out.add(indicators.subList(i, Math.min(indicators.size(), i + size)));
            return out;
        }
    }

    private final MessageSource messages;
    private final Territories territories;
    private final PdfDocuments pdf;

    StatisticsDocuments(MessageSource messages, Territories territories, PdfDocuments pdf) {
        this.messages = messages;
        this.territories = territories;
        this.pdf = pdf;
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    byte[] pivotXlsx(Pivot pivot, String title, String snapshot, List<String> filters, Locale locale) {
        try (var workbook = new SXSSFWorkbook(200); var out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("pivot");
            CellStyle bold = bold(workbook);
            int r = 0;
            title(sheet, r++, title, bold);
            sheet.createRow(r++).createCell(0).setCellValue(text("statistics.pivot.snapshot", locale) + ": " + snapshot);
            if (!filters.isEmpty())
                sheet.createRow(r++).createCell(0).setCellValue(text("statistics.pivot.filter", locale) + ": "
                        + String.join(", ", filters));
            r++;
            Row head = sheet.createRow(r++);
            head.createCell(0).setCellValue(pivot.rowHeader());
            int c = 1;
            if (pivot.crossed())
                for (String column : pivot.columns()) head.createCell(c++).setCellValue(pivot.columnLabel(column));
            if (!pivot.comparative()) head.createCell(c).setCellValue(text("statistics.pivot.total", locale));
            head.forEach(cell -> cell.setCellStyle(bold));
            for (String row : pivot.rows()) {
                Row line = sheet.createRow(r++);
                line.createCell(0).setCellValue(pivot.rowLabel(row));
                c = 1;
                if (pivot.crossed())
                    for (String column : pivot.columns()) line.createCell(c++).setCellValue(pivot.cell(row, column));
                if (!pivot.comparative()) line.createCell(c).setCellValue(pivot.rowTotal(row));
            }
            if (pivot.comparative()) {
                sheet.setColumnWidth(0, 60 * 256);
                workbook.write(out);
                workbook.dispose();
                return out.toByteArray();
            }
            Row total = sheet.createRow(r);
            total.createCell(0).setCellValue(text("statistics.pivot.total", locale));
            c = 1;
            if (pivot.crossed())
                for (String column : pivot.columns()) total.createCell(c++).setCellValue(pivot.columnTotal(column));
            total.createCell(c).setCellValue(pivot.total());
            total.forEach(cell -> cell.setCellStyle(bold));
            sheet.setColumnWidth(0, 40 * 256);
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SC-4: the live indicators of a snapshot by region (and the republic's total), from one set-based reading. */
    Summary summary(Map<Integer, Map<Dim, IndicatorTable>> all, Locale locale) {
        var regions = territories.regions();
        var indicators = new ArrayList<Integer>();
        var names = new LinkedHashMap<Integer, String>();
        var values = new LinkedHashMap<Integer, Map<String, Long>>();
        IndicatorTable any = null;
        for (var e : all.entrySet()) {
            var byRegion = e.getValue().get(Dim.REGION);
            if (byRegion == null) continue;
            any = byRegion;
            indicators.add(e.getKey());
            names.put(e.getKey(), text("statistics.indicator." + e.getKey(), locale));
            var v = new LinkedHashMap<String, Long>();
            for (var row : byRegion.rows()) v.merge(row.key().get(Dim.REGION.apiName()), row.value(), Long::sum);
            v.put("", e.getValue().get(null).total());
            values.put(e.getKey(), v);
        }
        return new Summary(any, regions, indicators, names, values);
    }

    byte[] summaryXlsx(Summary summary, String snapshot, Locale locale) {
        try (var workbook = new SXSSFWorkbook(200); var out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("SC-4");
            CellStyle bold = bold(workbook);
            title(sheet, 0, text("statistics.summary.title", locale, asOf(snapshot, locale)), bold);
            Row head = sheet.createRow(2);
            head.createCell(0).setCellValue(text("statistics.dim.region", locale));
            int c = 1;
            for (int n : summary.indicators()) head.createCell(c++).setCellValue(n + ". " + summary.names().get(n));
            head.forEach(cell -> cell.setCellStyle(bold));
            int r = 3;
            Row republic = sheet.createRow(r++);
            republic.createCell(0).setCellValue(text("statistics.summary.republic", locale));
            c = 1;
            for (int n : summary.indicators()) republic.createCell(c++).setCellValue(summary.value(n, ""));
            republic.forEach(cell -> cell.setCellStyle(bold));
            for (var region : summary.regions()) {
                Row line = sheet.createRow(r++);
                line.createCell(0).setCellValue(region.name(locale));
                c = 1;
                for (int n : summary.indicators()) line.createCell(c++).setCellValue(summary.value(n, region.kato()));
            }
            sheet.setColumnWidth(0, 36 * 256);
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] summaryPdf(Summary summary, String snapshot, Locale locale) {
        return pdf.render("statistics/summary-pdf", Map.of("summary", summary, "snapshot", asOf(snapshot, locale),
                "lang", locale.getLanguage()), locale);
    }

    /** The day of the snapshot as the reader writes dates, or the words for the live state (never the code "live"). */
    private String asOf(String snapshot, Locale locale) {
        if (snapshot == null || "live".equals(snapshot)) return text("statistics.summary.live", locale);
        return new Formats(locale).date(java.time.LocalDate.parse(snapshot));
    }

    private static CellStyle bold(SXSSFWorkbook workbook) {
        CellStyle style = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        style.setFont(font);
        return style;
    }

    private static void title(Sheet sheet, int row, String title, CellStyle bold) {
        var cell = sheet.createRow(row).createCell(0);
        cell.setCellValue(title);
        cell.setCellStyle(bold);
    }
}
