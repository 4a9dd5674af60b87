package kz.bilim.child.internal;

import kz.bilim.child.ChildSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A source's file as issue 9 names it (docs/child.md), read as a stream by Apache Commons CSV: UTF-8 (a byte-order
 * mark allowed; anything else fails the whole import), CRLF or LF, RFC 4180 quoting, a header row naming exactly the
 * columns of the source in any order and case — {@link #COLUMNS}, and for EMIS sources also {@link #EMIS_COLUMNS}.
 * A header of another source's shape (an EMIS file given as JUSTICE, or the other way round) is refused before
 * anything is written. Rows are numbered as a spreadsheet shows them: the header is row 1.
 */
final class ChildFile implements Closeable, Iterable<ChildFile.Raw> {

    static final List<String> COLUMNS = List.of("iin", "last_name", "first_name", "patronymic", "birth_date", "sex",
            "citizenship", "residence_kato");
    static final List<String> EMIS_COLUMNS = List.of("organisation_bin", "grade");

    /** A data row: its number and its fields in the order of {@link #columns}. */
    record Raw(int number, String[] fields) {
    }

    /** The file as a whole cannot be read; {@code reasonKey} says why, {@code args} carry no personal data. */
    static final class Unreadable extends RuntimeException {

        private final String reasonKey;
        private final transient List<Object> args;

        Unreadable(String reasonKey, Object... args) {
            super(reasonKey, null, false, false);
            this.reasonKey = reasonKey;
            this.args = List.of(args);
        }

        String reasonKey() {
            return reasonKey;
        }

        List<Object> args() {
            return args;
        }
    }

    private final CSVParser parser;
    private final List<String> columns;
    private final int[] index;

    private ChildFile(CSVParser parser, List<String> columns, int[] index) {
        this.parser = parser;
        this.columns = columns;
        this.index = index;
    }

    /** The columns of a source's file. */
    static List<String> columns(ChildSource source) {
        return source.emis() ? Stream.concat(COLUMNS.stream(), EMIS_COLUMNS.stream()).toList() : COLUMNS;
    }

    /** Opens the file and checks its header against the source's shape. */
    static ChildFile open(Path file, ChildSource source) {
        try {
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            var reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16);
            reader.mark(1);
            int first = reader.read();
            if (first == -1) {
                reader.close();
                throw new Unreadable("child.import.file.empty");
            }
            if (first != '\uFEFF') reader.reset();
            var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true)
                    .setTrim(true).setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get();
            CSVParser parser;
            try {
                parser = CSVParser.builder().setReader(reader).setFormat(format).get();
            } catch (IllegalArgumentException | UncheckedIOException e) {
                reader.close();
                throw new Unreadable(e.getCause() instanceof CharacterCodingException
                        ? "child.import.file.not-utf8" : "child.import.file.unreadable");
            }
            var header = new TreeMap<String, Integer>(String.CASE_INSENSITIVE_ORDER);
            parser.getHeaderMap().forEach((name, i) -> header.put(name.trim(), i));
            List<String> wanted = columns(source);
            var missing = wanted.stream().filter(c -> !header.containsKey(c)).toList();
            var extra = header.keySet().stream().filter(h -> !h.isEmpty()
                    && wanted.stream().noneMatch(c -> c.equalsIgnoreCase(h))).toList();
            if (!missing.isEmpty() || !extra.isEmpty()) {
                parser.close();
                boolean otherShape = source.emis() ? missing.stream().anyMatch(EMIS_COLUMNS::contains)
                        : extra.stream().anyMatch(h -> EMIS_COLUMNS.contains(h.toLowerCase(Locale.ROOT)));
                if (otherShape) throw new Unreadable("child.import.file.other-source", source.name());
                if (!missing.isEmpty()) throw new Unreadable("child.import.file.missing-columns", String.join(", ", missing));
                throw new Unreadable("child.import.file.unknown-columns", String.join(", ", extra));
            }
            int[] index = wanted.stream().mapToInt(header::get).toArray();
            return new ChildFile(parser, wanted, index);
        } catch (CharacterCodingException e) {
            throw new Unreadable("child.import.file.not-utf8");
        } catch (IOException e) {
            throw new Unreadable("child.import.file.unreadable");
        }
    }

    List<String> columns() {
        return columns;
    }

    /**
     * The data rows; blank lines are skipped. Reading on may throw {@link Unreadable} (not UTF-8 further on, a quote
     * never closed), which fails the whole import.
     */
    @Override
    public Iterator<Raw> iterator() {
        Iterator<CSVRecord> records = parser.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return records.hasNext();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw unreadable(e);
                }
            }

            @Override
            public Raw next() {
                if (!hasNext()) throw new NoSuchElementException();
                CSVRecord record;
                try {
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw unreadable(e);
                }
                String[] fields = new String[index.length];
                for (int i = 0; i < index.length; i++)
                    fields[i] = index[i] < record.size() ? record.get(index[i]) : "";
                return new Raw((int) record.getRecordNumber() + 1, fields);
            }
        };
    }

    private static Unreadable unreadable(RuntimeException e) {
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof CharacterCodingException)) cause = cause.getCause();
        return new Unreadable(cause != null ? "child.import.file.not-utf8" : "child.import.file.unreadable");
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** All rows, for tests and small files. */
    List<Raw> readAll() {
        var rows = new ArrayList<Raw>();
        for (Raw raw : this) rows.add(raw);
        return rows;
    }
}
