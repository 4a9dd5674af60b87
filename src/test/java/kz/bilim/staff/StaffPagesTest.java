package kz.bilim.staff;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.identity.Iin;
import kz.bilim.identity.Sex;
import kz.bilim.kernel.Almaty;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** The staff pages in kk, ru and en: list, hire form (HB-1 refusal in place), record, dismissal, flagged contracts. */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffPagesTest {

    static final String DISTRICT = "799700000";
    static final LocalDate TODAY = LocalDate.now(Almaty.ZONE);

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;

    StaffFixture fixture;
    String settlement;
    long school;
    long member;
    long contract;
    Iin banned;

    @BeforeAll
    void fixtures() throws Exception {
        fixture = new StaffFixture(ownerDataSource, YearMonth.of(2006, 10), 7500);
        settlement = fixture.registry.districtWithSettlement(DISTRICT, false);
        school = fixture.registry.organisation(settlement, "Күншуақ", "GENERAL_SECONDARY_SCHOOL", 1, "kk");
        var teacher = fixture.adult(1977, Sex.FEMALE);
        String location = mvc.perform(post("/api/v1/organisations/" + school + "/staff").with(head())
                        .contentType(MediaType.APPLICATION_JSON).content(StaffFixture.hire(teacher, "TEACHER", TODAY, TODAY, null)))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        member = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        contract = fixture.owner.sql("select id from employment_contract where staff_member_id = ?").param(member)
                .query(Long.class).single();
        banned = fixture.adult(1986, Sex.MALE);
        mvc.perform(post("/api/v1/court-bans/imports").with(TestUsers.ministry()).contentType("text/csv")
                .content(StaffFixture.file(
                        StaffFixture.verdict(teacher, "Sozak court", "1-44/2025", TODAY.minusDays(1), "PEDAGOGICAL", "LIFE"),
                        StaffFixture.verdict(banned, "Sozak court", "1-45/2025", TODAY.minusDays(1), "WORK_WITH_MINORS", "LIFE"))))
                .andExpect(status().isOk());
    }

    RequestPostProcessor head() {
        return TestUsers.organisationAdmin(school, settlement);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kk", "ru", "en"})
    @DisplayName("HB-1 the staff pages render in every language, the flag naming the verdict")
    void pagesRender(String lang) throws Exception {
        mvc.perform(get("/organisations/" + school + "/staff").with(head()).header("Accept-Language", lang))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"staff-table\"")));
        mvc.perform(get("/organisations/" + school + "/staff/new").with(head()).header("Accept-Language", lang))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"hire-form\"")));
        mvc.perform(get("/staff/" + member).with(head()).header("Accept-Language", lang))
                .andExpect(status().isOk()).andExpect(content().string(containsString("1-44/2025")));
        mvc.perform(get("/staff/flagged").with(TestUsers.district(DISTRICT)).header("Accept-Language", lang))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Sozak court")));
        mvc.perform(get("/staff/contracts/" + contract + "/dismiss").with(head()).header("Accept-Language", lang))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"dismiss-form\"")));
    }

    @Test
    @DisplayName("HB-1 the hire form refuses a banned person with the verdict above the form and at the IIN; a dismissal without order names the field")
    void formsShowRefusals() throws Exception {
        mvc.perform(post("/organisations/" + school + "/staff").with(head()).with(csrf()).header("Accept-Language", "en")
                        .param("iin", banned.value()).param("lastName", "Тыйымов").param("firstName", "Ерлан")
                        .param("position", "COOK").param("contractNumber", "7").param("contractDate", TODAY.toString())
                        .param("startsOn", TODAY.toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"refusal\"")))
                .andExpect(content().string(containsString("HB-1: hiring refused: the verdict of Sozak court")))
                .andExpect(content().string(containsString("id=\"iin-error\"")));
        mvc.perform(post("/staff/contracts/" + contract + "/dismiss").with(head()).with(csrf()).header("Accept-Language", "en")
                        .param("date", TODAY.toString()).param("order", "").param("reason", "HB-1"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"order-error\"")));
        mvc.perform(post("/staff/contracts/" + contract + "/dismiss").with(head()).with(csrf())
                        .param("date", TODAY.toString()).param("order", "№ 9-ж").param("reason", "HB-1"))
                .andExpect(redirectedUrl("/staff/" + member));
    }
}
