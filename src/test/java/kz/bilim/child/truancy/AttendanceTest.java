package kz.bilim.child.truancy;

import kz.bilim.TestUsers;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** CA-4: schools record absences per pupil per day, excused or not — a class's day, or a file taken whole. */
@kz.bilim.BilimTestOnFixedDay
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttendanceTest {

    static final String DISTRICT = "636900000";

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;

    TruancyFixture fixture;
    TruancyFixture.School school;
    TruancyFixture.School other;
    TruancyFixture.Pupil pupil;
    TruancyFixture.Pupil classmate;
    TruancyFixture.Pupil stranger;

    @BeforeAll
    void fixtures() {
        fixture = new TruancyFixture(ownerDataSource, mvc, YearMonth.of(2015, 4), 7400);
        String here = fixture.registry.districtWithSettlement(DISTRICT, false);
        school = fixture.school(here, "Қатысу");
        other = fixture.school(here, "Басқа");
        pupil = fixture.pupil(school, "Белгілова", "Ботагөз");
        classmate = fixture.pupil(school, "Сыныптасова", "Сәуле");
        stranger = fixture.pupil(other, "Бөтенова", "Баян");
    }

    long absences(TruancyFixture.Pupil p) {
        return fixture.owner.sql("select count(*) from attendance_absence where person_id = ?").param(p.person())
                .query(Long.class).single();
    }

    @Test
    @DisplayName("CA-4 a school marks a class's school day per pupil, excused or not; a day off, a future day or another school's pupil is refused")
    void classDay() throws Exception {
        String day = "/api/v1/attendance/classes/" + school.schoolClass() + "/days/";
        mvc.perform(put(day + "2026-11-24").with(TruancyFixture.school(school)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"marks\":{\"%d\":\"UNEXCUSED\",\"%d\":\"EXCUSED\"}}".formatted(pupil.person(), classmate.person())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.absent").value(2));
        mvc.perform(get(day + "2026-11-24").with(TruancyFixture.school(school)))
                .andExpect(jsonPath("$.pupils[?(@.personId == %d)].mark".formatted(pupil.person()), hasItem("UNEXCUSED")))
                .andExpect(jsonPath("$.pupils[?(@.personId == %d)].mark".formatted(classmate.person()), hasItem("EXCUSED")));
        mvc.perform(put(day + "2026-11-24").with(TruancyFixture.school(school)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"marks\":{\"%d\":\"PRESENT\"}}".formatted(classmate.person()))).andExpect(status().isOk());
        assertThat(absences(classmate)).isZero();
        // Saturday 28 November 2026
        mvc.perform(put(day + "2026-11-28").with(TruancyFixture.school(school)).header("Accept-Language", "ru")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"marks\":{\"%d\":\"UNEXCUSED\"}}".formatted(pupil.person())))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("day"))
                .andExpect(jsonPath("$.errors[0].reason").value("28.11.2026 не учебный день по календарю"));
        mvc.perform(put(day + "2026-12-04").with(TruancyFixture.school(school)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"marks\":{\"%d\":\"UNEXCUSED\"}}".formatted(pupil.person())))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("day"));
        mvc.perform(put(day + "2026-11-25").with(TruancyFixture.school(school)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"marks\":{\"%d\":\"UNEXCUSED\"}}".formatted(stranger.person())))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("marks[" + stranger.person() + "]"));
        mvc.perform(put(day + "2026-11-25").with(TruancyFixture.school(other)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"marks\":{}}")).andExpect(status().isNotFound());
        mvc.perform(put(day + "2026-11-25").with(TestUsers.district(DISTRICT)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"marks\":{}}")).andExpect(status().isForbidden());
        assertThat(absences(pupil)).isEqualTo(1);
        assertThat(absences(stranger)).isZero();
        // the page of the day
        mvc.perform(get("/attendance?class=" + school.schoolClass() + "&day=2026-11-24").with(TruancyFixture.school(school)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("Белгілова")));
        // on a phone the table becomes cards without its header: every mark carries its own name
        mvc.perform(get("/attendance?class=" + school.schoolClass() + "&day=2026-11-24&lang=ru").with(TruancyFixture.school(school)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "data-label=\"отсутствовал без уважительной причины\"")));
    }

    @Test
    @DisplayName("CA-4 an attendance file is taken whole or not at all: every bad row is named with its field and reason in the user's language, and nothing is written")
    void importFile() throws Exception {
        String bad = "\uFEFFIIN,date,absence\r\n"
                + pupil.iin().value() + ",2026-11-02,unexcused\r\n"
                + stranger.iin().value() + ",2026-11-02,unexcused\r\n"
                + pupil.iin().value() + ",2026-11-07,excused\r\n"
                + pupil.iin().value() + ",2026-11-03,maybe\r\n"
                + "12345,2026-11-03,excused\r\n";
        long before = absences(pupil);
        mvc.perform(post("/api/v1/attendance/imports").with(TruancyFixture.school(school)).header("Accept-Language", "kk")
                        .contentType("text/csv").content(bad.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].field", hasItem("rows[3].iin")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("rows[4].date")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("rows[5].absence")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("rows[6].iin")))
                .andExpect(jsonPath("$.errors[?(@.field == 'rows[6].iin')].reason", hasItem("12 цифрдан тұруы керек")));
        assertThat(absences(pupil)).isEqualTo(before);
        mvc.perform(post("/api/v1/attendance/imports").with(TruancyFixture.school(school)).contentType("text/csv")
                        .content("iin,absence\r\n1,2\r\n"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("file"));
        String good = "date,iin,absence\n2026-11-02," + pupil.iin().value() + ",unexcused\n2026-11-03,"
                + pupil.iin().value() + ",excused\n2026-11-03," + classmate.iin().value() + ",present\n";
        mvc.perform(post("/api/v1/attendance/imports").with(TruancyFixture.school(school)).contentType("text/csv")
                        .content(good)).andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(3)).andExpect(jsonPath("$.absent").value(2));
        assertThat(absences(pupil)).isEqualTo(before + 2);
    }
}
