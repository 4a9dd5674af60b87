package kz.bilim.organisation;

import kz.bilim.kernel.Almaty;

import kz.bilim.BilimTest;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganisationApiTest {

    static final String DISTRICT_A = "639100000";
    static final String DISTRICT_B = "639200000";

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;

    RegistryFixture fixture;
    String settlementA;
    String settlementB;
    long schoolA;
    long schoolB;
    long classB;

    @BeforeAll
    void territories() {
        fixture = new RegistryFixture(ownerDataSource, YearMonth.of(2001, 3), 1000);
        settlementA = fixture.districtWithSettlement(DISTRICT_A, false);
        settlementB = fixture.districtWithSettlement(DISTRICT_B, true);
        schoolA = fixture.organisation(settlementA, "Ақжол", "GENERAL_SECONDARY_SCHOOL", 2, "kk", "ru");
        schoolB = fixture.organisation(settlementB, "Береке", "BASIC_SCHOOL", 1, "ru");
        classB = fixture.schoolClass(schoolB, settlementB, AcademicYear.current(java.time.Clock.system(Almaty.ZONE)).startYear(), 5, "А", "ru", 25);
    }

    String body(String bin, String kato) {
        return """
                {"bin": "%s", "nameKk": "Жаңа мектеп", "nameRu": "Новая школа", "kind": "GENERAL_SECONDARY_SCHOOL",
                 "ownership": "STATE", "kato": "%s", "languages": ["kk", "ru"], "shifts": 2,
                 "phone": "8 (7232) 12-34-56", "email": "school@edu.kz", "website": "school.edu.kz"}
                """.formatted(bin, kato);
    }

    @Test
    @DisplayName("MS-9 a new organisation gets the occupancy norm 25 by default and urban/rural from its settlement")
    void createsWithDefaults() throws Exception {
        String bin = fixture.nextBin();
        mvc.perform(post("/api/v1/organisations").with(TestUsers.district(DISTRICT_B))
                        .contentType(MediaType.APPLICATION_JSON).content(body(bin, settlementB)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.bin").value(bin))
                .andExpect(jsonPath("$.occupancyNorm").value(25))
                .andExpect(jsonPath("$.urban").value(true))
                .andExpect(jsonPath("$.phone").value("+77232123456"))
                .andExpect(jsonPath("$.website").value("https://school.edu.kz"));
        long audited = fixture.owner().sql("""
                        select count(*) from audit_event a join organisation o on o.id::text = a.subject_id
                         where a.subject_type = 'organisation' and a.action = 'CREATE' and o.bin = :bin
                        """).param("bin", bin).query(Long.class).single();
        assertThat(audited).isEqualTo(1);
    }

    @Test
    @DisplayName("MS-9 the occupancy norm is editable, and a new class takes it as its capacity")
    void occupancyNormEditable() throws Exception {
        long school = fixture.organisation(settlementA, "Норма", "GENERAL_SECONDARY_SCHOOL", 1, "kk");
        String bin = fixture.owner().sql("select bin from organisation where id = :id").param("id", school)
                .query(String.class).single();
        mvc.perform(put("/api/v1/organisations/" + school).with(TestUsers.district(DISTRICT_A))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"bin": "%s", "nameKk": "Норма", "nameRu": "Норма", "kind": "GENERAL_SECONDARY_SCHOOL",
                                 "ownership": "STATE", "kato": "%s", "languages": ["kk"], "occupancyNorm": 20}
                                """.formatted(bin, settlementA)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.occupancyNorm").value(20));
        mvc.perform(post("/api/v1/organisations/" + school + "/classes").with(TestUsers.district(DISTRICT_A))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"grade\": 3, \"letter\": \"ә\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.capacity").value(20))
                .andExpect(jsonPath("$.letter").value("Ә"))
                .andExpect(jsonPath("$.language").value("kk"));
    }

    @Test
    @DisplayName("a BIN with a wrong check digit is 422 naming the field bin, with the identity reason in Russian")
    void badBin() throws Exception {
        String bin = fixture.nextBin();
        String wrong = bin.substring(0, 11) + ((bin.charAt(11) - '0' + 1) % 10);
        mvc.perform(post("/api/v1/organisations").with(TestUsers.district(DISTRICT_A)).header("Accept-Language", "ru")
                        .contentType(MediaType.APPLICATION_JSON).content(body(wrong, settlementA)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("INVALID_INPUT"))
                .andExpect(jsonPath("$.errors[0].field").value("bin"))
                .andExpect(jsonPath("$.errors[0].reason").value("контрольная (12-я) цифра не совпадает"));
    }

    @Test
    @DisplayName("a duplicate BIN — even one registered in another district — is a field error, not a 500")
    void duplicateBin() throws Exception {
        String binOfB = fixture.owner().sql("select bin from organisation where id = :id").param("id", schoolB)
                .query(String.class).single();
        mvc.perform(post("/api/v1/organisations").with(TestUsers.district(DISTRICT_A)).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content(body(binOfB, settlementA)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("bin"))
                .andExpect(jsonPath("$.errors[0].reason").value("an organisation with this BIN is already registered"));
    }

    @Test
    @DisplayName("CA-2 a district officer cannot register an organisation in another district: field kato")
    void katoOutOfScope() throws Exception {
        mvc.perform(post("/api/v1/organisations").with(TestUsers.district(DISTRICT_A)).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content(body(fixture.nextBin(), settlementB)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("kato"));
        mvc.perform(post("/api/v1/organisations").with(TestUsers.district(DISTRICT_A))
                        .contentType(MediaType.APPLICATION_JSON).content(body(fixture.nextBin(), "639133999")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("kato"));
    }

    @Test
    @DisplayName("every bad field is named at once: names, languages, shifts, phone, e-mail, website")
    void manyBadFields() throws Exception {
        mvc.perform(post("/api/v1/organisations").with(TestUsers.ministry()).header("Accept-Language", "kk")
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"bin": "%s", "nameKk": " ", "kind": "SCHOOL", "ownership": "STATE",
                                 "kato": "%s", "languages": [], "shifts": 4, "phone": "12345", "email": "no-at",
                                 "website": "http://"}
                                """.formatted(fixture.nextBin(), settlementA)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("kind")));
        mvc.perform(post("/api/v1/organisations").with(TestUsers.ministry()).header("Accept-Language", "kk")
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"bin": "%s", "nameKk": " ", "kind": "PRESCHOOL", "ownership": "STATE",
                                 "kato": "%s", "languages": [], "shifts": 4, "phone": "12345", "email": "no-at",
                                 "website": "http://"}
                                """.formatted(fixture.nextBin(), settlementA)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(7))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "nameKk", "nameRu", "languages", "shifts", "phone", "email", "website")));
    }

    @Test
    @DisplayName("a class shift beyond the organisation's shifts is 422 naming the field shift")
    void shiftBeyond() throws Exception {
        mvc.perform(post("/api/v1/organisations/" + schoolB + "/classes").with(TestUsers.district(DISTRICT_B))
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"grade\": 7, \"letter\": \"Б\", \"shift\": 2}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("shift"))
                .andExpect(jsonPath("$.errors[0].reason").value("the organisation works in 1 shift(s) only"));
        mvc.perform(post("/api/v1/organisations/" + schoolB + "/classes").with(TestUsers.district(DISTRICT_B))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"grade\": 7, \"letter\": \"Б\", \"language\": \"kk\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("language"));
    }

    @Test
    @DisplayName("a class is unique per organisation, year, grade and letter: the duplicate names the field letter")
    void duplicateClass() throws Exception {
        mvc.perform(post("/api/v1/organisations/" + schoolB + "/classes").with(TestUsers.district(DISTRICT_B))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"grade\": 5, \"letter\": \"а\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("letter"));
    }

    @Test
    @DisplayName("CA-2 a district officer reaches another district's organisation and class through no endpoint (404), their own yes")
    void districtScope() throws Exception {
        var officerA = TestUsers.district(DISTRICT_A);
        mvc.perform(get("/api/v1/organisations/" + schoolB).with(officerA)).andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/organisations/" + schoolB).with(officerA)
                        .contentType(MediaType.APPLICATION_JSON).content(body(fixture.nextBin(), settlementA)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/organisations/" + schoolB + "/classes").with(officerA)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/organisations/" + schoolB + "/classes").with(officerA)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"grade\": 2, \"letter\": \"В\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/classes/" + classB).with(officerA)).andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/classes/" + classB).with(officerA)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"grade\": 5, \"letter\": \"А\", \"capacity\": 30}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/organisations").param("size", "200").with(officerA))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id").value(not(hasItem((int) schoolB))))
                .andExpect(jsonPath("$.items[*].id").value(hasItem((int) schoolA)));
        mvc.perform(get("/api/v1/organisations").param("kato", DISTRICT_B).with(officerA))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
        // the officer of district B does all of it
        var officerB = TestUsers.district(DISTRICT_B);
        mvc.perform(get("/api/v1/organisations/" + schoolB).with(officerB)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/classes/" + classB).with(officerB))
                .andExpect(status().isOk()).andExpect(jsonPath("$.enrolled").value(0));
        mvc.perform(put("/api/v1/classes/" + classB).with(officerB)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"grade\": 5, \"letter\": \"А\", \"capacity\": 25}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.capacity").value(25));
        // and the class is untouched by officer A's attempt
        assertThat(fixture.owner().sql("select capacity from school_class where id = :id").param("id", classB)
                .query(Integer.class).single()).isEqualTo(25);
    }

    @Test
    @DisplayName("CA-2 an organisation's administrator sees only their own organisation and may change only its contacts")
    void organisationAdmin() throws Exception {
        var admin = TestUsers.organisationAdmin(schoolA, settlementA);
        mvc.perform(get("/api/v1/organisations/" + schoolB).with(admin)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/organisations").with(admin))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].id").value(schoolA));
        mvc.perform(put("/api/v1/organisations/" + schoolA).with(admin)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"phone\": \"+7 701 111 22 33\", \"email\": \"akzhol@edu.kz\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phone").value("+77011112233"))
                .andExpect(jsonPath("$.shifts").value(2));
        mvc.perform(put("/api/v1/organisations/" + schoolA).with(admin)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"nameRu\": \"Переименована\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/organisations").with(admin)
                        .contentType(MediaType.APPLICATION_JSON).content(body(fixture.nextBin(), settlementA)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/organisations/" + schoolA + "/classes").with(admin)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"grade\": 11, \"letter\": \"Г\", \"shift\": 2}"))
                .andExpect(status().isCreated());
    }

    @Test
    @DisplayName("SC-3 a statistics analyst reads organisations but cannot change them")
    void statisticsReadsOnly() throws Exception {
        mvc.perform(get("/api/v1/organisations/" + schoolB).with(TestUsers.statistics())).andExpect(status().isOk());
        mvc.perform(put("/api/v1/organisations/" + schoolB).with(TestUsers.statistics())
                        .contentType(MediaType.APPLICATION_JSON).content(body(fixture.nextBin(), settlementB)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/organisations/" + schoolB + "/classes").with(TestUsers.statistics())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"grade\": 2, \"letter\": \"В\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/organisations")).andExpect(status().isUnauthorized());
    }

    @Test
    @DisplayName("the list filters by territory subtree, kind, language, urban/rural and name or BIN, with paging")
    void filters() throws Exception {
        var ministry = TestUsers.ministry();
        mvc.perform(get("/api/v1/organisations").param("kato", DISTRICT_B).param("kind", "basic_school").with(ministry))
                .andExpect(jsonPath("$.items[*].id").value(hasItem((int) schoolB)))
                .andExpect(jsonPath("$.items[*].kind").value(not(hasItem("GENERAL_SECONDARY_SCHOOL"))));
        mvc.perform(get("/api/v1/organisations").param("q", "береке").param("kato", DISTRICT_B).with(ministry))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].id").value(schoolB));
        String binA = fixture.owner().sql("select bin from organisation where id = :id").param("id", schoolA)
                .query(String.class).single();
        mvc.perform(get("/api/v1/organisations").param("q", binA).with(ministry))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].id").value(schoolA));
        mvc.perform(get("/api/v1/organisations").param("kato", "6391").param("language", "kk").param("urban", "false")
                        .with(ministry))
                .andExpect(jsonPath("$.items[*].id").value(hasItem((int) schoolA)));
        mvc.perform(get("/api/v1/organisations").param("kato", "6391").param("language", "uz").with(ministry))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/organisations").param("kato", "63").param("size", "1").param("page", "1").with(ministry))
                .andExpect(jsonPath("$.items.length()").value(1)).andExpect(jsonPath("$.page").value(1));
        mvc.perform(get("/api/v1/organisations").param("kind", "castle").with(ministry))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("kind"));
    }
}
