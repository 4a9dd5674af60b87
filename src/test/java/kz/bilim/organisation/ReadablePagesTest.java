package kz.bilim.organisation;

import kz.bilim.kernel.Almaty;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.access.BilimUser;
import kz.bilim.kernel.Role;
import kz.bilim.kernel.Scope;
import kz.bilim.identity.Sex;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import jakarta.servlet.RequestDispatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Pages read as an officer reads them: names where codes were (settlement, language, nationality, citizenship, role),
 * totals with thousands separators, and a menu that offers each role the pages it may open.
 */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadablePagesTest {

    static final String DISTRICT = "476600000";
    static final String CROWDED_DISTRICT = "476700000";

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;

    String settlement;
    long school;
    long person;

    @BeforeAll
    void fixtures() {
        var fixture = new RegistryFixture(ownerDataSource, YearMonth.of(2005, 11), 5000);
        settlement = fixture.districtWithSettlement(DISTRICT, false);
        school = fixture.organisation(settlement, "Көктем", "GENERAL_SECONDARY_SCHOOL", 1, "kk", "ru");
        person = fixture.person(fixture.nextIin(LocalDate.of(2015, 4, 4), Sex.FEMALE), "Сейітова", "Аружан", settlement);
        fixture.owner().sql("update person set nationality = 'KAZAKH', citizenship = 'KZ' where id = :id")
                .param("id", person).update();
        fixture.enrolment(person, school, null, settlement, 5, LocalDate.now(Almaty.ZONE).minusDays(3));
        String crowded = fixture.districtWithSettlement(CROWDED_DISTRICT, true);
        // 1 234 organisations, set-based, with valid BINs (the registry reads every BIN as a checked value)
        String bins = String.join(",", java.util.stream.IntStream.range(0, 1234).mapToObj(i -> fixture.nextBin()).toList());
        fixture.owner().sql("""
                        insert into organisation (bin, name_kk, name_ru, kind, ownership, kato, urban, languages, shifts)
                        select b, 'Мектеп ' || n, 'Школа ' || n, 'PRESCHOOL', 'STATE', :kato, true, array['kk'], 1
                        from unnest(string_to_array(:bins, ',')) with ordinality as t(b, n)
                        """).param("kato", crowded).param("bins", bins).update();
    }

    @Test
    @DisplayName("the organisation list names the settlement (code as secondary text) and the languages, in the reader's language")
    void settlementAndLanguageNames() throws Exception {
        mvc.perform(get("/organisations").param("kato", DISTRICT).param("lang", "kk").with(TestUsers.ministry()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<span class=\"settlement\">Аумақ " + settlement + "</span>"),
                        containsString("<small class=\"muted code\">" + settlement + "</small>"),
                        containsString("<span>қазақ тілі, </span><span>орыс тілі</span>"))));
        mvc.perform(get("/organisations").param("kato", DISTRICT).param("lang", "ru").with(TestUsers.ministry()))
                .andExpect(content().string(allOf(
                        containsString("<span class=\"settlement\">Территория " + settlement + "</span>"),
                        containsString("<span>казахский, </span><span>русский</span>"))));
    }

    @Test
    @DisplayName("the organisation total has the reader's thousands separator: a space in Kazakh and Russian, a comma in English")
    void totalWithThousandsSeparator() throws Exception {
        mvc.perform(get("/organisations").param("kato", CROWDED_DISTRICT).param("lang", "kk").with(TestUsers.ministry()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<strong id=\"organisation-total\">1\u00a0234</strong>")));
        mvc.perform(get("/organisations").param("kato", CROWDED_DISTRICT).param("lang", "en").with(TestUsers.ministry()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<strong id=\"organisation-total\">1,234</strong>")));
    }

    @Test
    @DisplayName("a person's record names the nationality (by sex in Russian), the citizenship and the residence")
    void personRecordNames() throws Exception {
        mvc.perform(get("/persons/" + person).param("lang", "ru").with(TestUsers.district(DISTRICT)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<dd id=\"person-nationality\">казашка</dd>"),
                        containsString("<span>Казахстан</span>"),
                        containsString("<span>Территория " + settlement + "</span>"),
                        not(containsString("KAZAKH")))));
        mvc.perform(get("/persons/" + person).param("lang", "kk").with(TestUsers.district(DISTRICT)))
                .andExpect(content().string(allOf(containsString("<dd id=\"person-nationality\">қазақ</dd>"),
                        containsString("<span>Қазақстан</span>"))));
    }

    @Test
    @DisplayName("the audit list names the actor's role instead of its code")
    void auditRoleName() throws Exception {
        mvc.perform(get("/persons/" + person).with(TestUsers.district(DISTRICT))).andExpect(status().isOk());
        mvc.perform(get("/audit").param("subjectType", "person").param("subjectId", Long.toString(person))
                        .param("lang", "ru").with(TestUsers.ministry()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Отдел образования района"),
                        not(containsString(">DISTRICT_OFFICER<")))));
    }

    @Test
    @DisplayName("the menu offers the calendar data to the ministry only, pupils to the police, no tokens to an applicant")
    void menuByRole() throws Exception {
        mvc.perform(get("/calendar").with(TestUsers.ministry()))
                .andExpect(content().string(allOf(containsString("id=\"nav-calendar-admin\""),
                        containsString("id=\"account-link\""))));
        mvc.perform(get("/calendar").with(TestUsers.district(DISTRICT)))
                .andExpect(content().string(not(containsString("id=\"nav-calendar-admin\""))));
        var police = new BilimUser(900101, "test.police", "", "Test Police", Role.POLICE_LIAISON,
                Scope.territory(DISTRICT.substring(0, 4)), DISTRICT, null, "en", true, 0);
        mvc.perform(get("/calendar").with(TestUsers.as(police)))
                .andExpect(content().string(containsString("href=\"/enrolments\"")));
        var applicant = new BilimUser(900102, "test.applicant", "", "Test Applicant", Role.APPLICANT, Scope.none(),
                "", null, "en", true, 0);
        mvc.perform(get("/calendar").with(TestUsers.as(applicant)))
                .andExpect(content().string(allOf(not(containsString("href=\"/account/tokens\"")),
                        not(containsString("id=\"account-link\"")), not(containsString("href=\"/enrolments\"")))));
    }

    @Test
    @DisplayName("SC-3 a statistics analyst sees class capacity without a pupil count and no links to pupils")
    void noPupilCountsForStatistics() throws Exception {
        mvc.perform(get("/organisations/" + school).with(TestUsers.statistics()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(not(containsString("id=\"organisation-pupils\"")),
                        not(containsString("/pupils\"")))));
        mvc.perform(get("/organisations/" + school).with(TestUsers.district(DISTRICT)))
                .andExpect(content().string(containsString("id=\"organisation-pupils\"")));
    }

    @Test
    @DisplayName("error pages speak the reader's language: 403 and 404 are named, not \"403 Forbidden\"")
    void errorPagesInTheReadersLanguage() throws Exception {
        mvc.perform(get("/persons/" + person).with(TestUsers.statistics())).andExpect(status().isForbidden());
        // MockMvc does not forward a sent error to /error as the servlet container does: render it as forwarded
        mvc.perform(get("/error").param("lang", "kk").accept(MediaType.TEXT_HTML)
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 403).with(TestUsers.statistics()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(allOf(containsString("Қолжетімділік жоқ"),
                        containsString("бұл бетке рұқсат бермейді"), not(containsString("Forbidden")))));
        mvc.perform(get("/organisations/987654321").param("lang", "ru").with(TestUsers.ministry()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(allOf(containsString("Страница или запись не найдена."),
                        not(containsString("Not Found")))));
    }

    @Test
    @DisplayName("the territory tree calls a region neither city nor village; Astana stays a city")
    void regionLocality() throws Exception {
        String page = mvc.perform(get("/territories").param("lang", "kk").with(TestUsers.ministry()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).containsPattern("Қарағанды облысы</a>\\s*</td>\\s*<td>—</td>")
                .containsPattern("Астана қаласы</a>\\s*</td>\\s*<td>қала</td>");
    }
}
