package kz.bilim.territory;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KatoCodeTest {

    @ParameterizedTest(name = "{0}: level {1}, subtree prefix {2}, region {3}")
    @CsvSource({
            "100000000, 1, 10,        100000000",
            "101000000, 2, 1010,      100000000",
            "101033000, 3, 101033,    100000000",
            "101033102, 4, 101033102, 100000000",
            "750000000, 1, 75,        750000000",
            "751110000, 3, 751110,    750000000",
            "103047101, 4, 103047101, 100000000",
    })
    @DisplayName("CA-2 the level of a code is read from its zero groups AB CD EF HIJ, and its subtree is a prefix")
    void levelAndPrefix(String code, int level, String prefix, String region) {
        var kato = KatoCode.parse(code);
        assertThat(kato.level()).isEqualTo(level);
        assertThat(kato.scopePrefix()).isEqualTo(prefix);
        assertThat(kato.region().value()).isEqualTo(region);
        assertThat(kato.isWithin(kato.region())).isTrue();
    }

    @ParameterizedTest(name = "{0}: candidate parents {1}")
    @CsvSource({
            "100000000, ''",
            "101000000, 100000000",
            "101033000, 101000000 100000000",
            "101033102, 101033000 101000000 100000000",
            // a settlement with zero rural-district digits: only the district and the region can be its parent
            "101000101, 101000000 100000000",
            // a district-level zero group: the settlement can only hang under the region
            "100000101, 100000000",
            "100010000, 100000000",
    })
    @DisplayName("CA-2 the candidate parents of a code are its ancestors, nearest first, without repeats")
    void ancestors(String code, String expected) {
        List<String> want = expected.isBlank() ? List.of() : Arrays.asList(expected.split(" "));
        assertThat(KatoCode.parse(code).ancestors()).extracting(KatoCode::value).containsExactlyElementsOf(want);
    }

    @ParameterizedTest(name = "\"{0}\" is not a KATO code")
    @NullAndEmptySource
    @ValueSource(strings = {"10000000", "1000000000", "10000000A", "000000000", "001000000", "10 000 000"})
    @DisplayName("a code is nine digits and no region is 00")
    void malformed(String text) {
        assertThat(KatoCode.isWellFormed(text)).isFalse();
        assertThatThrownBy(() -> KatoCode.parse(text)).hasMessage(KatoCode.FORMAT_REASON);
    }

    @ParameterizedTest
    @CsvSource({"101033102, 101000000, true", "101033102, 103000000, false", "101033102, 100000000, true",
            "101033102, 101033102, true", "101000000, 101033000, false"})
    @DisplayName("CA-2 a scope is a subtree: a code lies within every ancestor and nowhere else")
    void within(String code, String other, boolean within) {
        assertThat(KatoCode.parse(code).isWithin(KatoCode.parse(other))).isEqualTo(within);
    }
}
