package kz.bilim.identity;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IinTest {

    @ParameterizedTest(name = "{0} → born {1}, {2}")
    @CsvSource({
            "900101300015, 1990-01-01, MALE",
            "050315600016, 2005-03-15, FEMALE",
            "850730400015, 1985-07-30, FEMALE",
            "000229500010, 2000-02-29, MALE",
    })
    @DisplayName("IIN: digits 1–6 are the birth date, digit 7 the century and sex")
    void readsBirthDateAndSex(String number, LocalDate birthDate, Sex sex) {
        var iin = Iin.parse(compose(number));
        assertThat(iin.birthDate()).isEqualTo(birthDate);
        assertThat(iin.sex()).isEqualTo(sex);
    }

    @Test
    @DisplayName("IIN check digit: weights 1..11 mod 11, a known real-format number passes and one changed digit fails")
    void checkDigitFirstPass() {
        // 1+2*... computed by hand: 9 0 0 1 0 1 3 0 0 0 1 with weights 1..11 → 9+0+0+4+0+6+21+0+0+0+11 = 51 → 51 mod 11 = 7
        assertThat(CheckDigit.of("90010130001")).isEqualTo(7);
        assertThat(new Iin("900101300017").birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
        assertThatThrownBy(() -> new Iin("900101300018"))
                .isInstanceOfSatisfying(InvalidIdentityNumber.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidIdentityNumber.Reason.BAD_CHECK_DIGIT));
    }

    @Test
    @DisplayName("IIN check digit: when the first sum gives 10, the second weights 3..11,1,2 decide")
    void checkDigitSecondPass() {
        // find eleven digits whose first pass is 10 and verify the documented second pass by hand
        String first11 = "00000000001"; // weights 1..11: 1*11 = 11 → 0; try others until the first pass is 10
        for (int serial = 0; serial < 10000; serial++) {
            String candidate = String.format("9001013%04d", serial);
            int s1 = 0;
            for (int i = 0; i < 11; i++) s1 += (candidate.charAt(i) - '0') * (i + 1);
            if (s1 % 11 == 10) {
                first11 = candidate;
                break;
            }
        }
        int[] second = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};
        int s2 = 0;
        for (int i = 0; i < 11; i++) s2 += (first11.charAt(i) - '0') * second[i];
        assertThat(CheckDigit.of(first11)).isEqualTo(s2 % 11 == 10 ? -1 : s2 % 11);
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource({
            "12345, LENGTH",
            "9001013000170, LENGTH",
            "90010130001A, NON_DIGIT",
            "901301300015, IMPOSSIBLE_DATE",
            "010229500015, IMPOSSIBLE_DATE",
            "900101700015, BAD_CENTURY_DIGIT",
            "900101000015, BAD_CENTURY_DIGIT",
    })
    @DisplayName("IIN rules refuse wrong length, letters, impossible dates and century digits outside 1–6")
    void refuses(String number, InvalidIdentityNumber.Reason reason) {
        assertThatThrownBy(() -> Iin.parse(number))
                .isInstanceOfSatisfying(InvalidIdentityNumber.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    @DisplayName("IIN composed for synthetic data is valid and reads back its birth date and sex")
    void composeRoundTrips() {
        int made = 0;
        for (int serial = 0; serial < 200; serial++) {
            var iin = Iin.compose(LocalDate.of(2012, 9, 1), Sex.FEMALE, serial);
            if (iin == null) continue;
            made++;
            assertThat(Iin.parse(iin.value()).birthDate()).isEqualTo(LocalDate.of(2012, 9, 1));
            assertThat(iin.sex()).isEqualTo(Sex.FEMALE);
        }
        assertThat(made).isBetween(150, 200);
    }

    /** Replaces the last digit of the sample with the computed check digit, so the table lists readable numbers. */
    private static String compose(String sample) {
        int check = CheckDigit.of(sample.substring(0, 11));
        for (int serial = 1; check < 0; serial++) {
            sample = sample.substring(0, 7) + String.format("%04d", serial) + "0";
            check = CheckDigit.of(sample.substring(0, 11));
        }
        return sample.substring(0, 11) + check;
    }
}
