package kz.bilim.kernel;


import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class KatoRangeTest {

    @ParameterizedTest(name = "''{0}'': {1} … {2}")
    @CsvSource({
            "'',        000000000, 999999999",
            "75,        750000000, 759999999",
            "7510,      751000000, 751099999",
            "751110,    751110000, 751110999",
            "751110101, 751110101, 751110101",
    })
    @DisplayName("CA-2 a KATO subtree is the code range from its prefix padded with zeros to it padded with nines")
    void subtreeAsRange(String prefix, String first, String last) {
        var range = KatoRange.under(prefix);
        assertThat(range.first()).isEqualTo(first);
        assertThat(range.last()).isEqualTo(last);
    }
}
