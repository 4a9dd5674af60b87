package kz.bilim.collection.internal;

import kz.bilim.collection.Completeness;
import kz.bilim.collection.Form;
import kz.bilim.collection.Period;
import kz.bilim.collection.Submission;
import kz.bilim.document.PdfDocuments;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The collection's documents: the printable form (EIS-4, Kazakh or Russian) and the final report of a period
 * (EIS-10, EIS-11) as PDF and XLSX — the national sums of the accepted values by field and row, completeness and
 * timeliness per region (late ones first), and the state of the national consolidation.
 */
@Component
class CollectionDocuments {

    record Report(Form form, Period period, Map<String, BigDecimal> sums, List<Completeness> regions,
                  Submission national, Instant generatedAt) {
    }

    private final PdfDocuments pdf;
    private final MessageSource messages;

    CollectionDocuments(PdfDocuments pdf, MessageSource messages) {
        this.pdf = pdf;
        this.messages = messages;
    }

    byte[] formPdf(Form form, List<Period> periods, Locale locale) {
        return pdf.render("collection/form-print", Map.of("form", form, "periods", periods, "lang", locale.getLanguage()),
                locale);
    }

    byte[] reportPdf(Report report, Locale locale) {
        return pdf.render("collection/final-report", Map.of("report", report, "lang", locale.getLanguage()), locale);
    }

    byte[] reportXlsx(Report report, Locale locale) {
        try (var workbook = new SXSSFWorkbook(200)) {
            Sheet data = workbook.createSheet(text("collection.report.sheet.data", locale));
            header(data.createRow(0), text("collection.report.field", locale), text("collection.report.row", locale),
                    text("collection.report.label", locale), text("collection.report.total", locale));
            int r = 1;
            for (var field : report.form().definition().fields().toList()) {
                if (!field.numeric()) continue;
                if (field.rows().isEmpty()) {
                    r = dataRow(data, r, field.code(), "", field.label().in(locale), report.sums().get(field.code()));
                } else {
                    for (var row : field.rows())
                        r = dataRow(data, r, field.code(), row.code(),
                                field.label().in(locale) + " — " + row.label().in(locale),
                                report.sums().get(field.code() + "." + row.code()));
                }
            }
            Sheet completeness = workbook.createSheet(text("collection.report.sheet.completeness", locale));
            header(completeness.createRow(0), text("collection.report.territory", locale),
                    text("collection.report.expected", locale), text("collection.report.submitted", locale),
                    text("collection.report.accepted", locale), text("collection.report.late", locale),
                    text("collection.report.returned", locale), text("collection.report.distorted", locale),
                    text("collection.report.completeness", locale), text("collection.report.timeliness", locale));
            int c = 1;
            for (var region : report.regions()) {
                Row row = completeness.createRow(c++);
                row.createCell(0).setCellValue(region.name() == null ? region.kato() : region.name().in(locale));
                long[] numbers = {region.expected(), region.submitted(), region.accepted(), region.late(),
                        region.returned(), region.distorted()};
                for (int i = 0; i < numbers.length; i++) row.createCell(i + 1).setCellValue(numbers[i]);
                row.createCell(7).setCellValue(region.completenessPercent());
                row.createCell(8).setCellValue(region.timelinessPercent());
            }
            var out = new ByteArrayOutputStream();
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int dataRow(Sheet sheet, int index, String field, String rowCode, String label, BigDecimal total) {
        Row row = sheet.createRow(index);
        row.createCell(0).setCellValue(field);
        row.createCell(1).setCellValue(rowCode);
        row.createCell(2).setCellValue(label);
        row.createCell(3).setCellValue(total == null ? 0 : total.doubleValue());
        return index + 1;
    }

    private static void header(Row row, String... titles) {
        for (int i = 0; i < titles.length; i++) row.createCell(i).setCellValue(titles[i]);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
