package kz.bilim.transfer;

import kz.bilim.BilimTest;
import kz.bilim.identity.Iin;
import kz.bilim.platform.database.OwnerDataSource;
import kz.bilim.signature.Signatures;
import kz.bilim.signature.SigningKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static kz.bilim.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Many parents, few places (TR-10, TR-16 (7)): 50 applications accepted at once into a class with two free places.
 * Exactly two win; every other is refused on ground 7 (422 citing TR-16) and its application refused with the
 * receipt; the class never exceeds its norm.
 */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransferRaceTest {

    static final String DISTRICT = "398600000";
    static final int APPLICATIONS = 50;
    static final int CAPACITY = 25;
    static final int FREE = 2;

    @Autowired MockMvc mvc;
    @Autowired OwnerDataSource ownerDataSource;
    @Autowired SigningKeys keys;
    @Autowired Signatures signatures;
    @Autowired Clock clock;
    @Autowired JsonMapper json;

    TransferFixture fixture;
    long receiving;
    long target;
    final List<Long> applications = new ArrayList<>();

    @BeforeAll
    void fixtures() throws Exception {
        fixture = new TransferFixture(ownerDataSource, keys, YearMonth.of(2013, 2), 8600);
        String settlement = fixture.registry.districtWithSettlement(DISTRICT, true);
        long departing = fixture.school(settlement, "Жарыстан шығатын");
        receiving = fixture.school(settlement, "Жарысқа қабылдайтын");
        target = fixture.schoolClass(receiving, 7, "А", CAPACITY);
        for (int i = 0; i < CAPACITY - FREE; i++) fixture.pupil(fixture.childIin(7), "Отырушы", receiving, target, 7, settlement);
        long from = fixture.schoolClass(departing, 7, "Б", 60);
        var parent = fixture.applicant("transfer.race.parent");
        for (int i = 0; i < APPLICATIONS; i++) {
            Iin child = fixture.childIin(7);
            fixture.pupil(child, "Жарысова", departing, from, 7, settlement);
            String form = TransferFixture.form(child, "Жарысова", receiving, LocalDate.now(clock).toString(), "MOVE",
                    "Пәтер шарты № " + i, true, null);
            var text = mvc.perform(post("/api/v1/transfers/application-text").with(as(parent.user()))
                    .contentType(MediaType.APPLICATION_JSON).content(TransferFixture.unsigned(form))).andReturn();
            byte[] content = Base64.getDecoder().decode(json.readTree(text.getResponse().getContentAsString())
                    .get("content").asString());
            var submitted = mvc.perform(post("/api/v1/transfers").with(as(parent.user()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(TransferFixture.withSignature(form, signatures.sign(content, parent.key())))).andReturn();
            assertThat(submitted.getResponse().getStatus()).isEqualTo(201);
            applications.add(json.readTree(submitted.getResponse().getContentAsString()).get("id").asLong());
        }
    }

    @Test
    @DisplayName("TR-10 TR-16 50 concurrent acceptances into a class with 2 free places: exactly 2 win, 48 refused on ground 7, the class at its norm")
    void exactlyTheFreePlacesWin() throws Exception {
        var school = as(TransferFixture.schoolAdmin(receiving, fixture.kato(receiving)));
        var pool = Executors.newFixedThreadPool(APPLICATIONS);
        var start = new CyclicBarrier(APPLICATIONS);
        List<MockHttpServletResponse> answers = new ArrayList<>();
        try {
            List<Future<MockHttpServletResponse>> futures = new ArrayList<>();
            for (long id : applications) {
                var request = post("/api/v1/transfers/" + id + "/accept").with(school).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"classId\": " + target + "}");
                futures.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return mvc.perform(request).andReturn().getResponse();
                }));
            }
            for (var future : futures) answers.add(future.get(180, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        var statuses = answers.stream().map(MockHttpServletResponse::getStatus).toList();
        assertThat(statuses).containsOnly(200, 422);
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(FREE);
        for (var answer : answers) {
            if (answer.getStatus() != 422) continue;
            var problem = json.readTree(answer.getContentAsString());
            assertThat(problem.get("clause").asString()).isEqualTo("TR-16");
            assertThat(problem.get("detail").asString()).contains("ground 7");
        }
        assertThat(fixture.owner.sql("select count(*) from enrolment where class_id = :c and enrolled_to is null")
                .param("c", target).query(Long.class).single()).isEqualTo(CAPACITY);
        var states = fixture.owner.sql("""
                        select state || ':' || coalesce(refusal_ground, '') as s, count(*) as n from transfer_application
                         where id = any(:ids) group by 1
                        """).param("ids", applications.toArray(Long[]::new))
                .query((rs, row) -> rs.getString("s") + "=" + rs.getLong("n")).list();
        assertThat(states).containsExactlyInAnyOrder("ACCEPTED:=" + FREE, "REFUSED:CLASS_FULL=" + (APPLICATIONS - FREE));
        // every child is in exactly one school
        assertThat(fixture.owner.sql("""
                        select count(*) from transfer_application a
                         where a.id = any(:ids)
                           and (select count(*) from enrolment e where e.person_id = a.child_person_id and e.enrolled_to is null) <> 1
                        """).param("ids", applications.toArray(Long[]::new)).query(Long.class).single()).isZero();
    }
}
