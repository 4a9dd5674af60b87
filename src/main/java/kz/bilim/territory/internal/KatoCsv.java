package kz.bilim.territory.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as docs/kato-import.md describes it: UTF-8 (a byte-order mark is allowed), a header row, fields separated
 * by commas or semicolons — whichever the header uses more of — and quoted fields ({@code "a, b"}, {@code "say ""x"""})
 * that may span lines. Rows are numbered as a spreadsheet shows them: the header is row 1. Blank rows are skipped.
 */
final class KatoCsv {

    /** A record of the file: its row number and its fields as written (not trimmed). */
    record Row(int number, List<String> fields) {

        String field(int index) {
            return index >= 0 && index < fields.size() ? fields.get(index) : "";
        }
    }

    record Table(char delimiter, Row header, List<Row> rows) {
    }

    /** The file as a whole cannot be read: not UTF-8, empty, or a quote never closed. */
    static final class Unreadable extends Exception {

        private final transient RowError error;

        Unreadable(RowError error) {
            super(error.reasonKey(), null, false, false);
            this.error = error;
        }

        RowError error() {
            return error;
        }
    }

    private KatoCsv() {
    }

    static Table read(byte[] content) throws Unreadable {
        String text = decode(content);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        char delimiter = delimiterOf(text);
        List<Row> rows = parse(text, delimiter);
        if (rows.isEmpty()) throw new Unreadable(new RowError(1, "file", "territory.import.file.empty"));
        return new Table(delimiter, rows.get(0), List.copyOf(rows.subList(1, rows.size())));
    }

    private static String decode(byte[] content) throws Unreadable {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new Unreadable(new RowError(1, "file", "territory.import.file.not-utf8"));
        }
    }

    /** Semicolon when the header line has more semicolons than commas outside quotes, else comma. */
    static char delimiterOf(String text) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (!quoted && (c == '\n' || c == '\r')) break;
            else if (!quoted && c == ',') commas++;
            else if (!quoted && c == ';') semicolons++;
        }
        return semicolons > commas ? ';' : ',';
    }

    private static List<Row> parse(String text, char delimiter) throws Unreadable {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int row = 1;
        int rowStart = 1;
        boolean quoted = false;
        boolean fieldStart = true;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && fieldStart) {
                quoted = true;
                fieldStart = false;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                fieldStart = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                fields.add(field.toString());
                addUnlessBlank(rows, rowStart, fields);
                fields = new ArrayList<>();
                field.setLength(0);
                fieldStart = true;
                rowStart = ++row;
            } else {
                field.append(c);
                fieldStart = false;
            }
            i++;
        }
        if (quoted) throw new Unreadable(new RowError(rowStart, "file", "territory.import.file.open-quote"));
        if (!fieldStart || !fields.isEmpty() || field.length() > 0) {
            fields.add(field.toString());
            addUnlessBlank(rows, rowStart, fields);
        }
        return rows;
    }

    private static void addUnlessBlank(List<Row> rows, int number, List<String> fields) {
        boolean blank = fields.stream().allMatch(String::isBlank);
        if (!blank) rows.add(new Row(number, List.copyOf(fields)));
    }
}
