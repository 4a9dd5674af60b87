package kz.bilim.standard;

import kz.bilim.BilimTestOnFixedDay;
import kz.bilim.TestUsers;
import kz.bilim.identity.Sex;
import kz.bilim.organisation.RegistryFixture;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The support register's page of a school (MS-3, MS-8): the pupil picked from the school's roll, errors in place. */
@BilimTestOnFixedDay
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupportPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;

    RegistryFixture fixture;
    String settlement;
    long school;
    long pupil;

    @BeforeAll
    void school() {
        fixture = new RegistryFixture(ownerDataSource, YearMonth.of(2013, 9), 7900);
        settlement = fixture.districtWithSettlement("597800000", false);
        school = fixture.organisation(settlement, "Бет", "BASIC_SCHOOL", 1, "kk");
        long person = fixture.person(fixture.nextIin(LocalDate.of(2015, 1, 9), Sex.FEMALE), "Беттегі", "Айым", settlement);
        pupil = fixture.enrolment(person, school, null, settlement, 5, LocalDate.of(2025, 9, 1));
    }

    @Test
    @DisplayName("MS-8 a school records study at home on its page: a missing conclusion is shown in place, then saved")
    void homeSchoolingOnThePage() throws Exception {
        var admin = TestUsers.organisationAdmin(school, settlement);
        mvc.perform(get("/organisations/" + school + "/support").with(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Беттегі Айым")))
                .andExpect(content().string(containsString("үйде немесе стационарда оқыту")))
                .andExpect(content().string(not(containsString("id=\"distanceKm\"")))); // transport: the district's
        mvc.perform(post("/organisations/" + school + "/support").with(admin).with(csrf())
                        .param("enrolment", String.valueOf(pupil)).param("kind", "HOME_SCHOOLING").param("place", "HOME"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"basis-error\"")))
                .andExpect(content().string(containsString("дәрігерлік-консультациялық комиссияның қорытындысы")));
        mvc.perform(post("/organisations/" + school + "/support").with(admin).with(csrf())
                        .param("enrolment", String.valueOf(pupil)).param("kind", "HOME_SCHOOLING").param("place", "HOME")
                        .param("basis", "ДКК № 12").param("basisDate", "2026-09-03"))
                .andExpect(redirectedUrl("/organisations/" + school + "/support"));
        mvc.perform(get("/organisations/" + school + "/support").param("lang", "ru").with(admin))
                .andExpect(content().string(containsString("ДКК № 12, 03.09.2026")))
                .andExpect(content().string(containsString("на дому")));
        // the same again: the conflict is the page's message, nothing more is written
        mvc.perform(post("/organisations/" + school + "/support").with(admin).with(csrf())
                        .param("enrolment", String.valueOf(pupil)).param("kind", "HOME_SCHOOLING").param("place", "HOME")
                        .param("basis", "ДКК № 12").param("basisDate", "2026-09-03"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"refusal\"")));
        assertThat(fixture.owner().sql("select count(*) from standard_support where enrolment_id = :e")
                .param("e", pupil).query(Integer.class).single()).isEqualTo(1);
        // a pupil of another school cannot be slipped into the form
        mvc.perform(post("/organisations/" + school + "/support").with(admin).with(csrf())
                        .param("enrolment", "999999999").param("kind", "FREE_MEALS").param("category", "OTHER"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"enrolment-error\"")));
    }
}
