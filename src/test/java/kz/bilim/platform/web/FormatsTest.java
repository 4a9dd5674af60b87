package kz.bilim.platform.web;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Dates and numbers as each language of the pages writes them. */
class FormatsTest {

    @ParameterizedTest(name = "{0}: {1}, {2}, {3}")
    @CsvSource(delimiter = '|', value = {
            "kk | 01.09.2026 | 1 234 567 | 01.09.2026 14:05",
            "ru | 01.09.2026 | 1 234 567 | 01.09.2026 14:05",
            "en | Sep 1, 2026 | 1,234,567 | Sep 1, 2026 2:05 PM"})
    @DisplayName("dates, numbers and Almaty times in the reader's language (kk and ru group thousands with a space, en with a comma)")
    void inTheReadersLanguage(String language, String date, String number, String moment) {
        var formats = new Formats(Locale.forLanguageTag(language));
        assertThat(formats.date(LocalDate.of(2026, 9, 1))).isEqualTo(date);
        assertThat(formats.number(1_234_567).replace('\u00a0', ' ').replace('\u202f', ' ')).isEqualTo(number);
        // 09:05 UTC is 14:05 in Almaty
        assertThat(formats.dateTime(Instant.parse("2026-09-01T09:05:00Z")).replace('\u202f', ' ')).isEqualTo(moment);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {"№ 145-Б | 145-Б", "№145 | 145", "No. 12 | 12", "145-Б | 145-Б", "'' | —"})
    @DisplayName("an order number typed with its own № is shown once after the label's №")
    void orderNumbers(String typed, String shown) {
        assertThat(new Formats(Locale.ENGLISH).orderNumber(typed)).isEqualTo(shown);
    }
}
