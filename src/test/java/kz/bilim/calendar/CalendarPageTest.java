package kz.bilim.calendar;

import kz.bilim.BilimTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public year view. */
@BilimTest
class CalendarPageTest {

    @Autowired
    MockMvc mvc;

    @Test
    @DisplayName("the year view shows months, a legend, transferred days and school holidays, without login, in Russian")
    void yearViewInRussian() throws Exception {
        mvc.perform(get("/calendar").param("year", "2026").param("lang", "ru"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Производственный календарь Казахстана, 2026 год")))
                .andExpect(content().string(containsString("Декабрь")))
                .andExpect(content().string(containsString("Перенесённый с выходного праздник")))
                .andExpect(content().string(containsString("Наурыз мейрамы (перенос)")))
                .andExpect(content().string(containsString("class=\"d-transferred-day-off school\"")))
                .andExpect(content().string(containsString("href=\"/calendar?year=2025\"")))
                .andExpect(content().string(containsString("href=\"/calendar?year=2027\"")))
                .andExpect(content().string(not(containsString("/admin/calendar"))));
    }

    @Test
    @DisplayName("the year view is in Kazakh by default and marks decree swaps")
    void yearViewInKazakh() throws Exception {
        mvc.perform(get("/calendar").param("year", "2024"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Қаңтар")))
                .andExpect(content().string(containsString("Қаулы бойынша жұмыс күні")))
                .andExpect(content().string(containsString("class=\"d-decree-working-day\"")))
                .andExpect(content().string(containsString("Құрбан айт")));
    }

    @Test
    @DisplayName("a year outside 2018-2030 shows an error and the current year; 2018 has no previous-year link")
    void yearsOutside() throws Exception {
        mvc.perform(get("/calendar").param("year", "2040").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The calendar covers the years 2018–2030")));
        mvc.perform(get("/calendar").param("year", "2018").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"previous-year\""))))
                .andExpect(content().string(containsString("First President")));
    }
}
