package kz.bilim.identity;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BinTest {

    @Test
    @DisplayName("BIN: YYMM of registration, type digit and attribute digit")
    void readsLayout() {
        var bin = Bin.compose(YearMonth.of(2005, 4), Bin.EntityType.RESIDENT, Bin.Attribute.BRANCH, 1234);
        if (bin == null) bin = Bin.compose(YearMonth.of(2005, 4), Bin.EntityType.RESIDENT, Bin.Attribute.BRANCH, 1235);
        assertThat(bin.value()).startsWith("050441");
        var parsed = Bin.parse(bin.value());
        assertThat(parsed.registered(java.time.Year.of(2026))).isEqualTo(YearMonth.of(2005, 4));
        assertThat(parsed.type()).isEqualTo(Bin.EntityType.RESIDENT);
        assertThat(parsed.attribute()).isEqualTo(Bin.Attribute.BRANCH);
    }

    @Test
    @DisplayName("BIN from 1999 reads as 1999, not 2099")
    void oldRegistration() {
        Bin bin = null;
        for (int serial = 0; bin == null; serial++)
            bin = Bin.compose(YearMonth.of(1999, 12), Bin.EntityType.RESIDENT, Bin.Attribute.HEAD_OFFICE, serial);
        assertThat(bin.registered(java.time.Year.of(2026))).isEqualTo(YearMonth.of(1999, 12));
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource({
            "0504400001, LENGTH",
            "05044000012X, NON_DIGIT",
            "051340000010, IMPOSSIBLE_DATE",
            "050470000010, BAD_TYPE_DIGIT",
            "050440000010, BAD_CHECK_DIGIT",
            "050448000010, BAD_ATTRIBUTE_DIGIT",
    })
    @DisplayName("BIN rules refuse wrong length, letters, month 13, types outside 4–6, attributes above 3, bad check digit")
    void refuses(String number, InvalidIdentityNumber.Reason reason) {
        if (reason == InvalidIdentityNumber.Reason.BAD_CHECK_DIGIT) {
            int good = CheckDigit.of(number.substring(0, 11));
            number = number.substring(0, 11) + ((good + 1) % 10);
        }
        String n = number;
        assertThatThrownBy(() -> Bin.parse(n))
                .isInstanceOfSatisfying(InvalidIdentityNumber.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
