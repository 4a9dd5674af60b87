package kz.bilim.child.internal;

import com.jayway.jsonpath.JsonPath;
import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.child.ChildFixture;
import kz.bilim.child.ChildList;
import kz.bilim.identity.Iin;
import kz.bilim.identity.Sex;
import kz.bilim.kernel.Almaty;
import kz.bilim.kernel.KatoRange;
import kz.bilim.organisation.AcademicYear;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static kz.bilim.child.ChildFixture.HEADER;
import static kz.bilim.child.ChildFixture.TODAY;
import static kz.bilim.child.ChildFixture.file;
import static kz.bilim.child.ChildFixture.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * CA-3: the kept counts of the nine lists (V170) equal a fresh count over the children — after imports, after an
 * enrolment change (which refreshes only the person concerned), on another day — and the SQL name key of the
 * set-based registry staging equals the Java one.
 */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChildListCountsTest {

    static final String DISTRICT = "626600000";
    static final int YEAR = AcademicYear.current(Clock.system(Almaty.ZONE)).startYear();

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;

    ChildFixture fixture;
    String here;
    long school;
    long grade5;
    Iin uncovered;
    Iin quiet;
    Iin kandas;

    @BeforeAll
    void fixtures() throws Exception {
        fixture = new ChildFixture(ownerDataSource, mvc, YearMonth.of(2016, 5), 7700);
        here = fixture.registry.districtWithSettlement(DISTRICT, false);
        school = fixture.registry.organisation(here, "Есеп", "GENERAL_SECONDARY_SCHOOL", 1, "kk");
        grade5 = fixture.registry.schoolClass(school, here, YEAR, 5, "А", "kk", 25);
        Iin small = fixture.child(3, Sex.MALE);
        uncovered = fixture.child(10, Sex.FEMALE);
        quiet = fixture.child(11, Sex.MALE);
        Iin teen = fixture.child(16, Sex.MALE);
        kandas = fixture.child(5, Sex.FEMALE);
        fixture.imported(officer(), "JUSTICE", DISTRICT, file(HEADER, row(small, "Санақ", "Кіші", here),
                row(uncovered, "Санақ", "Айгүл", here), row(quiet, "Санақ", "Тыныш", here),
                row(teen, "Санақ", "Жасөспірім", here),
                ",Санақ,Шетелдік,,%s,M,UZ,%s".formatted(TODAY.minusYears(9), here)));
        fixture.imported(officer(), "KANDAS", DISTRICT, file(HEADER, row(kandas, "Санақ", "Қандас", here)));
        // a pupil written behind the application's back (no enrolment event): a per-person refresh must not see it
        fixture.registry.enrolment(fixture.registry.person(quiet, "Санақ", "Тыныш", here), school, grade5, here, 5,
                TODAY.minusYears(1));
    }

    RequestPostProcessor officer() {
        return TestUsers.district(DISTRICT);
    }

    Map<ChildList, Long> kept(String kato, RequestPostProcessor user) throws Exception {
        String body = mvc.perform(get("/api/v1/children/lists" + (kato == null ? "" : "?kato=" + kato)).with(user))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var counts = new EnumMap<ChildList, Long>(ChildList.class);
        for (var l : ChildList.values())
            counts.put(l, ((Number) JsonPath.read(body, "$.counts." + l.name())).longValue());
        return counts;
    }

    /**
     * A fresh count by the Java rules of ChildListPolicy over the records of the subtree, on a day (a record merged
     * into another — CA-2, ChildReviewTest leaves some — is on no list by those rules).
     */
    Map<ChildList, Long> fresh(String prefix, LocalDate day) {
        var range = KatoRange.under(prefix);
        var counts = new EnumMap<ChildList, Long>(ChildList.class);
        for (var e : ChildListPolicy.RULES.entrySet())
            counts.put(e.getKey(), fixture.owner.sql("select count(*) from child c where c.kato between :from and :to and ("
                            + e.getValue() + ")").param("from", range.first()).param("to", range.last())
                    .param("today", day).query(Long.class).single());
        return counts;
    }

    Map<ChildList, Long> keptInTable(String prefix) {
        var range = KatoRange.under(prefix);
        var counts = new EnumMap<ChildList, Long>(ChildList.class);
        for (var l : ChildList.values()) {
            String column = l == ChildList.FOREIGN ? "foreign_children" : l.name().toLowerCase(Locale.ROOT);
            counts.put(l, fixture.owner.sql("select coalesce(sum(" + column + "), 0) from child_list_count "
                    + "where kato between :from and :to").param("from", range.first()).param("to", range.last())
                    .query(Long.class).single());
        }
        return counts;
    }

    @Test
    @DisplayName("CA-3 the kept counts of the district, its region and the whole country equal a fresh count of every list after imports")
    void afterImports() throws Exception {
        var district = kept(DISTRICT, officer());
        assertThat(district).isEqualTo(fresh("6266", TODAY));
        assertThat(district.get(ChildList.SCHOOL_AGE)).isEqualTo(4);
        assertThat(district.get(ChildList.FOREIGN)).isEqualTo(1);
        assertThat(district.get(ChildList.KANDAS)).isEqualTo(1);
        assertThat(kept("620000000", TestUsers.ministry())).isEqualTo(fresh("62", TODAY));
        assertThat(kept(null, TestUsers.ministry())).isEqualTo(fresh("", TODAY));
    }

    @Test
    @DisplayName("CA-3 an admission and an expulsion refresh that pupil only — not the settlement — and the kept counts stay equal to a fresh count")
    void afterEnrolmentChange() throws Exception {
        long before = kept(DISTRICT, officer()).get(ChildList.NOT_COVERED);
        String admitted = mvc.perform(post("/api/v1/enrolments").with(officer()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"organisationId": %d, "classId": %d, "from": "%s", "admissionOrder": "№ 7-қ",
                                 "person": {"iin": "%s", "lastName": "Санақ", "firstName": "Айгүл", "birthDate": "%s",
                                            "residenceKato": "%s"}}
                                """.formatted(school, grade5, TODAY, uncovered.value(), uncovered.birthDate(), here)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long enrolment = ((Number) JsonPath.read(admitted, "$.id")).longValue();
        await(() -> holds(uncovered, true));
        assertThat(kept(DISTRICT, officer())).isEqualTo(fresh("6266", TODAY))
                .containsEntry(ChildList.NOT_COVERED, before - 1);
        // the pupil enrolled without an event is still not on the EMIS source: the settlement was not re-read
        assertThat(fixture.count("select count(*) from child_source cs join child c on c.id = cs.child_id "
                + "where c.iin = ? and cs.source = 'EMIS_SCHOOL'", quiet.value())).isZero();
        mvc.perform(post("/api/v1/enrolments/" + enrolment + "/expulsion").with(officer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\": \"%s\", \"expulsionOrder\": \"№ 8-қ\"}".formatted(TODAY)))
                .andExpect(status().isOk());
        await(() -> holds(uncovered, false));
        assertThat(kept(DISTRICT, officer())).isEqualTo(fresh("6266", TODAY))
                .containsEntry(ChildList.NOT_COVERED, before);
    }

    boolean holds(Iin iin, boolean active) {
        return fixture.count("select count(*) from child_source cs join child c on c.id = cs.child_id "
                + "where c.iin = ? and cs.source = 'EMIS_SCHOOL' and cs.origin = 'REGISTRY' and cs.active = ?",
                iin.value(), active) == 1;
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 300 && !condition.getAsBoolean(); i++) Thread.sleep(50);
        assertThat(condition.getAsBoolean()).as("the registry refresh after the enrolment change").isTrue();
    }

    @Test
    @DisplayName("CA-3 a record merged into another is on no list: its lists are empty, and the kept counts lose it at once")
    void mergedOnNoList() throws Exception {
        Iin twin = fixture.child(9, Sex.FEMALE);
        fixture.imported(officer(), "KANDAS", DISTRICT, file(HEADER, row(kandas, "Санақ", "Қандас", here),
                row(twin, "Санақ", "Егіз", here)));
        var before = kept(DISTRICT, officer());
        long id = fixture.count("select id from child where iin = ?", twin.value());
        long survivor = fixture.count("select id from child where iin = ?", uncovered.value());
        assertThat(lists(id)).contains("SCHOOL_AGE", "KANDAS");
        // as the review queue's merge leaves it (ChildReview): history, its IIN and person given up
        fixture.owner.sql("update child set merged_into = ?, merged_at = now(), iin = null where id = ?")
                .param(survivor).param(id).update();
        assertThat(lists(id)).isEqualTo("{}");
        assertThat(fixture.owner.sql("select child_list_bits(birth_date, exempt, held, citizenship, current_date, true) "
                + "from child where id = ?").param(id).query(Integer.class).single()).isZero();
        var after = kept(DISTRICT, officer());
        assertThat(after).isEqualTo(fresh("6266", TODAY))
                .containsEntry(ChildList.SCHOOL_AGE, before.get(ChildList.SCHOOL_AGE) - 1)
                .containsEntry(ChildList.KANDAS, before.get(ChildList.KANDAS) - 1);
        fixture.owner.sql("update child_list_count_day set as_of = null").update();
        assertThat(kept(DISTRICT, officer())).isEqualTo(after);
        assertThat(fixture.count("select children from child_list_count where kato = ?", here))
                .isEqualTo(fixture.count("select count(*) from child where kato = ? and merged_into is null", here));
    }

    String lists(long id) {
        return fixture.owner.sql("select " + ChildListPolicy.listsOfChild() + "::text from child c where c.id = :id")
                .param("id", id).param("today", TODAY).query(String.class).single();
    }

    @Test
    @DisplayName("CA-3 ages move children between lists: the counts rebuilt for another day equal a fresh count of that day, and a read today rebuilds them for today")
    void anotherDay() throws Exception {
        var later = TODAY.plusYears(7);
        fixture.owner.sql("select child_list_counts_rebuild(?)").param(later).query((rs, n) -> 1).list();
        assertThat(keptInTable("6266")).isEqualTo(fresh("6266", later));
        assertThat(fresh("6266", later)).isNotEqualTo(fresh("6266", TODAY));
        assertThat(kept(DISTRICT, officer())).isEqualTo(fresh("6266", TODAY));
        assertThat(keptInTable("6266")).isEqualTo(fresh("6266", TODAY));
    }

    @Test
    @DisplayName("CA-2 the name key of the set-based staging (SQL) is the Java one: Kazakh, Russian and Latin spellings meet")
    void nameKeyInSql() {
        for (var name : List.of("Нұрланов", "Нурланов", "Nurlanov", "Nūrlanov", "Қасымов", "Касымов", "Qasymov",
                "Kasymov", "Жұмабаев", "Zhumabaev", "Jumabayev", "Щербакова", "Юсупова", "Ясауи", "Хабибуллин",
                "Khabibullin", "Шәкенов", "Şäkenov", "Çelik", "Ильин", "Сейітов", "Әбдірахманов", "Ысқақов", "Ёлкин",
                "Подъячев", "Соловьёв", "Ғабдуллин", "Ke-Li O'Neil", "ŁUKASZ", "Аллаяров", "Yessenov", "  ")) {
            String sql = fixture.owner.sql("select child_name_fold(?)").param(name).query(String.class).single();
            assertThat(sql).as(name).isEqualTo(NameKey.fold(name));
        }
        assertThat(fixture.owner.sql("select child_name_key('Нұрланов', 'Әлихан')").query(String.class).single())
                .isEqualTo(NameKey.of("Nurlanov", "Alikhan"));
    }
}
