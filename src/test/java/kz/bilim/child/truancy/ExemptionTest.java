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
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** CA-3 (5): the district office records a child not subject to schooling, with its ground and document. */
@kz.bilim.BilimTestOnFixedDay
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExemptionTest {

    static final String DISTRICT = "636600000";
    static final String OTHER = "636500000";

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;

    TruancyFixture fixture;
    TruancyFixture.Pupil pupil;
    long child;

    @BeforeAll
    void fixtures() throws Exception {
        fixture = new TruancyFixture(ownerDataSource, mvc, YearMonth.of(2015, 6), 7500);
        var school = fixture.school(fixture.registry.districtWithSettlement(DISTRICT, false), "Денсаулық");
        fixture.registry.districtWithSettlement(OTHER, false);
        pupil = fixture.pupil(school, "Емделова", "Ерке");
        fixture.registryOf(DISTRICT);
        child = fixture.owner.sql("select id from child where person_id = ?").param(pupil.person()).query(Long.class).single();
    }

    @Test
    @DisplayName("CA-3 list 5: the district officer records a child not subject to schooling with its ground and document (audited); the child moves from list 8 to list 5; another district's officer cannot")
    void exemption() throws Exception {
        String body = "{\"ground\":\"HEALTH\",\"document\":\"ВКК № 17 от 02.11.2026\",\"issuedOn\":\"2026-11-02\"}";
        mvc.perform(put("/api/v1/children/" + child + "/exemption").with(TestUsers.district(OTHER))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/children/" + child + "/exemption").with(TestUsers.district(DISTRICT))
                        .header("Accept-Language", "ru").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ground\":\"LAZY\",\"issuedOn\":\"2027-01-01\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].field", hasItem("ground")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("document")))
                .andExpect(jsonPath("$.errors[?(@.field == 'issuedOn')].reason", hasItem("не может быть позже сегодняшнего дня")));
        mvc.perform(put("/api/v1/children/" + child + "/exemption").with(TruancyFixture.police(DISTRICT))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        // enrolled nowhere yet as the registry sees it? the pupil is enrolled: check list 5 and the flag
        mvc.perform(put("/api/v1/children/" + child + "/exemption").with(TestUsers.district(DISTRICT))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.ground").value("HEALTH"));
        mvc.perform(get("/api/v1/children/" + child).with(TestUsers.district(DISTRICT)))
                .andExpect(jsonPath("$.exempt").value(true))
                .andExpect(jsonPath("$.lists", hasItem("NOT_SUBJECT_TO_SCHOOLING")))
                .andExpect(jsonPath("$.lists", hasItem("SCHOOL_AGE")));
        assertThat(fixture.owner.sql("select count(*) from audit_event where subject_type = 'child' and subject_id = ? "
                + "and purpose = 'child-exemption'").param(String.valueOf(child)).query(Long.class).single()).isEqualTo(1);
        mvc.perform(delete("/api/v1/children/" + child + "/exemption").with(TestUsers.district(DISTRICT)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.ended").value(true));
        mvc.perform(get("/api/v1/children/" + child).with(TestUsers.district(DISTRICT)))
                .andExpect(jsonPath("$.lists", not(hasItem("NOT_SUBJECT_TO_SCHOOLING"))));
        assertThat(fixture.owner.sql("select count(*) from child_exemption where child_id = ? and ended_at is not null")
                .param(child).query(Long.class).single()).isEqualTo(1);
    }
}
