package kz.bilim.enrolment;

import kz.bilim.TestUsers;
import kz.bilim.identity.Iin;
import kz.bilim.identity.Sex;
import kz.bilim.organisation.RegistryFixture;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The application on a fixed day, 3 December 2026 at 11:00 in Almaty, whatever day the suite runs: the dates of
 * orders are judged by the one clock, and TR-7 by every territory's enrolments.
 */
@kz.bilim.BilimTestOnFixedDay
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FixedClockAdmissionTest {

    static final String ALMATY = "751300000";
    static final String SHYMKENT = "791300000";
    static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;

    RegistryFixture fixture;
    String settlementShymkent;
    long schoolShymkent;
    long classShymkent;
    Iin pupil;

    @BeforeAll
    void fixtures() {
        fixture = new RegistryFixture(ownerDataSource, YearMonth.of(2006, 2), 7000);
        String settlementAlmaty = fixture.districtWithSettlement(ALMATY, true);
        settlementShymkent = fixture.districtWithSettlement(SHYMKENT, true);
        long schoolAlmaty = fixture.organisation(settlementAlmaty, "Бәйтерек", "GENERAL_SECONDARY_SCHOOL", 1, "kk");
        schoolShymkent = fixture.organisation(settlementShymkent, "Тараз", "GENERAL_SECONDARY_SCHOOL", 1, "kk");
        long classAlmaty = fixture.schoolClass(schoolAlmaty, settlementAlmaty, 2026, 6, "А", "kk", 25);
        classShymkent = fixture.schoolClass(schoolShymkent, settlementShymkent, 2026, 6, "Б", "kk", 25);
        pupil = fixture.nextIin(LocalDate.of(2014, 2, 14), Sex.FEMALE);
        long person = fixture.person(pupil, "Ахметова", "Аружан", settlementAlmaty);
        long enrolment = fixture.enrolment(person, schoolAlmaty, classAlmaty, settlementAlmaty, 6, LocalDate.of(2026, 9, 1));
        // Almaty expelled the pupil on 1 December: a closed period, 1 September – 1 December
        fixture.owner().sql("update enrolment set enrolled_to = date '2026-12-01', expulsion_order = '№ 88' where id = :id")
                .param("id", enrolment).update();
    }

    String admission(LocalDate from) {
        return """
                {"organisationId": %d, "classId": %d, "from": "%s", "admissionOrder": "№ 5-қ",
                 "person": {"iin": "%s", "lastName": "Ахметова", "firstName": "Аружан", "birthDate": "2014-02-14",
                            "residenceKato": "%s"}}
                """.formatted(schoolShymkent, classShymkent, from, pupil.value(), settlementShymkent);
    }

    @Test
    @Order(1)
    @DisplayName("TR-7 Shymkent cannot admit from 1 September a pupil whom Almaty held until 1 December, though Shymkent cannot see Almaty")
    void overlapWithAnotherTerritoryRefused() throws Exception {
        mvc.perform(post("/api/v1/enrolments").with(TestUsers.district(SHYMKENT)).contentType(MediaType.APPLICATION_JSON)
                        .content(admission(LocalDate.of(2026, 9, 15))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("RULE_REFUSED"))
                .andExpect(jsonPath("$.clause").value("TR-7"));
    }

    @Test
    @Order(2)
    @DisplayName("an admission dated tomorrow by the application's clock is refused; today is accepted (TR-7 order dates)")
    void futureDateRefusedByTheClock() throws Exception {
        mvc.perform(post("/api/v1/enrolments").with(TestUsers.district(SHYMKENT)).contentType(MediaType.APPLICATION_JSON)
                        .content(admission(TODAY.plusDays(1))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("INVALID_INPUT"))
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(post("/api/v1/enrolments").with(TestUsers.district(SHYMKENT)).contentType(MediaType.APPLICATION_JSON)
                        .content(admission(TODAY)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.from").value("2026-12-03"));
    }
}
