package kz.bilim.child;

import com.jayway.jsonpath.JsonPath;
import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.identity.Iin;
import kz.bilim.identity.Sex;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.YearMonth;
import java.util.List;

import static kz.bilim.child.ChildFixture.HEADER;
import static kz.bilim.child.ChildFixture.file;
import static kz.bilim.child.ChildFixture.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * CA-3: the nine lists of one district, built from all kinds of sources — the Justice register, Kandas, an EMIS TVET
 * file, and the registry's state and private schools. Each list: its count and who is on it.
 */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChildListsTest {

    static final String DISTRICT = "629300000";

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;

    ChildFixture fixture;
    String here;
    String tvetReport;

    @BeforeAll
    void fixtures() throws Exception {
        fixture = new ChildFixture(ownerDataSource, mvc, YearMonth.of(2014, 12), 6800);
        here = fixture.registry.districtWithSettlement(DISTRICT, false);
        long school = fixture.registry.organisation(here, "Мектеп", "GENERAL_SECONDARY_SCHOOL", 1, "kk");
        long privateSchool = fixture.registry.organisation(here, "Жеке", "GENERAL_SECONDARY_SCHOOL", 1, "kk");
        fixture.owner.sql("update organisation set ownership = 'PRIVATE' where id = ?").param(privateSchool).update();
        long college = fixture.registry.organisation(here, "Колледж", "TVET_COLLEGE", 1, "kk");
        String collegeBin = fixture.owner.sql("select bin from organisation where id = ?").param(college).query(String.class).single();
        String schoolBin = fixture.owner.sql("select bin from organisation where id = ?").param(school).query(String.class).single();
        Iin p3 = fixture.child(3, Sex.MALE);
        Iin s1 = fixture.child(10, Sex.FEMALE);
        Iin s2 = fixture.child(10, Sex.MALE);
        Iin t1 = fixture.child(16, Sex.MALE);
        Iin n1 = fixture.child(8, Sex.FEMALE);
        Iin e1 = fixture.child(9, Sex.MALE);
        Iin k1 = fixture.child(5, Sex.FEMALE);
        var foreignBorn = ChildFixture.TODAY.minusYears(12).minusDays(10);
        fixture.imported(officer(), "JUSTICE", DISTRICT, file(HEADER, row(p3, "Тізім", "Кіші", here),
                row(s1, "Тізім", "Қамтылмаған", here), row(s2, "Тізім", "Оқушы", here), row(t1, "Тізім", "Студент", here),
                row(n1, "Тізім", "Жеке", here), row(e1, "Тізім", "Босатылған", here),
                ",Тізім,Шетелдік,,%s,M,RU,%s".formatted(foreignBorn, here)));
        fixture.imported(officer(), "KANDAS", DISTRICT, file(HEADER, row(k1, "Тізім", "Қандас", here)));
        tvetReport = fixture.imported(officer(), "EMIS_TVET", DISTRICT, file(HEADER + ",organisation_bin,grade",
                row(t1, "Тізім", "Студент", here) + "," + collegeBin + ",",
                row(s2, "Тізім", "Оқушы", here) + "," + schoolBin + ",5"));
        fixture.registry.enrolment(fixture.registry.person(s2, "Тізім", "Оқушы", here), school, null, here, 5,
                ChildFixture.TODAY.minusYears(3));
        fixture.registry.enrolment(fixture.registry.person(n1, "Тізім", "Жеке", here), privateSchool, null, here, 2,
                ChildFixture.TODAY.minusYears(1));
        mvc.perform(post("/api/v1/children/registry?kato=" + DISTRICT).with(officer())).andExpect(status().isOk());
        fixture.owner.sql("update child set exempt = true where iin = ?").param(e1.value()).update();
    }

    RequestPostProcessor officer() {
        return TestUsers.district(DISTRICT);
    }

    @ParameterizedTest(name = "CA-3 list ({0}) {1}: {2} children, among them {3}")
    @CsvSource({
            "1, PRESCHOOL_AGE, 2, Кіші",
            "2, SCHOOL_AGE, 6, Босатылған",
            "3, TVET, 1, Студент",
            "4, NON_STATE, 1, Жеке",
            "5, NOT_SUBJECT_TO_SCHOOLING, 1, Босатылған",
            "6, KANDAS, 1, Қандас",
            "7, FOREIGN, 1, Шетелдік",
            "8, NOT_COVERED, 2, Қамтылмаған",
            "9, TRUANT, 0, ''"})
    @DisplayName("CA-3 each of the nine lists: the count of the district and the children on it")
    void list(int number, String list, int count, String member) throws Exception {
        mvc.perform(get("/api/v1/children/lists?kato=" + DISTRICT).with(officer()))
                .andExpect(jsonPath("$.kato").value(DISTRICT))
                .andExpect(jsonPath("$.counts." + list).value(count));
        String page = mvc.perform(get("/api/v1/children/lists/" + list + "?kato=" + DISTRICT).with(officer()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> names = JsonPath.read(page, "$.items[*].firstName");
        assertThat(names).hasSize(count);
        if (count > 0) assertThat(names).contains(member);
    }

    @Test
    @DisplayName("CA-3 a child can be on several lists; not covered means school age, enrolled nowhere, not exempt")
    void severalLists() throws Exception {
        String page = mvc.perform(get("/api/v1/children?name=Тізім&size=50").with(officer())).andReturn().getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<String>>read(page, "$.items[?(@.firstName == 'Шетелдік')].lists[*]"))
                .containsExactlyInAnyOrder("SCHOOL_AGE", "FOREIGN", "NOT_COVERED");
        assertThat(JsonPath.<List<String>>read(page, "$.items[?(@.firstName == 'Босатылған')].lists[*]"))
                .containsExactlyInAnyOrder("SCHOOL_AGE", "NOT_SUBJECT_TO_SCHOOLING");
        assertThat(JsonPath.<List<String>>read(page, "$.items[?(@.firstName == 'Оқушы')].lists[*]"))
                .containsExactly("SCHOOL_AGE");
    }

    @Test
    @DisplayName("CA-1 an EMIS file names organisations of its own source: a school's BIN in a TVET file is rejected")
    void emisOrganisationOfAnotherSource() {
        assertThat(JsonPath.<Integer>read(tvetReport, "$.accepted")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(tvetReport, "$.rejected")).isEqualTo(1);
    }

    @Test
    @DisplayName("CA-3 the ministry counts the region that holds the district; the region's counts include the district's")
    void ministryCounts() throws Exception {
        String region = mvc.perform(get("/api/v1/children/lists?kato=620000000").with(TestUsers.ministry()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(((Number) JsonPath.read(region, "$.counts.SCHOOL_AGE")).longValue()).isGreaterThanOrEqualTo(6);
    }

    @Test
    @DisplayName("CA-3 the district officer's pages in Russian and Kazakh: the nine lists with their counts, a click opens a list; a stranger's district is not found")
    void pages() throws Exception {
        String ru = mvc.perform(get("/children?kato=" + DISTRICT).with(officer()).header("Accept-Language", "ru"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(ru).contains("Не охваченные обучением").contains("id=\"list-NOT_COVERED\"")
                .contains("/children/lists/NOT_COVERED?kato=" + DISTRICT);
        String kk = mvc.perform(get("/children/lists/NOT_COVERED?kato=" + DISTRICT).with(officer())
                        .header("Accept-Language", "kk"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(kk).contains("Оқумен қамтылмаған").contains("Қамтылмаған").doesNotContain("Оқушы");
        mvc.perform(get("/children").with(TestUsers.ministry())).andExpect(status().isOk());
        mvc.perform(get("/children?kato=" + DISTRICT).with(officer()))
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .doesNotContain("/children?kato=620000000"));
        mvc.perform(get("/children/imports").with(officer()).header("Accept-Language", "kk"))
                .andExpect(status().isOk());
        mvc.perform(get("/children/lists/NOT_COVERED?kato=" + DISTRICT).with(TestUsers.district("629400000")))
                .andExpect(status().isNotFound());
    }
}
