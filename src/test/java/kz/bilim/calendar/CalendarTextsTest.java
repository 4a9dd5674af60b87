package kz.bilim.calendar;

import kz.bilim.BilimTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The calendar's reference data in the reader's language: decrees and notes (V55), and a name for every special day. */
@BilimTest
class CalendarTextsTest {

    @Autowired
    MockMvc mvc;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "kk | Еңбек және халықты әлеуметтік қорғау министрінің 2024 жылғы 21 қарашадағы № 436 бұйрығы | Қаулымен ауыстырылған демалыс күні",
            "ru | Приказ Министра труда и социальной защиты населения от 21.11.2024 № 436 | Выходной день, перенесённый постановлением",
            "en | Order of the Minister of Labour and Social Protection of 21.11.2024 No. 436 | Day off moved by decree"})
    @DisplayName("TR-5 3 January 2025, a day off by decree, is named and its decree is written in the reader's language")
    void decreeDayOffOf2025(String language, String decree, String name) throws Exception {
        String html = mvc.perform(get("/calendar").param("year", "2025").param("lang", language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        int row = html.indexOf("datetime=\"2025-01-03\"", html.indexOf("id=\"special-days\""));
        String cells = html.substring(row, html.indexOf("</tr>", row));
        assertThat(cells).contains(decree).contains(">" + name + "<");
        if (!language.equals("en")) assertThat(html).doesNotContain("Order of the Minister of Labour");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"kk | Алдын ала: министрлік бұйрығындағы", "ru | Предварительно: будет заменено"})
    @DisplayName("the school holidays' notes are in the reader's language, not English")
    void notesTranslated(String language, String note) throws Exception {
        String html = mvc.perform(get("/calendar").param("year", "2027").param("lang", language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains(note).doesNotContain("Provisional: replace");
    }
}
