package kz.bilim.child.lost;

import com.jayway.jsonpath.JsonPath;
import kz.bilim.TestUsers;
import kz.bilim.access.BilimUser;
import kz.bilim.child.truancy.TruancyFixture;
import kz.bilim.kernel.Role;
import kz.bilim.kernel.Scope;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 9 item 5 (beyond CA-3): the "left and not arrived" list — departures from the enrolment module's real
 * expulsions, school days on the project calendar, "now" the fixed Clock (Thursday 3 December 2026), the scope of
 * the child's residence, a case taken and closed; and the exemption form of the child's page (CA-3 (5)).
 */
@kz.bilim.BilimTestOnFixedDay
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LostPupilsTest {

    static final String DISTRICT = "637100000";
    static final String OTHER = "637200000";

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;
    @Autowired
    LostPupilPolicy policy;
    @Autowired
    RecordingDepartures departures;

    TruancyFixture fixture;
    TruancyFixture.School school;
    TruancyFixture.School second;
    long fourteen;
    long fifteen;
    long elsewhere;
    long closing;
    long arriving;
    TruancyFixture.Pupil arriver;
    long exemptChild;

    @BeforeAll
    void fixtures() throws Exception {
        fixture = new TruancyFixture(ownerDataSource, mvc, YearMonth.of(2017, 2), 7630);
        String here = fixture.registry.districtWithSettlement(DISTRICT, false);
        String there = fixture.registry.districtWithSettlement(OTHER, false);
        school = fixture.school(here, "Жоғалған");
        second = fixture.school(here, "Келген");
        var farSchool = fixture.school(there, "Алыс");
        var p14 = fixture.pupil(school, "Ондортова", "Айым");
        var p15 = fixture.pupil(school, "Онбесова", "Аруна");
        var far = fixture.pupil(farSchool, "Алысова", "Дана");
        var closed = fixture.pupil(school, "Жабылова", "Жанар");
        arriver = fixture.pupil(school, "Келетова", "Камила");
        var exempt = fixture.pupil(second, "Босатова", "Бибі");
        fixture.registryOf(DISTRICT);
        fixture.registryOf(OTHER);
        // day 14 and day 15: weekends between (21–22 and 28–29 November) are not counted
        fourteen = expel(p14, DISTRICT, LocalDate.of(2026, 11, 12));
        fifteen = expel(p15, DISTRICT, LocalDate.of(2026, 11, 11));
        elsewhere = expel(far, OTHER, LocalDate.of(2026, 11, 2));
        closing = expel(closed, DISTRICT, LocalDate.of(2026, 11, 5));
        arriving = expel(arriver, DISTRICT, LocalDate.of(2026, 11, 6));
        exemptChild = child(exempt);
    }

    /** Expels the pupil through the enrolment module's API; answers the departure recorded by its event. */
    long expel(TruancyFixture.Pupil pupil, String district, LocalDate lastDay) throws Exception {
        mvc.perform(post("/api/v1/enrolments/" + pupil.enrolment() + "/expulsion").with(TestUsers.district(district))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\": \"%s\", \"expulsionOrder\": \"№ 9-ш\"}".formatted(lastDay)))
                .andExpect(status().isOk());
        departures.settle();
        return fixture.owner.sql("select id from pupil_departure where enrolment_id = ?").param(pupil.enrolment())
                .query(Long.class).single();
    }

    long child(TruancyFixture.Pupil pupil) {
        return fixture.owner.sql("select id from child where person_id = ?").param(pupil.person()).query(Long.class).single();
    }

    List<Integer> listed(RequestPostProcessor user) throws Exception {
        String body = mvc.perform(get("/api/v1/children/lost?size=200").with(user)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.items[*].id");
    }

    static RequestPostProcessor colleague(String district) {
        return TestUsers.as(new BilimUser(900073, "test.district2." + district, "", "Test Colleague",
                Role.DISTRICT_OFFICER, Scope.territory(district.substring(0, 4)), district, null, "ru", true, 0));
    }

    @Test
    @DisplayName("Lost pupils (CA-3, issue 9 item 5) boundary: 14 school days since the last day — not listed, 15 — listed; weekends, public holidays and school holidays are not counted (the project calendar)")
    void boundary() throws Exception {
        // weekends: the fixed today, Thursday 3 December 2026
        LocalDate today = TruancyFixture.TODAY;
        assertThat(policy.listedBefore(today)).isEqualTo(LocalDate.of(2026, 11, 12));
        assertThat(policy.schoolDaysSince(LocalDate.of(2026, 11, 12), today)).isEqualTo(14);
        assertThat(policy.lost(LocalDate.of(2026, 11, 12), today)).isFalse();
        assertThat(policy.lost(LocalDate.of(2026, 11, 11), today)).isTrue();
        // school holidays (autumn, 26 October – 1 November 2026): today Friday 13 November
        LocalDate afterAutumn = LocalDate.of(2026, 11, 13);
        assertThat(policy.schoolDaysSince(LocalDate.of(2026, 10, 16), afterAutumn)).isEqualTo(14);
        assertThat(policy.lost(LocalDate.of(2026, 10, 16), afterAutumn)).isFalse();
        assertThat(policy.lost(LocalDate.of(2026, 10, 15), afterAutumn)).isTrue();
        // a public holiday (Independence Day, Wednesday 16 December 2026): today Wednesday 23 December
        LocalDate afterHoliday = LocalDate.of(2026, 12, 23);
        assertThat(policy.schoolDaysSince(LocalDate.of(2026, 12, 1), afterHoliday)).isEqualTo(14);
        assertThat(policy.lost(LocalDate.of(2026, 12, 1), afterHoliday)).isFalse();
        assertThat(policy.lost(LocalDate.of(2026, 11, 30), afterHoliday)).isTrue();

        assertThat(listed(TestUsers.district(DISTRICT))).contains((int) fifteen).doesNotContain((int) fourteen);
        mvc.perform(get("/api/v1/children/lost/" + fifteen).with(TestUsers.district(DISTRICT)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.schoolDaysSince").value(15))
                .andExpect(jsonPath("$.schoolId").value((int) school.id()))
                .andExpect(jsonPath("$.leftOn").value("2026-11-11"));
        mvc.perform(get("/api/v1/children/lost/" + fourteen).with(TestUsers.district(DISTRICT)))
                .andExpect(status().isNotFound());
    }

    @Test
    @DisplayName("Lost pupils (CA-3) scope: a district sees the children living in it; another district's officer sees nothing of them (list, case 404, taking 404, kato 404), the police liaison is refused (403)")
    void scope() throws Exception {
        assertThat(listed(TestUsers.district(DISTRICT))).contains((int) fifteen).doesNotContain((int) elsewhere);
        assertThat(listed(TestUsers.district(OTHER))).contains((int) elsewhere).doesNotContain((int) fifteen);
        assertThat(listed(TestUsers.ministry())).contains((int) elsewhere, (int) fifteen);
        mvc.perform(get("/api/v1/children/lost/" + fifteen).with(TestUsers.district(OTHER))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/children/lost/" + fifteen + "/owner").with(TestUsers.district(OTHER)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/children/lost?kato=" + DISTRICT).with(TestUsers.district(OTHER)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/children/lost").with(TruancyFixture.police(DISTRICT))).andExpect(status().isForbidden());
        assertThat(fixture.owner.sql("select count(*) from audit_event where subject_type = 'lost-pupil-list'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    @DisplayName("Lost pupils (CA-3) closure: an officer takes the case (another's taking or closing 409), closes it with a reason (422 naming the field in Russian), audited; a second close is 409 problem+json")
    void closure() throws Exception {
        String url = "/api/v1/children/lost/" + closing;
        var me = TestUsers.district(DISTRICT);
        mvc.perform(post(url + "/owner").with(me)).andExpect(status().isOk())
                .andExpect(jsonPath("$.owner").value("test.district." + DISTRICT));
        mvc.perform(post(url + "/owner").with(colleague(DISTRICT))).andExpect(status().isConflict());
        mvc.perform(post(url + "/closure").with(colleague(DISTRICT)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"MOVED_ABROAD\"}")).andExpect(status().isConflict());
        mvc.perform(post(url + "/closure").with(me).header("Accept-Language", "ru")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"OTHER\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[?(@.field == 'note')].reason", hasItem("для причины «Другое» нужно пояснение")));
        mvc.perform(post(url + "/closure").with(me).header("Accept-Language", "ru")
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[?(@.field == 'reason')].reason", hasItem("обязательно для заполнения")));
        mvc.perform(post(url + "/closure").with(me).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"MOVED_ABROAD\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.closeReason").value("MOVED_ABROAD"));
        mvc.perform(post(url + "/closure").with(me).header("Accept-Language", "ru")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"MOVED_ABROAD\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("CONFLICT"))
                .andExpect(jsonPath("$.detail").value("дело уже закрыто"));
        assertThat(listed(me)).doesNotContain((int) closing);
        assertThat(fixture.owner.sql("select count(*) from audit_event where subject_type = 'lost-pupil' "
                        + "and subject_id = ? and purpose in ('lost-pupil-take', 'lost-pupil-close')")
                .param(String.valueOf(closing)).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    @DisplayName("Lost pupils (CA-3) an admission anywhere closes the case by itself (ADMITTED, audited)")
    void admissionCloses() throws Exception {
        var me = TestUsers.district(DISTRICT);
        assertThat(listed(me)).contains((int) arriving);
        mvc.perform(post("/api/v1/enrolments").with(me).contentType(MediaType.APPLICATION_JSON).content("""
                        {"organisationId": %d, "classId": %d, "from": "%s", "admissionOrder": "№ 10-қ", "personId": %d}
                        """.formatted(second.id(), second.schoolClass(), TruancyFixture.TODAY, arriver.person())))
                .andExpect(status().isCreated());
        departures.settle();
        assertThat(listed(me)).doesNotContain((int) arriving);
        mvc.perform(get("/api/v1/children/lost/" + arriving).with(me)).andExpect(status().isOk())
                .andExpect(jsonPath("$.closeReason").value("ADMITTED"));
        assertThat(fixture.owner.sql("select count(*) from audit_event where subject_type = 'lost-pupil' "
                + "and subject_id = ? and purpose = 'admission'").param(String.valueOf(arriving))
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @DisplayName("Lost pupils (CA-3) page in kk and ru: the list with the school and the days, linked from the navigation; a case taken from the page")
    void page() throws Exception {
        mvc.perform(get("/children/lost").with(TestUsers.district(DISTRICT)).header("Accept-Language", "ru"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Выбывшие и не прибывшие")))
                .andExpect(content().string(containsString("Онбесова")))
                .andExpect(content().string(containsString("Жоғалған")))
                .andExpect(content().string(not(containsString("Алысова"))))
                .andExpect(content().string(containsString("id=\"nav-lost\"")));
        mvc.perform(get("/children/lost").with(TestUsers.district(DISTRICT)).header("Accept-Language", "kk"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Шығып, келмегендер")));
        mvc.perform(post("/children/lost/" + fifteen + "/owner").with(colleague(DISTRICT)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(fixture.owner.sql("select owner from pupil_departure where id = ?").param(fifteen)
                .query(String.class).single()).isEqualTo("test.district2." + DISTRICT);
    }

    @Test
    @DisplayName("CA-3 list 5: the exemption form of the child's page sets and clears child.exempt with its ground and document (audited, refused fields in Russian); another district's officer gets 404")
    void exemptionForm() throws Exception {
        String url = "/children/" + exemptChild;
        mvc.perform(get(url).with(TestUsers.district(DISTRICT)).header("Accept-Language", "ru"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"exemption-form\"")));
        mvc.perform(get(url).with(TestUsers.district(OTHER))).andExpect(status().isNotFound());
        mvc.perform(post(url + "/exemption").with(TestUsers.district(OTHER)).with(csrf())
                .param("ground", "HEALTH").param("document", "ВКК № 3").param("issuedOn", "2026-11-02"))
                .andExpect(status().isNotFound());
        mvc.perform(post(url + "/exemption").with(TestUsers.district(DISTRICT)).with(csrf())
                        .header("Accept-Language", "ru").param("ground", "").param("document", "").param("issuedOn", ""))
                .andExpect(status().isOk()).andExpect(content().string(containsString("обязательно для заполнения")));
        assertThat(exempt()).isFalse();
        mvc.perform(post(url + "/exemption").with(TestUsers.district(DISTRICT)).with(csrf())
                        .param("ground", "HEALTH").param("document", "ВКК № 3 от 02.11.2026").param("issuedOn", "2026-11-02"))
                .andExpect(status().is3xxRedirection());
        assertThat(exempt()).isTrue();
        mvc.perform(get(url).with(TestUsers.district(DISTRICT)).header("Accept-Language", "ru"))
                .andExpect(content().string(containsString("ВКК № 3 от 02.11.2026")));
        mvc.perform(post(url + "/exemption/end").with(TestUsers.district(DISTRICT)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(exempt()).isFalse();
        assertThat(fixture.owner.sql("select count(*) from audit_event where subject_type = 'child' and subject_id = ? "
                + "and purpose = 'child-exemption'").param(String.valueOf(exemptChild)).query(Long.class).single())
                .isEqualTo(2);
    }

    boolean exempt() {
        return fixture.owner.sql("select exempt from child where id = ?").param(exemptChild).query(Boolean.class).single();
    }
}
