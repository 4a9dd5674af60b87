package kz.bilim.identity;

/**
 * The check digit shared by IIN and BIN: weights 1..11 modulo 11; on 10, weights 3..11,1,2; on 10 again, no valid
 * number exists with these eleven digits.
 */
final class CheckDigit {

    private static final int[] FIRST = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    private static final int[] SECOND = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};

    private CheckDigit() {
    }

    /** The check digit for the first eleven digits, or -1 when none exists. */
    static int of(CharSequence digits) {
        int s = weighted(digits, FIRST);
        if (s == 10) s = weighted(digits, SECOND);
        return s == 10 ? -1 : s;
    }

    private static int weighted(CharSequence digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < 11; i++) sum += (digits.charAt(i) - '0') * weights[i];
        return sum % 11;
    }

    /** Length, digits only and the check digit: what IIN and BIN have in common. */
    static void verify(String number) {
        if (number == null || number.length() != 12) throw new InvalidIdentityNumber(InvalidIdentityNumber.Reason.LENGTH);
        for (int i = 0; i < 12; i++) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') throw new InvalidIdentityNumber(InvalidIdentityNumber.Reason.NON_DIGIT);
        }
    }

    static void verifyCheckDigit(String number) {
        if (of(number) != number.charAt(11) - '0')
            throw new InvalidIdentityNumber(InvalidIdentityNumber.Reason.BAD_CHECK_DIGIT);
    }
}
