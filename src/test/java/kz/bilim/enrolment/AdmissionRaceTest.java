package kz.bilim.enrolment;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.identity.Iin;
import kz.bilim.identity.Sex;
import kz.bilim.kernel.Almaty;
import kz.bilim.organisation.AcademicYear;
import kz.bilim.organisation.RegistryFixture;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Concurrent admissions of one new IIN: one registers the person and admits them; every other waits for it on the
 * unique IIN, links that person and is refused by TR-7 (never in two organisations at once) — 422 citing TR-7, not a
 * generic 409 from the unique index.
 */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdmissionRaceTest {

    static final String DISTRICT = "597100000";
    static final int ADMISSIONS = 8;
    static final int ROUNDS = 4;
    static final LocalDate TODAY = LocalDate.now(Almaty.ZONE);
    static final int YEAR = AcademicYear.current(java.time.Clock.system(Almaty.ZONE)).startYear();

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;
    @Autowired
    JsonMapper json;

    RegistryFixture fixture;
    String settlement;
    final List<long[]> classes = new ArrayList<>();

    @BeforeAll
    void fixtures() {
        fixture = new RegistryFixture(ownerDataSource, YearMonth.of(2009, 8), 9500);
        settlement = fixture.districtWithSettlement(DISTRICT, false);
        for (String name : List.of("Бірінші", "Екінші")) {
            long school = fixture.organisation(settlement, name, "GENERAL_SECONDARY_SCHOOL", 1, "kk");
            classes.add(new long[]{school, fixture.schoolClass(school, settlement, YEAR, 5, "А", "kk", 30)});
        }
    }

    String admission(long[] schoolClass, Iin iin, int n) {
        return """
                {"organisationId": %d, "classId": %d, "from": "%s", "admissionOrder": "№ %d-қ",
                 "person": {"iin": "%s", "lastName": "Жарысов", "firstName": "Ерлан", "birthDate": "%s",
                            "residenceKato": "%s"}}
                """.formatted(schoolClass[0], schoolClass[1], TODAY, 100 + n, iin.value(), iin.birthDate(), settlement);
    }

    @Test
    @DisplayName("TR-7 concurrent admissions of one new IIN: one admitted, every other refused citing TR-7 (422), one person, one enrolment")
    void concurrentAdmissionsOfOneNewIin() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Iin iin = fixture.nextIin(LocalDate.of(2014, 3, 3 + round), Sex.MALE);
            var answers = concurrently(iin);
            var statuses = answers.stream().map(MockHttpServletResponse::getStatus).toList();
            assertThat(statuses).as("round %d", round).containsOnly(201, 422);
            assertThat(statuses.stream().filter(s -> s == 201)).as("round %d: one admitted", round).hasSize(1);
            for (var answer : answers) {
                if (answer.getStatus() != 422) continue;
                var problem = json.readTree(answer.getContentAsString());
                assertThat(problem.get("code").asString()).isEqualTo("RULE_REFUSED");
                assertThat(problem.get("clause").asString()).isEqualTo("TR-7");
            }
            assertThat(fixture.owner().sql("select count(*) from person where iin = :iin").param("iin", iin.value())
                    .query(Long.class).single()).isEqualTo(1);
            assertThat(fixture.owner().sql("""
                            select count(*) from enrolment e join person p on p.id = e.person_id where p.iin = :iin
                            """).param("iin", iin.value()).query(Long.class).single()).isEqualTo(1);
        }
    }

    List<MockHttpServletResponse> concurrently(Iin iin) throws Exception {
        var pool = Executors.newFixedThreadPool(ADMISSIONS);
        var start = new CyclicBarrier(ADMISSIONS);
        try {
            List<Future<MockHttpServletResponse>> futures = new ArrayList<>();
            for (int i = 0; i < ADMISSIONS; i++) {
                var request = post("/api/v1/enrolments").with(TestUsers.ministry()).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content(admission(classes.get(i % 2), iin, i));
                futures.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return mvc.perform(request).andReturn().getResponse();
                }));
            }
            List<MockHttpServletResponse> answers = new ArrayList<>();
            for (var future : futures) answers.add(future.get(60, TimeUnit.SECONDS));
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
