package kz.bilim.organisation;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * No edit overwrites another unseen: organisations and classes carry a version (ETag on the API, a hidden field on
 * the forms); an edit made to a version that is no longer current is refused with the record as it is now.
 */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LostUpdatesTest {

    static final String DISTRICT = "596200000";
    static final int THREADS = 20;

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;
    @Autowired
    JsonMapper json;

    RegistryFixture fixture;
    String settlement;

    @BeforeAll
    void fixtures() {
        fixture = new RegistryFixture(ownerDataSource, YearMonth.of(2011, 5), 9600);
        settlement = fixture.districtWithSettlement(DISTRICT, false);
    }

    RequestPostProcessor officer() {
        return TestUsers.district(DISTRICT);
    }

    long school(String name) {
        return fixture.organisation(settlement, name, "GENERAL_SECONDARY_SCHOOL", 2, "kk", "ru");
    }

    String body(long school, String nameRu, String phone) {
        String bin = fixture.owner().sql("select bin from organisation where id = :id").param("id", school)
                .query(String.class).single();
        return """
                {"bin": "%s", "nameKk": "Нұсқа мектебі", "nameRu": "%s", "kind": "GENERAL_SECONDARY_SCHOOL",
                 "ownership": "STATE", "kato": "%s", "languages": ["kk", "ru"], "shifts": 2, "phone": "%s"}
                """.formatted(bin, nameRu, settlement, phone);
    }

    String etag(long school) throws Exception {
        return mvc.perform(get("/api/v1/organisations/" + school).with(officer()))
                .andExpect(status().isOk()).andReturn().getResponse().getHeader("ETag");
    }

    long version(long school) {
        return fixture.owner().sql("select version from organisation where id = :id").param("id", school)
                .query(Long.class).single();
    }

    @Test
    @DisplayName("GET answers the version as ETag; a PUT with If-Match of it saves and answers the next version")
    void etagAndIfMatch() throws Exception {
        long school = school("Тег");
        String tag = etag(school);
        assertThat(tag).isEqualTo("\"0\"");
        mvc.perform(put("/api/v1/organisations/" + school).with(officer()).header("If-Match", tag)
                        .contentType(MediaType.APPLICATION_JSON).content(body(school, "Школа Тег", "+77010000001")))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.version").value(1));
        assertThat(etag(school)).isEqualTo("\"1\"");
    }

    @Test
    @DisplayName("a PUT with a stale If-Match is 412 problem+json with the organisation as it is now; nothing is written")
    void staleIfMatch() throws Exception {
        long school = school("Ескі");
        String stale = etag(school);
        mvc.perform(put("/api/v1/organisations/" + school).with(officer()).header("If-Match", stale)
                .contentType(MediaType.APPLICATION_JSON).content(body(school, "Первая правка", "+77010000002")))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/organisations/" + school).with(officer()).header("If-Match", stale)
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content(body(school, "Вторая правка", "+77010000003")))
                .andExpect(status().isPreconditionFailed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("PRECONDITION_FAILED"))
                .andExpect(jsonPath("$.current.nameRu").value("Первая правка"))
                .andExpect(jsonPath("$.current.version").value(1))
                .andExpect(header().string("ETag", "\"1\""));
        assertThat(fixture.owner().sql("select name_ru from organisation where id = :id").param("id", school)
                .query(String.class).single()).isEqualTo("Первая правка");
        // the version in the body counts as well (a client that sends back what it read); a tag not ours never matches
        mvc.perform(put("/api/v1/organisations/" + school).with(officer()).contentType(MediaType.APPLICATION_JSON)
                        .content(body(school, "Третья", "+77010000004").replace("}", ", \"version\": 0}")))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(put("/api/v1/organisations/" + school).with(officer()).header("If-Match", "\"abc\"")
                        .contentType(MediaType.APPLICATION_JSON).content(body(school, "Четвёртая", "+77010000005")))
                .andExpect(status().isPreconditionFailed());
        assertThat(version(school)).isEqualTo(1);
    }

    @Test
    @DisplayName("twenty concurrent edits with the version they read: exactly one wins, nineteen get 412 with the winner's state")
    void twentyEditsOneVersion() throws Exception {
        long school = school("Жарыс");
        String tag = etag(school);
        var answers = concurrently(i -> put("/api/v1/organisations/" + school).with(officer()).header("If-Match", tag)
                .contentType(MediaType.APPLICATION_JSON).content(body(school, "Правка " + i, "+7701000" + (1000 + i))));
        var won = answers.stream().filter(a -> a.getStatus() == 200).toList();
        assertThat(won).hasSize(1);
        String winner = json.readTree(won.get(0).getContentAsString()).get("nameRu").asString();
        for (var answer : answers) {
            if (answer.getStatus() == 200) continue;
            assertThat(answer.getStatus()).isEqualTo(412);
            JsonNode current = json.readTree(answer.getContentAsString()).get("current");
            assertThat(current.get("nameRu").asString()).isEqualTo(winner);
            assertThat(current.get("version").asLong()).isEqualTo(1);
        }
        assertThat(version(school)).isEqualTo(1);
        assertThat(fixture.owner().sql("select name_ru from organisation where id = :id").param("id", school)
                .query(String.class).single()).isEqualTo(winner);
    }

    @Test
    @DisplayName("twenty concurrent edits naming no version: none is lost silently — each success is a new version, each other a 409 with the current state")
    void twentyEditsNoVersion() throws Exception {
        long school = school("Жарыс екі");
        var answers = concurrently(i -> put("/api/v1/organisations/" + school).with(officer())
                .contentType(MediaType.APPLICATION_JSON).content(body(school, "Без версии " + i, "+7701000" + (2000 + i))));
        var versions = new HashSet<Long>();
        int saved = 0;
        for (var answer : answers) {
            JsonNode body = json.readTree(answer.getContentAsString());
            if (answer.getStatus() == 200) {
                saved++;
                assertThat(versions.add(body.get("version").asLong())).as("each success saved its own version").isTrue();
            } else {
                assertThat(answer.getStatus()).isEqualTo(409);
                assertThat(body.get("code").asString()).isEqualTo("CONFLICT");
                assertThat(body.get("current").get("version").asLong()).isPositive();
            }
        }
        assertThat(saved).isPositive();
        assertThat(version(school)).as("every saved edit is one version: none overwritten unseen").isEqualTo(saved);
    }

    @Test
    @DisplayName("a school's stale edit of its contacts (the name changed meanwhile) is 412 with the current state, not 403")
    void staleSchoolEdit() throws Exception {
        long school = school("Байланыс");
        var admin = TestUsers.organisationAdmin(school, settlement);
        String read = mvc.perform(get("/api/v1/organisations/" + school).with(admin)).andReturn().getResponse()
                .getContentAsString();
        String tag = etag(school);
        mvc.perform(put("/api/v1/organisations/" + school).with(officer()).header("If-Match", tag)
                .contentType(MediaType.APPLICATION_JSON).content(body(school, "Переименована", "+77010000006")))
                .andExpect(status().isOk());
        // the school sends back what it read, with a new phone
        String edited = read.replaceFirst("\"phone\":(null|\"[^\"]*\")", "\"phone\":\"+77019998877\"");
        mvc.perform(put("/api/v1/organisations/" + school).with(admin).header("If-Match", tag)
                        .contentType(MediaType.APPLICATION_JSON).content(edited))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.current.nameRu").value("Переименована"));
        mvc.perform(put("/api/v1/organisations/" + school).with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content(edited))
                .andExpect(status().isPreconditionFailed());
    }

    @Test
    @DisplayName("a stale edit form shows a conflict message and the current values beside the fields; nothing is saved")
    void staleForm() throws Exception {
        long school = school("Нысан");
        String bin = fixture.owner().sql("select bin from organisation where id = :id").param("id", school)
                .query(String.class).single();
        mvc.perform(get("/organisations/" + school + "/edit").with(officer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"version\" value=\"0\"")));
        mvc.perform(put("/api/v1/organisations/" + school).with(officer())
                .contentType(MediaType.APPLICATION_JSON).content(body(school, "Новое имя", "+77010000007")))
                .andExpect(status().isOk());
        mvc.perform(post("/organisations/" + school).with(officer()).with(csrf()).param("lang", "en")
                        .param("version", "0").param("bin", bin).param("nameKk", "Нысан мектебі")
                        .param("nameRu", "Моё имя").param("kind", "GENERAL_SECONDARY_SCHOOL").param("ownership", "STATE")
                        .param("kato", settlement).param("languages", "kk", "ru").param("shifts", "2")
                        .param("occupancyNorm", "25").param("phone", "+77010000008"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone else saved this record while you were editing it")))
                .andExpect(content().string(containsString("now: Новое имя")))
                .andExpect(content().string(containsString("value=\"Моё имя\"")))
                .andExpect(content().string(containsString("name=\"version\" value=\"1\"")));
        assertThat(fixture.owner().sql("select name_ru from organisation where id = :id").param("id", school)
                .query(String.class).single()).isEqualTo("Новое имя");
    }

    @Test
    @DisplayName("classes too: ETag and If-Match on the API (412 with the class as it is), a version on the form")
    void classes() throws Exception {
        long school = school("Сынып");
        long schoolClass = fixture.schoolClass(school, settlement, 2026, 5, "А", "kk", 25);
        String tag = mvc.perform(get("/api/v1/classes/" + schoolClass).with(officer())).andExpect(status().isOk())
                .andReturn().getResponse().getHeader("ETag");
        assertThat(tag).isEqualTo("\"0\"");
        mvc.perform(put("/api/v1/classes/" + schoolClass).with(officer()).header("If-Match", tag)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"grade\": 5, \"letter\": \"Б\", \"capacity\": 24}"))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""));
        mvc.perform(put("/api/v1/classes/" + schoolClass).with(officer()).header("If-Match", tag)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"grade\": 5, \"letter\": \"В\"}"))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.current.letter").value("Б"));
        mvc.perform(post("/classes/" + schoolClass).with(officer()).with(csrf()).param("lang", "en")
                        .param("version", "0").param("academicYear", "2026").param("grade", "5").param("letter", "Г")
                        .param("language", "kk").param("shift", "1").param("capacity", "25"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone else saved this record")))
                .andExpect(content().string(containsString("now: Б")))
                .andExpect(content().string(not(containsString("now: 2026"))));
        assertThat(fixture.owner().sql("select letter from school_class where id = :id").param("id", schoolClass)
                .query(String.class).single()).isEqualTo("Б");
    }

    interface Request {
        org.springframework.test.web.servlet.RequestBuilder of(int i);
    }

    /** The requests sent at once from {@value #THREADS} threads. */
    List<MockHttpServletResponse> concurrently(Request request) throws Exception {
        var pool = Executors.newFixedThreadPool(THREADS);
        var start = new CyclicBarrier(THREADS);
        try {
            List<Future<MockHttpServletResponse>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int n = i;
                Callable<MockHttpServletResponse> call = () -> {
                    var built = request.of(n);
                    start.await(10, TimeUnit.SECONDS);
                    return mvc.perform(built).andReturn().getResponse();
                };
                futures.add(pool.submit(call));
            }
            List<MockHttpServletResponse> answers = new ArrayList<>();
            for (var future : futures) answers.add(future.get(60, TimeUnit.SECONDS));
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
