package kz.bilim.territory.internal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KatoCsvTest {

    private static KatoCsv.Table read(String text) throws KatoCsv.Unreadable {
        return KatoCsv.read(text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"te,name_kaz,name_rus|,", "te;name_kaz;name_rus|;", "te;\"a,b\";c|;",
            "\"te;x\",name_kaz,name_rus|,"})
    @DisplayName("the separator is whichever of comma and semicolon the header uses more of, outside quotes")
    void delimiter(String header, char expected) throws Exception {
        assertThat(read(header + "\n1,2,3\n").delimiter()).isEqualTo(expected);
    }

    @Test
    @DisplayName("quoted fields may hold the separator, doubled quotes and line breaks; rows count records, header = 1")
    void quoted() throws Exception {
        var table = read("\uFEFFte;name_kaz;name_rus;nn\r\n"
                + "101033102;\"Ақшабай; а.\";\"с.\"\"Акшабай\"\"\";\"two\nlines\"\r\n"
                + "\n"
                + "101033100;Қайнар а.;с.Кайнар;\n");
        assertThat(table.header().fields()).containsExactly("te", "name_kaz", "name_rus", "nn");
        assertThat(table.rows()).hasSize(2);
        assertThat(table.rows().get(0).number()).isEqualTo(2);
        assertThat(table.rows().get(0).fields()).containsExactly("101033102", "Ақшабай; а.", "с.\"Акшабай\"", "two\nlines");
        assertThat(table.rows().get(1).number()).as("the blank row 3 is skipped but counted").isEqualTo(4);
        assertThat(table.rows().get(1).field(3)).isEmpty();
        assertThat(table.rows().get(1).field(9)).as("a missing field reads as empty").isEmpty();
    }

    @Test
    @DisplayName("a last row without a line break is read")
    void lastRow() throws Exception {
        assertThat(read("te,name_kaz,name_rus\n100000000,Абай облысы,область Абай").rows())
                .extracting(KatoCsv.Row::fields)
                .containsExactly(List.of("100000000", "Абай облысы", "область Абай"));
    }

    @Test
    @DisplayName("a quote never closed is an error at the row where it opened")
    void openQuote() {
        assertThatThrownBy(() -> read("te,name_kaz,name_rus\n100000000,\"Абай,x\n"))
                .isInstanceOfSatisfying(KatoCsv.Unreadable.class, e -> {
                    assertThat(e.error().row()).isEqualTo(2);
                    assertThat(e.error().reasonKey()).isEqualTo("territory.import.file.open-quote");
                });
    }

    @Test
    @DisplayName("a file that is not UTF-8 (e.g. Windows-1251) is refused as a whole, not misread")
    void notUtf8() {
        byte[] cp1251 = "te,name_kaz,name_rus\n100000000,Абай,Абай\n".getBytes(java.nio.charset.Charset.forName("windows-1251"));
        assertThatThrownBy(() -> KatoCsv.read(cp1251))
                .isInstanceOfSatisfying(KatoCsv.Unreadable.class,
                        e -> assertThat(e.error().reasonKey()).isEqualTo("territory.import.file.not-utf8"));
    }

    @Test
    @DisplayName("an empty file is refused")
    void empty() {
        assertThatThrownBy(() -> read(" \n\n")).isInstanceOf(KatoCsv.Unreadable.class);
    }
}
