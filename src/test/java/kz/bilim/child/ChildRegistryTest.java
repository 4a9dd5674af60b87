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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.YearMonth;
import java.util.List;

import static kz.bilim.child.ChildFixture.HEADER;
import static kz.bilim.child.ChildFixture.file;
import static kz.bilim.child.ChildFixture.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 9, items 1 and 3: sources 1–4 from the registry, one record per child, and who sees it. */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChildRegistryTest {

    static final String DISTRICT = "629100000";
    static final String OTHER = "629200000";

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;

    ChildFixture fixture;
    String here;
    String nearby;
    String elsewhere;

    @BeforeAll
    void fixtures() {
        fixture = new ChildFixture(ownerDataSource, mvc, YearMonth.of(2013, 11), 6500);
        here = fixture.registry.districtWithSettlement(DISTRICT, false);
        nearby = DISTRICT.substring(0, 4) + "33102";
        fixture.registry.territory(nearby, DISTRICT.substring(0, 4) + "33000", 4, false);
        elsewhere = fixture.registry.districtWithSettlement(OTHER, false);
    }

    RequestPostProcessor officer() {
        return TestUsers.district(DISTRICT);
    }

    @Test
    @DisplayName("CA-1 sources 1–4 are read from this system's own enrolments: a pupil is on the EMIS source of the school's kind and ownership, and loses it when expelled")
    void registrySources() throws Exception {
        long school = fixture.registry.organisation(here, "Ұлытау", "GENERAL_SECONDARY_SCHOOL", 1, "kk");
        long kindergarten = fixture.registry.organisation(here, "Балапан", "PRESCHOOL", 1, "kk");
        fixture.owner.sql("update organisation set ownership = 'PRIVATE' where id = ?").param(kindergarten).update();
        Iin pupil = fixture.child(9, Sex.MALE);
        Iin small = fixture.child(4, Sex.FEMALE);
        long pupilEnrolment = fixture.registry.enrolment(fixture.registry.person(pupil, "Мектепов", "Алмас", here),
                school, null, here, 3, ChildFixture.TODAY.minusYears(2));
        fixture.registry.enrolment(fixture.registry.person(small, "Бөбекова", "Аяла", here), kindergarten, null, here,
                null, ChildFixture.TODAY.minusYears(1));
        mvc.perform(post("/api/v1/children/registry?kato=" + DISTRICT).with(officer()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rows").value(2));
        mvc.perform(get("/api/v1/children?iin=" + pupil.value()).with(officer()))
                .andExpect(jsonPath("$.items[0].sources[0].source").value("EMIS_SCHOOL"))
                .andExpect(jsonPath("$.items[0].sources[0].origin").value("REGISTRY"))
                .andExpect(jsonPath("$.items[0].sources[0].active").value(true))
                .andExpect(jsonPath("$.items[0].sources[0].grade").value(3))
                .andExpect(jsonPath("$.items[0].lists", hasItem("SCHOOL_AGE")))
                .andExpect(jsonPath("$.items[0].lists", not(hasItem("NOT_COVERED"))));
        mvc.perform(get("/api/v1/children?iin=" + small.value()).with(officer()))
                .andExpect(jsonPath("$.items[0].sources[0].source").value("EMIS_NON_STATE"))
                .andExpect(jsonPath("$.items[0].lists", hasItem("NON_STATE")))
                .andExpect(jsonPath("$.items[0].lists", hasItem("PRESCHOOL_AGE")));
        fixture.owner.sql("update enrolment set enrolled_to = ?, expulsion_order = 'E-1' where id = ?")
                .param(ChildFixture.TODAY.minusDays(1)).param(pupilEnrolment).update();
        mvc.perform(post("/api/v1/children/registry?kato=" + DISTRICT).with(officer())).andExpect(jsonPath("$.rows").value(1));
        mvc.perform(get("/api/v1/children?iin=" + pupil.value()).with(officer()))
                .andExpect(jsonPath("$.items[0].sources[0].active").value(false))
                .andExpect(jsonPath("$.items[0].lists", hasItem("NOT_COVERED")));
    }

    @Test
    @DisplayName("CA-2 one record per child: a child without IIN is linked across sources by name in Kazakh, Russian or Latin spelling, birth date and district; what the sources say differently is shown side by side")
    void linkage() throws Exception {
        Iin withIin = fixture.child(12, Sex.FEMALE);
        var born = ChildFixture.TODAY.minusYears(7).minusDays(100);
        String justice = file(HEADER, row(withIin, "Серікова", "Мөлдір", here),
                ",Нұрланов,Әлихан,,%s,M,XX,%s".formatted(born, here));
        fixture.imported(officer(), "JUSTICE", DISTRICT, justice);
        String kandas = file(HEADER, row(withIin, "Серикова", "Молдир", nearby),
                ",Nurlanov,Alikhan,Serikuly,%s,M,XX,%s".formatted(born, nearby));
        String done = fixture.imported(officer(), "KANDAS", DISTRICT, kandas);
        assertThat(JsonPath.<Integer>read(done, "$.children")).isZero();
        assertThat(fixture.count("select count(*) from child where birth_date = ? and name_key = 'nurlanov alihan'",
                born)).isEqualTo(1);
        String found = mvc.perform(get("/api/v1/children?name=Нұрланов").with(officer())).andReturn().getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<String>>read(found, "$.items[?(@.birthDate == '" + born + "')].sources[*].source"))
                .containsExactly("JUSTICE", "KANDAS");
        assertThat(JsonPath.<List<String>>read(found, "$.items[?(@.birthDate == '" + born + "')].lists[*]"))
                .contains("FOREIGN", "KANDAS", "SCHOOL_AGE", "NOT_COVERED");
        mvc.perform(get("/api/v1/children?iin=" + withIin.value()).with(officer()))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].lastName").value("Серікова"))
                .andExpect(jsonPath("$.items[0].kato").value(here))
                .andExpect(jsonPath("$.items[0].sources[0].residenceKato").value(here))
                .andExpect(jsonPath("$.items[0].sources[1].residenceKato").value(nearby))
                .andExpect(jsonPath("$.items[0].sources[1].lastName").value("Серикова"));
        long id = fixture.count("select id from child where iin = ?", withIin.value());
        assertThat(fixture.count("select count(*) from audit_event where subject_type = 'child' and subject_id = ? "
                + "and action = 'READ'", String.valueOf(id))).isPositive();
    }

    @Test
    @DisplayName("CA-2 a district officer cannot see a child living elsewhere through any page or API: search, record, lists, counts, imports")
    void scope() throws Exception {
        Iin child = fixture.child(10, Sex.MALE);
        String done = fixture.imported(officer(), "JUSTICE", DISTRICT + "", file(HEADER, row(child, "Жасырын", "Бала", here)));
        long importId = ((Number) JsonPath.read(done, "$.id")).longValue();
        long id = fixture.count("select id from child where iin = ?", child.value());
        var stranger = TestUsers.district(OTHER);
        mvc.perform(get("/api/v1/children?iin=" + child.value()).with(stranger))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(0));
        mvc.perform(get("/api/v1/children?name=Жасырын").with(stranger)).andExpect(jsonPath("$.items.length()").value(0));
        mvc.perform(get("/api/v1/children/" + id).with(stranger)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/children/lists?kato=" + DISTRICT).with(stranger)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/children/lists/SCHOOL_AGE?kato=" + DISTRICT).with(stranger)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/children/lists/SCHOOL_AGE").with(stranger))
                .andExpect(jsonPath("$.items[?(@.id == " + id + ")]").isEmpty());
        mvc.perform(get("/api/v1/children/imports/" + importId + "/rejections").with(stranger)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/children/" + id).with(officer())).andExpect(status().isOk())
                .andExpect(jsonPath("$.iin").value(child.value()));
        mvc.perform(get("/api/v1/children?iin=" + child.value()).with(TestUsers.statistics())).andExpect(status().isForbidden());
        // row-level security under the queries: the stranger's scope on the connection sees no row
        assertThat(visibleUnder("KATO:6292", id)).isZero();
        assertThat(visibleUnder("KATO:6291", id)).isEqualTo(2); // the child and its one source
    }

    long visibleUnder(String scope, long id) throws Exception {
        try (var connection = ownerDataSource.getConnection(); var statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("set local role bilim_app");
            statement.execute("select set_config('bilim.scope', '" + scope + "', true), set_config('bilim.pii', 'on', true)");
            try (var rs = statement.executeQuery("select (select count(*) from child where id = " + id
                    + ") + (select count(*) from child_source where child_id = " + id + ")")) {
                rs.next();
                long n = rs.getLong(1);
                connection.rollback();
                return n;
            }
        }
    }
}
