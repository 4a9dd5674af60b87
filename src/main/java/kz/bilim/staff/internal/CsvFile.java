package kz.bilim.staff.internal;

import kz.bilim.staff.ImportReport.RowRejection;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An import file as docs/staff.md describes it, read by Apache Commons CSV: UTF-8 (a byte-order mark allowed), a header
 * row naming the columns in any order and case, fields separated by commas or semicolons (whichever the header uses
 * more of), RFC 4180 quoting; blank lines skipped, fields trimmed. Rows are numbered as a spreadsheet shows them: the
 * header is row 1.
 */
final class CsvFile {

    /** A data row: its number and its fields by column name (missing ones as ''). */
    record Row(int number, Map<String, String> fields) {

        String get(String column) {
            return fields.getOrDefault(column, "");
        }
    }

    /** The file as a whole cannot be read: not UTF-8, no header, a required column missing, a quote never closed. */
    static final class Unreadable extends Exception {

        private final transient RowRejection rejection;

        Unreadable(String reasonKey, Object... args) {
            super(reasonKey, null, false, false);
            this.rejection = new RowRejection(1, "file", reasonKey, List.of(args));
        }

        RowRejection rejection() {
            return rejection;
        }
    }

    private CsvFile() {
    }

    static List<Row> read(byte[] content, List<String> required) throws Unreadable {
        return read(content, required, List.of());
    }

    /** As {@link #read(byte[], List)}, with columns that the header may leave out (read as ''). */
    static List<Row> read(byte[] content, List<String> required, List<String> optional) throws Unreadable {
        String text = decode(content);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        if (text.isBlank()) throw new Unreadable("staff.import.file.empty");
        var format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiterOf(text))
                .setHeader().setSkipHeaderRecord(true)
                .setIgnoreHeaderCase(true)
                .setTrim(true)
                .setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true)
                .get();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            var columns = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
            parser.getHeaderNames().forEach(h -> columns.put(h.trim(), h));
            var missing = required.stream().filter(c -> !columns.containsKey(c)).toList();
            if (!missing.isEmpty()) throw new Unreadable("staff.import.file.missing-columns", String.join(", ", missing));
            var rows = new ArrayList<Row>();
            var wanted = java.util.stream.Stream.concat(required.stream(), optional.stream()).toList();
            // the record's index of each wanted column (-1: not in the header)
            int[] index = wanted.stream().mapToInt(c -> columns.containsKey(c)
                    ? parser.getHeaderMap().get(columns.get(c)) : -1).toArray();
            for (CSVRecord record : parser) {
                var fields = new java.util.HashMap<String, String>(wanted.size() * 2);
                for (int i = 0; i < index.length; i++)
                    fields.put(wanted.get(i).toLowerCase(Locale.ROOT),
                            index[i] >= 0 && index[i] < record.size() ? record.get(index[i]) : "");
                if (fields.values().stream().allMatch(String::isBlank)) continue;
                // the header is record 1 and row 1; a quoted field over several lines still counts as one row
                rows.add(new Row((int) record.getRecordNumber() + 1, fields));
            }
            return rows;
        } catch (UncheckedIOException | IOException | IllegalArgumentException | IllegalStateException e) {
            throw new Unreadable("staff.import.file.unreadable");
        }
    }

    private static String decode(byte[] content) throws Unreadable {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new Unreadable("staff.import.file.not-utf8");
        }
    }

    /** Semicolon when the header line has more semicolons than commas, else comma. */
    private static char delimiterOf(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        long commas = header.chars().filter(c -> c == ',').count();
        long semicolons = header.chars().filter(c -> c == ';').count();
        return semicolons > commas ? ';' : ',';
    }
}
