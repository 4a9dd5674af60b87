package kz.bilim.opendata.internal;

import kz.bilim.TestUsers;
import kz.bilim.identity.Iin;
import kz.bilim.identity.Sex;
import kz.bilim.organisation.RegistryFixture;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * OD-1…OD-3 over HTTP on a fixed day, 3 December 2026 (the same context as FixedClockAdmissionTest): the public
 * catalogue and its states, generation from the registries, uploads refused for personal data, who may publish.
 */
@kz.bilim.BilimTestOnFixedDay
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenDataApiTest {

    static final String API = "/api/v1/open-data/datasets";

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;
    @Autowired
    Publishing publishing;
    @Autowired
    java.time.Clock clock;

    RegistryFixture fixture;
    String settlement;
    long school;
    long kindergarten;
    Iin pupil;

    @BeforeAll
    void registry() {
        fixture = new RegistryFixture(ownerDataSource, YearMonth.of(2011, 7), 7600);
        settlement = fixture.districtWithSettlement("111800000", false);
        school = fixture.organisation(settlement, "Ашық деректер", "BASIC_SCHOOL", 1, "kk");
        kindergarten = fixture.organisation(settlement, "Ашық бала", "PRESCHOOL", 1, "kk");
        pupil = fixture.nextIin(LocalDate.of(2015, 4, 2), Sex.MALE);
        long person = fixture.person(pupil, "Жариялов", "Асқар", settlement);
        fixture.enrolment(person, school, null, settlement, 5, LocalDate.of(2025, 9, 1));
        // children of the single database (held by Justice, V170's bit 16): 10, 10 and 17 years old on 1 January
        // 2026, and one of 18, who is not a child any more
        child("Ашықұлы", LocalDate.of(2015, 6, 1), "MALE");
        child("Ашықбаев", LocalDate.of(2015, 2, 1), "MALE");
        child("Ашықова", LocalDate.of(2008, 3, 1), "FEMALE");
        child("Ересеков", LocalDate.of(2007, 12, 31), "MALE");
    }

    private void child(String surname, LocalDate born, String sex) {
        fixture.owner().sql("""
                        insert into child (last_name, first_name, birth_date, sex, kato, name_key, held)
                        values (:l, 'Бала', :b, :s, :k, child_name_key(:l, 'Бала'), 16)""")
                .param("l", surname).param("b", born).param("s", sex).param("k", settlement).update();
    }

    private String bin(long organisation) {
        return fixture.owner().sql("select bin from organisation where id = :id").param("id", organisation)
                .query(String.class).single();
    }

    private int releases(int dataset) {
        return fixture.owner().sql("select count(*) from open_dataset_release where dataset = :d").param("d", dataset)
                .query(Integer.class).single();
    }

    @Test
    @DisplayName("OD-1 anyone reads the 61 datasets with the period due now and its state; the late ones on request")
    void publicCatalogue() throws Exception {
        mvc.perform(get(API)).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(61)))
                .andExpect(jsonPath("$[0].number").value(1))
                .andExpect(jsonPath("$[0].periodicity").value("YEARLY"))
                .andExpect(jsonPath("$[0].source").value("PORTAL_WORKSTATION"));
        // No. 9: yearly in the first quarter — on 3 December 2026 its 2026 period was due on 31 March: late
        mvc.perform(get(API + "/9")).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("LATE"))
                .andExpect(jsonPath("$.current.period").value("2026"))
                .andExpect(jsonPath("$.current.due").value("2026-03-31"))
                .andExpect(jsonPath("$.next.period").value("2027"));
        mvc.perform(get(API).param("state", "LATE")).andExpect(jsonPath("$[*].number", hasItem(9)))
                .andExpect(jsonPath("$[*].state", not(hasItem("DUE"))));
        // No. 2: yearly in the fourth quarter — open since 1 October, due 31 December: due, not late
        mvc.perform(get(API + "/2")).andExpect(jsonPath("$.state").value("DUE"))
                .andExpect(jsonPath("$.current.dueAt").value("2026-12-31T23:59:59.999+05:00"));
        mvc.perform(get(API).param("state", "SOON")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("state"));
        mvc.perform(get(API + "/62")).andExpect(status().isNotFound());
    }

    @Test
    @DisplayName("OD-3 the schools register is generated from the organisation registry: schools only, with their BINs")
    void schoolRegister() throws Exception {
        var created = mvc.perform(post(API + "/6/releases/generate").with(TestUsers.ministry()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.period").value("2026"))
                .andExpect(jsonPath("$.origin").value("REGISTRY")).andReturn();
        String location = created.getResponse().getHeader("Location");
        var file = mvc.perform(get(location)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8")).andReturn();
        String csv = file.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("region_kato,region_kk,region_ru,kato,bin,");
        assertThat(csv).contains(bin(school)).contains("Школа Ашық деректер").doesNotContain(bin(kindergarten));
        assertThat(csv).doesNotContain(pupil.value()).doesNotContain("Жариялов");
        int schools = fixture.owner().sql("select count(*) from organisation where kind not in ('PRESCHOOL', "
                + "'TVET_COLLEGE')").query(Integer.class).single();
        assertThat(csv.lines().count() - 1).isEqualTo(schools);
        assertThat(file.getResponse().getHeader("ETag")).isEqualTo("\"" + Publishing.sha256(
                file.getResponse().getContentAsByteArray()) + "\"");
        // the kindergartens' register is the other way round
        var preschool = mvc.perform(post(API + "/5/releases/generate").with(TestUsers.ministry()))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        String kindergartens = mvc.perform(get(preschool)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(kindergartens).contains(bin(kindergarten)).doesNotContain(bin(school));
    }

    @Test
    @DisplayName("OD-3 school accessibility per quarter counts each region's schools and pupils as the registry holds them")
    void schoolAccess() throws Exception {
        var location = mvc.perform(post(API + "/10/releases/generate").param("period", "2026-Q3")
                .with(TestUsers.ministry())).andExpect(status().isCreated()).andReturn().getResponse()
                .getHeader("Location");
        String csv = mvc.perform(get(location)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        var row = csv.lines().filter(l -> l.startsWith("2026-09-30,110000000,")
                && l.contains(",RURAL,BASIC_SCHOOL,")).findFirst().orElseThrow();
        var cells = row.split(",");
        long schools = fixture.owner().sql("select count(*) from organisation where kato like '11%' "
                + "and kind = 'BASIC_SCHOOL' and not urban").query(Long.class).single();
        long pupils = fixture.owner().sql("""
                select count(*) from enrolment e join organisation o on o.id = e.organisation_id
                 where o.kato like '11%' and o.kind = 'BASIC_SCHOOL' and not o.urban
                   and e.enrolled_from <= date '2026-09-30' and (e.enrolled_to is null or e.enrolled_to >= date '2026-09-30')
                """).query(Long.class).single();
        assertThat(Long.parseLong(cells[cells.length - 2])).isEqualTo(schools);
        assertThat(Long.parseLong(cells[cells.length - 1])).isEqualTo(pupils).isPositive();
        // the fourth quarter is not over: its release is not accepted yet
        mvc.perform(post(API + "/10/releases/generate").param("period", "2026-Q4").with(TestUsers.ministry()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("period"));
    }

    @Test
    @DisplayName("OD-3 an upload holding an IIN or a column of personal data is refused, naming it, and nothing is stored")
    void personalDataRefused() throws Exception {
        int before = releases(13);
        mvc.perform(post(API + "/13/releases").param("period", "2026").with(TestUsers.ministry())
                        .contentType("text/csv").content("region,iin,children\n11,x,3\n"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("iin"));
        mvc.perform(post(API + "/13/releases").param("period", "2026").with(TestUsers.ministry())
                        .contentType("text/csv").content("region,note\n11,ok\n12,see " + pupil.value() + "\n"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("note"))
                .andExpect(jsonPath("$.errors[0].reason", org.hamcrest.Matchers.containsString("3")));
        mvc.perform(post(API + "/13/releases").param("period", "2026").with(TestUsers.ministry())
                        .header("Accept-Language", "ru").contentType("text/csv").content("Фамилия,дети\nА,1\n"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].reason", org.hamcrest.Matchers.containsString("персональные")));
        mvc.perform(post(API + "/13/releases").param("period", "2026").with(TestUsers.ministry())
                        .contentType("text/csv").content(new byte[]{'a', ',', (byte) 0xC3, '\n'}))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("file"));
        assertThat(releases(13)).isEqualTo(before);
    }

    @Test
    @DisplayName("OD-1 an uploaded release is the period's version 1, a correction version 2; both stay readable")
    void uploadAndCorrect() throws Exception {
        String bin = bin(school); // a BIN is an organisation's, not a person's: accepted
        mvc.perform(post(API + "/14/releases").param("period", "2026").with(TestUsers.ministry())
                        .contentType("text/csv").content("region,bin,sections\n11," + bin + ",4\n"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.rows").value(1))
                .andExpect(header().string("Location", API + "/14/releases/2026?version=1"));
        mvc.perform(post(API + "/14/releases").param("period", "2026").with(TestUsers.ministry())
                        .contentType("text/csv").content("region,bin,sections\n11," + bin + ",5\n12," + bin + ",1\n"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(2));
        mvc.perform(get(API + "/14")).andExpect(jsonPath("$.state").value("PUBLISHED"))
                .andExpect(jsonPath("$.latest.version").value(2)).andExpect(jsonPath("$.latest.rows").value(2));
        assertThat(mvc.perform(get(API + "/14/releases/2026").param("version", "1")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains(",4");
        assertThat(mvc.perform(get(API + "/14/releases/2026")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains(",5");
        // a period the dataset does not have, or one not open yet
        mvc.perform(post(API + "/14/releases").param("period", "2026-Q2").with(TestUsers.ministry())
                .contentType("text/csv").content("a\n1\n")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("period"));
        mvc.perform(post(API + "/14/releases").param("period", "2027").with(TestUsers.ministry())
                .contentType("text/csv").content("a\n1\n")).andExpect(status().isUnprocessableContent());
        // a dataset this system does not hold is not generated
        mvc.perform(post(API + "/14/releases/generate").with(TestUsers.ministry()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("dataset"));
        int audited = fixture.owner().sql("select count(*) from audit_event where subject_type = 'open-dataset-release' "
                + "and details ->> 'dataset' = '14'").query(Integer.class).single();
        assertThat(audited).isEqualTo(2);
    }

    @Test
    @DisplayName("OD-1 only the ministry publishes: anonymous 401, a district officer 403, nothing stored")
    void onlyTheMinistryPublishes() throws Exception {
        int before = releases(15);
        mvc.perform(post(API + "/15/releases").param("period", "2026").contentType("text/csv").content("a\n1\n"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post(API + "/15/releases").param("period", "2026").with(TestUsers.district("111800000"))
                .contentType("text/csv").content("a\n1\n")).andExpect(status().isForbidden());
        mvc.perform(post(API + "/7/releases/generate").with(TestUsers.district("111800000")))
                .andExpect(status().isForbidden());
        assertThat(releases(15)).isEqualTo(before);
    }

    @Test
    @DisplayName("OD-1 the list of state services opens a period on each approval, due in 10 working days, at most twice a year")
    void approvals() throws Exception {
        mvc.perform(post(API + "/30/events").with(TestUsers.ministry()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"occursOn\":\"2026-03-02\",\"note\":\"Register of state services amended\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.obligation.due").value("2026-03-17"));
        mvc.perform(post(API + "/30/events").with(TestUsers.ministry()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"occursOn\":\"2026-11-20\",\"note\":\"Second amendment\"}")).andExpect(status().isCreated());
        mvc.perform(get(API + "/30")).andExpect(jsonPath("$.current.period").value("2026-11-20"))
                .andExpect(jsonPath("$.current.due").value("2026-12-04")) // Friday 20 November + 10 working days
                .andExpect(jsonPath("$.state").value("DUE"));
        mvc.perform(post(API + "/30/events").with(TestUsers.ministry()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"occursOn\":\"2026-12-01\",\"note\":\"Third\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.clause").value("OD-1"));
        mvc.perform(post(API + "/6/events").with(TestUsers.ministry()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"occursOn\":\"2026-12-01\",\"note\":\"x\"}")).andExpect(status().isUnprocessableContent());
        mvc.perform(post(API + "/30/events").with(TestUsers.ministry()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"occursOn\":\"1 March\",\"note\":\"x\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("occursOn"));
    }

    @Test
    @DisplayName("OD-3 children under 18 per region, sex, urban or rural and age: the registry's counts, never a child")
    void childrenUnder18() throws Exception {
        var location = mvc.perform(post(API + "/7/releases/generate").with(TestUsers.ministry()))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        String csv = mvc.perform(get(location)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow())
                .isEqualTo("year,region_kato,region_kk,region_ru,sex,settlement_type,age,children");
        assertThat(csv).doesNotContain("Ашықұлы").doesNotContain("Ашықова").doesNotContain("Бала");
        long expected = fixture.owner().sql("""
                select count(*) from child c join territory t on t.kato = c.kato
                 where c.kato like '11%' and c.held <> 0 and c.merged_into is null and c.sex = 'MALE' and not t.urban
                   and extract(year from age(date '2026-01-01', c.birth_date)) = 10
                """).query(Long.class).single();
        var row = csv.lines().filter(l -> l.startsWith("2026,110000000,") && l.contains(",MALE,RURAL,10,"))
                .findFirst().orElseThrow();
        assertThat(Long.parseLong(row.substring(row.lastIndexOf(',') + 1))).isEqualTo(expected).isGreaterThanOrEqualTo(2);
        assertThat(csv.lines().filter(l -> l.contains(",18,"))).isEmpty();
    }

    @Test
    @DisplayName("OD-1 the daily publication runs once with two schedulers on one database (ShedLock) and fills what is due")
    void publicationRunsOnce() throws Exception {
        var a = new PublicationSchedule(publishing, clock, kz.bilim.platform.database.JobLocks.provider(ownerDataSource));
        var b = new PublicationSchedule(publishing, clock, kz.bilim.platform.database.JobLocks.provider(ownerDataSource));
        var barrier = new java.util.concurrent.CyclicBarrier(2);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.List<Integer> byA, byB;
        try {
            var ranA = pool.submit(() -> {
                barrier.await();
                return a.run();
            });
            var ranB = pool.submit(() -> {
                barrier.await();
                return b.run();
            });
            byA = ranA.get(120, java.util.concurrent.TimeUnit.SECONDS);
            byB = ranB.get(120, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            pool.shutdown();
        }
        assertThat(byA.isEmpty() ^ byB.isEmpty()).as("one instance published, the other found the day's lock").isTrue();
        // Nos. 8 and 26 are published by no other test: their 2026 periods were open and unpublished
        assertThat(byA.isEmpty() ? byB : byA).contains(8, 26).doesNotContain(9, 13);
        mvc.perform(get(API + "/26")).andExpect(jsonPath("$.state").value("PUBLISHED"))
                .andExpect(jsonPath("$.latest.origin").value("REGISTRY"));
        assertThat(a.run()).isEmpty();
        assertThat(fixture.owner().sql("select count(*) from open_dataset_release where dataset = 26")
                .query(Integer.class).single()).isEqualTo(1);
    }
}
