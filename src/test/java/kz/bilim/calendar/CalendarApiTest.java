package kz.bilim.calendar;

import kz.bilim.BilimTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public calendar API, without login. */
@BilimTest
class CalendarApiTest {

    @Autowired
    MockMvc mvc;

    @Test
    @DisplayName("GET /days/{date}: a holiday's day off moved off a weekend, named in the caller's language")
    void transferredDay() throws Exception {
        mvc.perform(get("/api/v1/calendar/days/2022-01-03").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.date").value("2022-01-03"))
                .andExpect(jsonPath("$.working").value(false))
                .andExpect(jsonPath("$.holiday").value("New Year (transferred)"))
                .andExpect(jsonPath("$.kind").value("transferred_day_off"));
        mvc.perform(get("/api/v1/calendar/days/2022-01-03").header("Accept-Language", "kk"))
                .andExpect(jsonPath("$.holiday").value("Жаңа жыл (ауыстырылған)"));
        mvc.perform(get("/api/v1/calendar/days/2024-03-22").header("Accept-Language", "ru"))
                .andExpect(jsonPath("$.working").value(false))
                .andExpect(jsonPath("$.holiday").value("Наурыз мейрамы"));
    }

    @Test
    @DisplayName("GET /days/{date}: Saturday 4 May 2024 is a working day by decree, with holiday null")
    void decreeWorkingDay() throws Exception {
        mvc.perform(get("/api/v1/calendar/days/2024-05-04"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.working").value(true))
                .andExpect(jsonPath("$.holiday").value(nullValue()))
                .andExpect(jsonPath("$.kind").value("decree_working_day"));
    }

    @Test
    @DisplayName("TR-5, TR-13: GET /working-days adds working days across the May 2024 holidays and decree swap")
    void workingDays() throws Exception {
        mvc.perform(get("/api/v1/calendar/working-days").param("from", "2024-05-03").param("add", "3"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.date").value("2024-05-10"));
    }

    @Test
    @DisplayName("EIS-8: GET /deadline moves a deadline on Saturday to the end of Monday, Almaty time")
    void deadline() throws Exception {
        mvc.perform(get("/api/v1/calendar/deadline").param("due", "2024-05-25"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deadline").value("2024-05-27T23:59:59.999+05:00"));
    }

    @Test
    @DisplayName("TR-14: GET /provider-hours/next-opening: Friday evening's application is processed on the next working day")
    void nextOpening() throws Exception {
        mvc.perform(get("/api/v1/calendar/provider-hours/next-opening").param("at", "2024-05-10T19:00+05:00"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.open").value(false))
                .andExpect(jsonPath("$.nextOpening").value("2024-05-13T09:00+05:00"))
                .andExpect(jsonPath("$.processingDay").value("2024-05-13"));
    }

    @Test
    @DisplayName("TR-13, TR-14: GET /due: a Friday-evening application is registered on Monday at 9:00 and due on Tuesday at 18:30")
    void dueFridayEvening() throws Exception {
        mvc.perform(get("/api/v1/calendar/due").param("received", "2026-05-29T19:05+05:00").param("workingDays", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.received").value("2026-05-29T19:05:00+05:00"))
                .andExpect(jsonPath("$.registered").value("2026-06-01T09:00:00+05:00"))
                .andExpect(jsonPath("$.due").value("2026-06-02T18:30:00+05:00"));
    }

    @Test
    @DisplayName("TR-13, TR-14: GET /due answers in Almaty time whatever offset the moment came in, paper's 3 days across Nauryz")
    void dueInAlmatyTime() throws Exception {
        mvc.perform(get("/api/v1/calendar/due").param("received", "2026-03-20T13:45:00Z").param("workingDays", "3"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.received").value("2026-03-20T18:45:00+05:00"))
                .andExpect(jsonPath("$.registered").value("2026-03-26T09:00:00+05:00"))
                .andExpect(jsonPath("$.due").value("2026-03-31T18:30:00+05:00"));
        // an unencoded '+' arrives as a space and is read as the offset's sign
        mvc.perform(get("/api/v1/calendar/due").param("received", "2024-05-03T19:00 05:00").param("workingDays", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.registered").value("2024-05-04T09:00:00+05:00"))
                .andExpect(jsonPath("$.due").value("2024-05-06T18:30:00+05:00"));
    }

    @Test
    @DisplayName("GET /due with both parameters bad names both fields, with reasons in the caller's language")
    void dueBothFieldsBad() throws Exception {
        mvc.perform(get("/api/v1/calendar/due").param("received", "2026-05-29T19:05").param("workingDays", "0")
                        .header("Accept-Language", "ru"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("received"))
                .andExpect(jsonPath("$.errors[0].reason")
                        .value("«2026-05-29T19:05» не является датой и временем со смещением вида 2026-05-29T19:05+05:00"))
                .andExpect(jsonPath("$.errors[1].field").value("workingDays"))
                .andExpect(jsonPath("$.errors[1].reason").value("должно быть от 1 до 1000"));
        mvc.perform(get("/api/v1/calendar/due").param("workingDays", "1").header("Accept-Language", "kk"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("received"));
    }

    @ParameterizedTest(name = "{0} -> 422 on {1}")
    @CsvSource({
            "/api/v1/calendar/days/2017-12-31, date",
            "/api/v1/calendar/days/2031-01-01, date",
            "/api/v1/calendar/days/2024-02-30, date",
            "/api/v1/calendar/days/yesterday, date",
            "/api/v1/calendar/working-days?from=2024-13-01&add=1, from",
            "/api/v1/calendar/working-days?from=2017-06-01&add=1, from",
            "/api/v1/calendar/working-days?from=2024-05-03&add=three, add",
            "/api/v1/calendar/working-days?from=2024-05-03&add=5000, add",
            "/api/v1/calendar/working-days?from=2024-05-03, add",
            "/api/v1/calendar/working-days?from=2030-12-30&add=5, add",
            "/api/v1/calendar/deadline?due=2040-01-01, due",
            "/api/v1/calendar/provider-hours/next-opening?at=tomorrow, at",
            "/api/v1/calendar/due?received=tomorrow&workingDays=1, received",
            "/api/v1/calendar/due?received=2026-05-29T19:05&workingDays=1, received",
            "/api/v1/calendar/due?workingDays=1, received",
            "/api/v1/calendar/due?received=2031-01-01T10:00Z&workingDays=1, received",
            "/api/v1/calendar/due?received=2026-05-29T19:05Z, workingDays",
            "/api/v1/calendar/due?received=2026-05-29T19:05Z&workingDays=one, workingDays",
            "/api/v1/calendar/due?received=2026-05-29T19:05Z&workingDays=-1, workingDays",
            "/api/v1/calendar/due?received=2026-05-29T19:05Z&workingDays=1001, workingDays",
            "/api/v1/calendar/due?received=2030-12-30T10:00Z&workingDays=5, workingDays"})
    @DisplayName("bad date, bad n or a year outside 2018-2030 is 422 problem+json naming the field")
    void badInput(String url, String field) throws Exception {
        mvc.perform(get(url).header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("INVALID_INPUT"))
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }

    @Test
    @DisplayName("a year outside 2018-2030 is refused with the reason in the caller's language")
    void outsideYearsReason() throws Exception {
        mvc.perform(get("/api/v1/calendar/days/2031-01-01").header("Accept-Language", "en"))
                .andExpect(jsonPath("$.errors[0].reason").value("must be within the calendar's years 2018–2030"));
        mvc.perform(get("/api/v1/calendar/days/2031-01-01").header("Accept-Language", "ru"))
                .andExpect(jsonPath("$.errors[0].reason").value("должна быть в пределах 2018–2030 годов календаря"));
    }
}
