package kz.bilim.identity;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Individual identification number (ЖСН / ИИН): {@code YYMMDD} birth date, a century-and-sex digit (1/2 — 1800s,
 * 3/4 — 1900s, 5/6 — 2000s; odd male, even female), four serial digits and the check digit.
 * The compact constructor refuses anything else, so an {@code Iin} in hand is always valid.
 */
public record Iin(String value) {

    public Iin {
        CheckDigit.verify(value);
        int centuryDigit = value.charAt(6) - '0';
        if (centuryDigit < 1 || centuryDigit > 6)
            throw new InvalidIdentityNumber(InvalidIdentityNumber.Reason.BAD_CENTURY_DIGIT);
        birthDate(value); // an impossible date is refused before the check digit: it is the likelier typo to explain
        CheckDigit.verifyCheckDigit(value);
    }

    public static Iin parse(String text) {
        return new Iin(text == null ? null : text.trim());
    }

    public LocalDate birthDate() {
        return birthDate(value);
    }

    public Sex sex() {
        return (value.charAt(6) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    private static LocalDate birthDate(String value) {
        int century = 1800 + ((value.charAt(6) - '0' - 1) / 2) * 100;
        try {
            // digits already checked: arithmetic instead of parsing (an IIN is made millions of times in a bulk load)
            return LocalDate.of(century + twoDigits(value, 0), twoDigits(value, 2), twoDigits(value, 4));
        } catch (DateTimeException e) {
            throw new InvalidIdentityNumber(InvalidIdentityNumber.Reason.IMPOSSIBLE_DATE);
        }
    }

    private static int twoDigits(String value, int at) {
        return (value.charAt(at) - '0') * 10 + value.charAt(at + 1) - '0';
    }

    /**
     * Builds a valid IIN from a birth date, sex and serial — for synthetic data; returns null when the serial admits
     * no check digit (one in eleven), so the caller takes the next serial.
     */
    public static Iin compose(LocalDate birthDate, Sex sex, int serial) {
        int centuryIndex = (birthDate.getYear() - 1800) / 100;
        if (centuryIndex < 0 || centuryIndex > 2) throw new IllegalArgumentException("born outside 1800–2099");
        int digit7 = centuryIndex * 2 + (sex == Sex.MALE ? 1 : 2);
        String first11 = String.format("%02d%02d%02d%d%04d", birthDate.getYear() % 100, birthDate.getMonthValue(),
                birthDate.getDayOfMonth(), digit7, serial % 10000);
        int check = CheckDigit.of(first11);
        return check < 0 ? null : new Iin(first11 + check);
    }

    @Override
    public String toString() {
        return value;
    }
}
