package kz.bilim.opendata.internal;

import kz.bilim.identity.Iin;
import kz.bilim.identity.InvalidIdentityNumber;
import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Refusal;
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
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A release's file, checked before it is stored (OD-3: published data hold no personal data): UTF-8 CSV (a byte-order
 * mark allowed) with a header row and at least the header; no column named for a person's data (IIN, surname, first
 * name, patronymic, birth date, home address — in English, Kazakh or Russian); no cell holding a valid IIN. A register
 * of organisations may hold BINs, which an IIN check never accepts (a BIN's "day" digits are 40 or more).
 * The same check guards the files this system generates, so a producer that leaked a person would fail its release.
 */
final class DatasetFile {

    /** Largest file accepted (the biggest register, the schools', is about 2 MB). */
    static final int MAX_BYTES = 50 * 1024 * 1024;
    /** Errors reported for one file: enough to fix the file, not a second copy of it. */
    static final int MAX_ERRORS = 20;

    /** Column names that hold a person's data, lower case, spaces and hyphens as underscores. */
    private static final Set<String> PERSONAL_COLUMNS = Set.of(
            "iin", "жсн", "иин", "last_name", "surname", "first_name", "given_name", "patronymic", "middle_name",
            "full_name", "birth_date", "date_of_birth", "residence_address", "home_address", "registered_address",
            "фамилия", "имя", "отчество", "фио", "дата_рождения", "адрес_проживания", "тегі", "аты", "әкесінің_аты",
            "аты_жөні", "туған_күні", "тұрғылықты_мекенжайы");
    private static final Pattern TWELVE_DIGITS = Pattern.compile("(?<!\\d)\\d{12}(?!\\d)");

    /** A file that passed: its header and its number of data rows. */
    record Checked(List<String> header, int rows, byte[] content) {
    }

    private DatasetFile() {
    }

    static Outcome<Checked> check(byte[] content) {
        if (content == null || content.length == 0) return Refusal.invalid("file", "opendata.file.empty").outcome();
        if (content.length > MAX_BYTES)
            return Refusal.invalid("file", "opendata.file.too-large", MAX_BYTES / (1024 * 1024)).outcome();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return Refusal.invalid("file", "opendata.file.not-utf8").outcome();
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        if (text.isBlank()) return Refusal.invalid("file", "opendata.file.empty").outcome();
        var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get();
        var errors = new ArrayList<FieldError>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            var header = parser.getHeaderNames();
            for (String column : header)
                if (PERSONAL_COLUMNS.contains(normalised(column)))
                    errors.add(new FieldError(column, "opendata.file.personal-column", column));
            int rows = 0;
            for (CSVRecord record : parser) {
                rows++;
                for (int i = 0; i < record.size() && errors.size() < MAX_ERRORS; i++)
                    if (holdsIin(record.get(i)))
                        errors.add(new FieldError(i < header.size() ? header.get(i) : "column " + (i + 1),
                                "opendata.file.personal-number", record.getRecordNumber() + 1));
            }
            if (!errors.isEmpty()) return Refusal.invalid(errors).outcome();
            return Outcome.done(new Checked(List.copyOf(header), rows, content));
        } catch (UncheckedIOException | IOException | IllegalArgumentException | IllegalStateException e) {
            return Refusal.invalid("file", "opendata.file.unreadable").outcome();
        }
    }

    private static String normalised(String column) {
        return column.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }

    private static boolean holdsIin(String cell) {
        if (cell.length() < 12) return false;
        var digits = TWELVE_DIGITS.matcher(cell);
        while (digits.find()) {
            try {
                Iin.parse(digits.group());
                return true;
            } catch (InvalidIdentityNumber notAnIin) {
                // a BIN, a phone number, a count: not a person
            }
        }
        return false;
    }
}
