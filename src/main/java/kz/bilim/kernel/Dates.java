package kz.bilim.kernel;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Dates as forms and the API write them: {@code yyyy-MM-dd} with a four-digit year from 1900. ISO 8601 also allows
 * {@code +999999999-12-31}, which no record of this system can hold and which overflows date arithmetic and the
 * database's range; such text is not a date here.
 */
public final class Dates {

    public static final int FIRST_YEAR = 1900;
    private static final Pattern FORM = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private Dates() {
    }

    /** The date the text names; {@link DateTimeParseException} when it is not {@code yyyy-MM-dd} from 1900 on. */
    public static LocalDate parse(String text) {
        String value = text.strip();
        if (!FORM.matcher(value).matches()) throw new DateTimeParseException("not yyyy-MM-dd", value, 0);
        LocalDate date = LocalDate.parse(value);
        if (date.getYear() < FIRST_YEAR) throw new DateTimeParseException("before " + FIRST_YEAR, value, 0);
        return date;
    }
}
