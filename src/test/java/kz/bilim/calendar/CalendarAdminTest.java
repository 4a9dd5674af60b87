package kz.bilim.calendar;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The ministry's admin screens: only MINISTRY_ADMIN edits; each change is checked, audited and reloads the calendar.
 * The rows this class writes are in November 2030, which no other test reads, and are removed again.
 */
@BilimTest
class CalendarAdminTest {

    private static final LocalDate SWAP_DAY = LocalDate.of(2030, 11, 13); // a Wednesday
    private static final LocalDate HOLIDAY_DAY = LocalDate.of(2030, 11, 20); // a Wednesday

    @Autowired
    MockMvc mvc;
    @Autowired
    WorkingCalendar calendar;
    @Autowired
    OwnerDataSource ownerDataSource;

    JdbcClient owner;

    @BeforeEach
    void setUp() {
        owner = JdbcClient.create(ownerDataSource);
    }

    private long auditCount(String action, String subjectType, long id) {
        return owner.sql("select count(*) from audit_event where action = :a and subject_type = :t and subject_id = :id")
                .param("a", action).param("t", subjectType).param("id", Long.toString(id)).query(Long.class).single();
    }

    @Test
    @DisplayName("an anonymous visitor is sent to the login page; a district officer gets 403 and cannot add a swap")
    void onlyTheMinistryAdminEdits() throws Exception {
        mvc.perform(get("/admin/calendar"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/admin/calendar").with(TestUsers.district("191400000")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/calendar/swaps").with(TestUsers.district("191400000")).with(csrf())
                        .param("date", SWAP_DAY.toString()).param("working", "false").param("decree", "Not allowed"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/calendar/swaps").with(TestUsers.statistics()).with(csrf())
                        .param("date", SWAP_DAY.toString()).param("working", "false").param("decree", "Not allowed"))
                .andExpect(status().isForbidden());
        assertThat(owner.sql("select count(*) from day_swap where swap_date = :d").param("d", SWAP_DAY)
                .query(Long.class).single()).isZero();
        assertThat(calendar.isWorkingDay(SWAP_DAY)).isTrue();
    }

    @Test
    @DisplayName("the ministry admin sees a year's holidays, decree swaps and school holidays")
    void ministryAdminSeesTheYear() throws Exception {
        mvc.perform(get("/admin/calendar").param("year", "2024").with(TestUsers.ministry()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("2024-05-04")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Order of the Minister of Labour")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Kurban Ait")));
    }

    @Test
    @DisplayName("decree swap added by the ministry admin: audited, the calendar reloads at once; deleting it restores the day")
    void addAndDeleteSwap() throws Exception {
        mvc.perform(post("/admin/calendar/swaps").with(TestUsers.ministry()).with(csrf())
                        .param("date", SWAP_DAY.toString()).param("working", "false")
                        .param("decree", "Test order No. 1").param("note", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/calendar?year=2030"));
        long id = owner.sql("select id from day_swap where swap_date = :d").param("d", SWAP_DAY).query(Long.class).single();
        assertThat(calendar.isWorkingDay(SWAP_DAY)).isFalse();
        mvc.perform(get("/api/v1/calendar/days/" + SWAP_DAY))
                .andExpect(jsonPath("$.working").value(false))
                .andExpect(jsonPath("$.decree").value("Test order No. 1"));
        assertThat(auditCount("CREATE", "day_swap", id)).isEqualTo(1);

        mvc.perform(post("/admin/calendar/swaps/" + id + "/delete").param("confirmed", "true").with(TestUsers.ministry()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(calendar.isWorkingDay(SWAP_DAY)).isTrue();
        assertThat(auditCount("DELETE", "day_swap", id)).isEqualTo(1);
    }

    @Test
    @DisplayName("a holiday added, moved and deleted by the ministry admin changes the working days at once")
    void addEditDeleteHoliday() throws Exception {
        mvc.perform(post("/admin/calendar/holidays").with(TestUsers.ministry()).with(csrf())
                        .param("date", HOLIDAY_DAY.toString()).param("nameKk", "Сынақ күні").param("nameRu", "Тестовый день")
                        .param("nameEn", "Test Day").param("movesOffWeekend", "true"))
                .andExpect(status().is3xxRedirection());
        long id = owner.sql("select id from public_holiday where holiday_date = :d").param("d", HOLIDAY_DAY)
                .query(Long.class).single();
        assertThat(calendar.day(HOLIDAY_DAY).holidayName(java.util.Locale.ENGLISH)).isEqualTo("Test Day");

        mvc.perform(post("/admin/calendar/holidays/" + id).with(TestUsers.ministry()).with(csrf())
                        .param("date", HOLIDAY_DAY.plusDays(1).toString()).param("nameKk", "Сынақ күні")
                        .param("nameRu", "Тестовый день").param("nameEn", "Test Day").param("movesOffWeekend", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(calendar.isWorkingDay(HOLIDAY_DAY)).isTrue();
        assertThat(calendar.isWorkingDay(HOLIDAY_DAY.plusDays(1))).isFalse();
        assertThat(auditCount("UPDATE", "public_holiday", id)).isEqualTo(1);

        mvc.perform(post("/admin/calendar/holidays/" + id + "/delete").param("confirmed", "true").with(TestUsers.ministry()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(calendar.isWorkingDay(HOLIDAY_DAY.plusDays(1))).isTrue();
    }

    @Test
    @DisplayName("deleting a public holiday asks first: one click only opens the question, the confirmed deletion is audited")
    void holidayDeletionAsksFirst() throws Exception {
        var day = LocalDate.of(2030, 11, 27);
        mvc.perform(post("/admin/calendar/holidays").with(TestUsers.ministry()).with(csrf())
                        .param("date", day.toString()).param("nameKk", "Сұрақ күні").param("nameRu", "День вопроса")
                        .param("nameEn", "Question Day").param("movesOffWeekend", "true"))
                .andExpect(status().is3xxRedirection());
        long id = owner.sql("select id from public_holiday where holiday_date = :d").param("d", day)
                .query(Long.class).single();
        mvc.perform(get("/admin/calendar").param("year", "2030").param("lang", "ru").with(TestUsers.ministry()))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "href=\"/admin/calendar/holidays/" + id + "/delete\"")));
        mvc.perform(post("/admin/calendar/holidays/" + id + "/delete").with(TestUsers.ministry()).with(csrf()))
                .andExpect(redirectedUrl("/admin/calendar/holidays/" + id + "/delete"));
        assertThat(calendar.isWorkingDay(day)).isFalse();
        mvc.perform(get("/admin/calendar/holidays/" + id + "/delete").param("lang", "ru").with(TestUsers.ministry()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("День вопроса")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("27.11.2030")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"confirmed\" value=\"true\"")));
        assertThat(auditCount("DELETE", "public_holiday", id)).isZero();
        mvc.perform(post("/admin/calendar/holidays/" + id + "/delete").param("confirmed", "true")
                        .with(TestUsers.ministry()).with(csrf()))
                .andExpect(redirectedUrl("/admin/calendar?year=2030"));
        assertThat(calendar.isWorkingDay(day)).isTrue();
        assertThat(auditCount("DELETE", "public_holiday", id)).isEqualTo(1);
    }

    @Test
    @DisplayName("a swap date outside 2018-2030, a duplicate date or a swap that changes nothing is a field error in place")
    void swapFieldErrors() throws Exception {
        mvc.perform(post("/admin/calendar/swaps").with(TestUsers.ministry()).with(csrf()).header("Accept-Language", "en")
                        .param("date", "2031-01-04").param("working", "true").param("decree", "Order"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "date", "calendar.error.outside-years"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("must be within the calendar&#39;s years 2018–2030")));
        mvc.perform(post("/admin/calendar/swaps").with(TestUsers.ministry()).with(csrf())
                        .param("date", "2024-05-04").param("working", "true").param("decree", "Order"))
                .andExpect(model().attributeHasFieldErrorCode("form", "date", "calendar.error.duplicate-swap"));
        mvc.perform(post("/admin/calendar/swaps").with(TestUsers.ministry()).with(csrf())
                        .param("date", SWAP_DAY.toString()).param("working", "true").param("decree", "Order"))
                .andExpect(model().attributeHasFieldErrorCode("form", "date", "calendar.error.swap-already-working"));
        mvc.perform(post("/admin/calendar/swaps").with(TestUsers.ministry()).with(csrf())
                        .param("date", "not-a-date").param("decree", ""))
                .andExpect(model().attributeHasFieldErrors("form", "date", "working", "decree"));
        assertThat(owner.sql("select count(*) from day_swap where swap_date in ('2031-01-04', :d)").param("d", SWAP_DAY)
                .query(Long.class).single()).isZero();
    }

    @Test
    @DisplayName("a duplicate holiday date, a missing name, and a school holiday ending before it starts are field errors")
    void holidayAndPeriodFieldErrors() throws Exception {
        mvc.perform(post("/admin/calendar/holidays").with(TestUsers.ministry()).with(csrf())
                        .param("date", "2026-01-01").param("nameKk", "").param("nameRu", "Новый год").param("nameEn", "New Year"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "date", "calendar.error.duplicate-holiday"))
                .andExpect(model().attributeHasFieldErrorCode("form", "nameKk", "error.field.required"))
                // the names keep what was typed, each marked with its language, the refusal linked to its input
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"nameKk-error\"")))
                .andExpect(content().string(org.hamcrest.Matchers.matchesRegex(
                        "(?s).*<input(?=[^>]*lang=\"ru\")(?=[^>]*value=\"Новый год\")[^>]*>.*")))
                .andExpect(content().string(org.hamcrest.Matchers.matchesRegex(
                        "(?s).*<input(?=[^>]*aria-describedby=\"nameKk-error\")(?=[^>]*class=\"invalid\")[^>]*>.*")));
        mvc.perform(post("/admin/calendar/school-holidays").with(TestUsers.ministry()).with(csrf())
                        .param("academicYear", "2027").param("nameKk", "Қысқы каникул").param("nameRu", "Зимние каникулы")
                        .param("nameEn", "Winter holidays").param("firstDay", "2028-01-08").param("lastDay", "2027-12-29")
                        .param("grades", "ALL"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "lastDay", "calendar.error.last-before-first"));
        mvc.perform(post("/admin/calendar/school-holidays").with(TestUsers.ministry()).with(csrf())
                        .param("academicYear", "2027").param("nameKk", "Қысқы каникул").param("nameRu", "Зимние каникулы")
                        .param("nameEn", "Winter holidays").param("firstDay", "2027-06-01").param("lastDay", "2027-06-07")
                        .param("grades", "ALL"))
                .andExpect(model().attributeHasFieldErrorCode("form", "firstDay", "calendar.error.outside-academic-year"));
        // nothing saved (2027-2028 has only the provisional summer holidays of V70)
        assertThat(calendar.schoolHolidays(2027)).noneMatch(p -> p.name().en().equals("Winter holidays")
                && p.academicYear() == 2027);
        assertThat(calendar.schoolHolidays(2028)).noneMatch(p -> p.name().en().equals("Winter holidays")
                && p.academicYear() == 2027);
    }
}
