package kz.bilim.platform;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Pages write dates in the reader's language, not as ISO codes (the decree swap of 4 May 2024, seeded by V12). */
@BilimTest
class ReaderLanguageFormatsTest {

    @Autowired
    MockMvc mvc;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {"kk | 04.05.2024", "ru | 04.05.2024", "en | May 4, 2024"})
    @DisplayName("the calendar's tables show dates in the reader's language")
    void calendarDates(String language, String shown) throws Exception {
        String html = mvc.perform(get("/admin/calendar").param("year", "2024").param("lang", language)
                        .with(TestUsers.ministry()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains(">" + shown + "<").doesNotContain(">2024-05-04<");
        String year = mvc.perform(get("/calendar").param("year", "2024").param("lang", language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(year).contains(">" + shown + "<").doesNotContain(">2024-05-04<");
    }
}
