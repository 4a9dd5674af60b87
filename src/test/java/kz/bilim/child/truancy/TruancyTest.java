package kz.bilim.child.truancy;

import kz.bilim.TestUsers;
import kz.bilim.kernel.Almaty;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** CA-3 (9), CA-4 (issue 9 item 6): the monthly truant list, the police liaison's agreement, by the 10th. */
@kz.bilim.BilimTestOnFixedDay
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TruancyTest {

    static final String D1 = "636700000";
    static final String D2 = "636800000";
    static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;
    @Autowired
    FormingTruantList forming;
    @Autowired
    TruancyPolicy policy;

    TruancyFixture fixture;
    TruancyFixture.Pupil truant;
    TruancyFixture.Pupil weekends;
    TruancyFixture.Pupil excused;
    TruancyFixture.Pupil autumn;
    TruancyFixture.Pupil agreed;
    TruancyFixture.Pupil commented;

    @BeforeAll
    void fixtures() throws Exception {
        fixture = new TruancyFixture(ownerDataSource, mvc, YearMonth.of(2015, 3), 7300);
        var school1 = fixture.school(fixture.registry.districtWithSettlement(D1, false), "Сабақ");
        var school2 = fixture.school(fixture.registry.districtWithSettlement(D2, false), "Тәртіп");
        truant = fixture.pupil(school1, "Жоқова", "Айгерім");
        weekends = fixture.pupil(school1, "Демалысова", "Дана");
        excused = fixture.pupil(school1, "Себепова", "Сания");
        autumn = fixture.pupil(school1, "Күзова", "Камила");
        agreed = fixture.pupil(school2, "Келісова", "Әсел");
        commented = fixture.pupil(school2, "Түсінікова", "Томирис");
        fixture.registryOf(D1);
        fixture.registryOf(D2);
        // 11 unexcused school days: on the list
        fixture.unexcusedNovember(truant, school1, 11);
        // 10 school days, and a Saturday and a Sunday: 10 count, not more than 10
        fixture.unexcusedNovember(weekends, school1, 10);
        fixture.absent(weekends, school1, LocalDate.of(2026, 11, 28), false);
        fixture.absent(weekends, school1, LocalDate.of(2026, 11, 29), false);
        // 10 unexcused and one excused
        fixture.unexcusedNovember(excused, school1, 10);
        fixture.absent(excused, school1, LocalDate.of(2026, 11, 27), true);
        // October: 7 school days, and the autumn holidays 26–30 October (working days, no school)
        for (int d : new int[]{12, 13, 14, 15, 16, 19, 20, 26, 27, 28, 29, 30})
            fixture.absent(autumn, school1, LocalDate.of(2026, 10, d), false);
        fixture.unexcusedNovember(agreed, school2, 12);
        fixture.unexcusedNovember(commented, school2, 15);
        forming.form(OCTOBER, "test");
        forming.form(NOVEMBER, "test");
    }

    List<Long> personsOn(String district, YearMonth month) {
        return fixture.owner.sql("""
                        select c.person_id from truant_entry e join truant_list l on l.id = e.list_id
                          join child c on c.id = e.child_id where l.district = ? and l.month = ? order by 1
                        """).param(district).param(month.atDay(1)).query(Long.class).list();
    }

    @Test
    @DisplayName("CA-4 list 9 is formed per district from more than 10 unexcused school days of the previous month, counted on the working-day calendar: weekends, school holidays and excused days do not count")
    void ruleOverTheCalendar() throws Exception {
        assertThat(personsOn(D1, NOVEMBER)).containsExactly(truant.person());
        assertThat(personsOn(D1, OCTOBER)).isEmpty();
        assertThat(fixture.owner.sql("select unexcused_days from truant_entry e join child c on c.id = e.child_id "
                + "where c.person_id = ?").param(truant.person()).query(Integer.class).single()).isEqualTo(11);
        assertThat(fixture.owner.sql("select more_than || '/' || school_days from truant_list where id = ?")
                .param(fixture.list(D1, NOVEMBER)).query(String.class).single()).isEqualTo("10/21");
        // the list 9 of the single database is this list
        mvc.perform(get("/api/v1/children/lists?kato=" + D1).with(TestUsers.district(D1)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.counts.TRUANT").value(1));
        mvc.perform(get("/api/v1/children?iin=" + truant.iin().value()).with(TestUsers.district(D1)))
                .andExpect(jsonPath("$.items[0].lists", hasItem("TRUANT")));
        mvc.perform(get("/api/v1/children?iin=" + weekends.iin().value()).with(TestUsers.district(D1)))
                .andExpect(jsonPath("$.items[0].lists", not(hasItem("TRUANT"))));
        // forming the month again changes nothing
        var again = forming.form(NOVEMBER, "test-again");
        assertThat(again.lists()).isZero();
        assertThat(again.entries()).isZero();
        assertThat(personsOn(D1, NOVEMBER)).containsExactly(truant.person());
    }

    @Test
    @DisplayName("CA-4 the school days are the calendar's: public holidays, a holiday's transferred day off and school holidays are not school days")
    void schoolDaysOfTheCalendar() {
        var may = policy.schoolDays(YearMonth.of(2026, 5));
        assertThat(may).contains(LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 25))
                .doesNotContain(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 7), LocalDate.of(2026, 5, 9),
                        LocalDate.of(2026, 5, 11), LocalDate.of(2026, 5, 26), LocalDate.of(2026, 5, 29));
        assertThat(policy.schoolDays(YearMonth.of(2026, 7))).isEmpty();
        assertThat(policy.truant(10)).isFalse();
        assertThat(policy.truant(11)).isTrue();
    }

    @Test
    @DisplayName("CA-4 the list is due placed by the 10th; a 10th that is a day off moves to the end of the calendar's next working day")
    void dayOffDeadline() {
        // 10 May 2026 is a Sunday and 11 May the day off for Victory Day on Saturday the 9th: due Tuesday 12 May
        assertThat(policy.due(YearMonth.of(2026, 4)))
                .isEqualTo(ZonedDateTime.of(LocalDateTime.of(2026, 5, 12, 23, 59, 59, 999_000_000), Almaty.ZONE));
        assertThat(policy.due(NOVEMBER))
                .isEqualTo(ZonedDateTime.of(LocalDateTime.of(2026, 12, 10, 23, 59, 59, 999_000_000), Almaty.ZONE));
        assertThat(fixture.owner.sql("select due_at from truant_list where id = ?").param(fixture.list(D1, NOVEMBER))
                .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(policy.due(NOVEMBER).toInstant());
    }

    @Test
    @DisplayName("CA-4 the police liaison of the district agrees or comments on each child, audited; a liaison of another district gets 403; the agreed list is placed once every child is decided")
    void policeAgreement() throws Exception {
        long list = fixture.list(D2, NOVEMBER);
        long agreedChild = childOf(agreed);
        long commentedChild = childOf(commented);
        String decision = "/api/v1/truancy/lists/" + list + "/children/%d/decision";
        mvc.perform(post(decision.formatted(agreedChild)).with(TruancyFixture.police(D1))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"AGREED\"}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.clause").value("CA-4"));
        mvc.perform(post(decision.formatted(agreedChild)).with(TestUsers.district(D2))
                .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"AGREED\"}")).andExpect(status().isForbidden());
        mvc.perform(post(decision.formatted(commentedChild)).with(TruancyFixture.police(D2)).header("Accept-Language", "ru")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"COMMENTED\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("comment"))
                .andExpect(jsonPath("$.errors[0].reason").value("нужен комментарий"));
        mvc.perform(post(decision.formatted(agreedChild)).with(TruancyFixture.police(D2))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"AGREED\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.decision").value("AGREED"));
        // not every child decided yet: the list cannot be placed
        mvc.perform(post("/api/v1/truancy/lists/" + list + "/placement").with(TestUsers.district(D2)))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.clause").value("CA-4"));
        mvc.perform(post(decision.formatted(commentedChild)).with(TruancyFixture.police(D2))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"COMMENTED\",\"comment\":\"Болела, справка в школе\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.comment").value("Болела, справка в школе"));
        assertThat(fixture.owner.sql("select count(*) from audit_event where action = 'UPDATE' and subject_type = 'child'"
                + " and subject_id in (?, ?) and purpose = 'truant-list-decision'").param(String.valueOf(agreedChild))
                .param(String.valueOf(commentedChild)).query(Long.class).single()).isEqualTo(2);
        // list 9: the commented child is no longer on it
        mvc.perform(get("/api/v1/children/lists?kato=" + D2).with(TestUsers.district(D2)))
                .andExpect(jsonPath("$.counts.TRUANT").value(1));
        mvc.perform(post("/api/v1/truancy/lists/" + list + "/placement").with(TestUsers.district(D1)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/truancy/lists/" + list + "/placement").with(TestUsers.district(D2)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.placedAt").isNotEmpty());
        mvc.perform(post("/api/v1/truancy/lists/" + list + "/placement").with(TestUsers.district(D2)))
                .andExpect(status().isConflict());
        mvc.perform(post(decision.formatted(agreedChild)).with(TruancyFixture.police(D2))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"COMMENTED\",\"comment\":\"x\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    @DisplayName("CA-4 districts late with the list: October's list not placed by 10 November is late on 3 December, November's (due 10 December) is not yet")
    void lateDistrict() throws Exception {
        long october = fixture.list(D1, OCTOBER);
        long november = fixture.list(D1, NOVEMBER);
        mvc.perform(get("/api/v1/truancy/late").with(TestUsers.district(D1)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem((int) october)))
                .andExpect(jsonPath("$[*].id", not(hasItem((int) november))))
                .andExpect(jsonPath("$[*].district", not(hasItem(D2.substring(0, 4) + "00000"))));
        mvc.perform(get("/").with(TestUsers.district(D1))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("id=\"truant-late\"")));
    }

    @Test
    @DisplayName("CA-4 the monthly job runs once with two schedulers on one database (ShedLock), whichever starts first")
    void runsOnceWithTwoSchedulers() throws Exception {
        var clock = Clock.fixed(java.time.Instant.parse("2026-02-01T00:30:00Z"), Almaty.ZONE); // forms January 2026
        var a = new TruantSchedule(forming, policy, clock, TruantSchedule.lockProvider(ownerDataSource), "instance-a");
        var b = new TruantSchedule(forming, policy, clock, TruantSchedule.lockProvider(ownerDataSource), "instance-b");
        var barrier = new CyclicBarrier(2);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var ranA = pool.submit(() -> {
                barrier.await();
                return a.run().isPresent();
            });
            var ranB = pool.submit(() -> {
                barrier.await();
                return b.run().isPresent();
            });
            assertThat(ranA.get(60, TimeUnit.SECONDS) ^ ranB.get(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdown();
        }
        // a scheduler whose clock is a little behind fires again after the first one finished: still no second run
        assertThat(b.run()).isEmpty();
        assertThat(fixture.owner.sql("select count(*) from truant_run where month = '2026-01-01'").query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    @DisplayName("CA-2 a district officer or police liaison cannot see the truant list of another district: lists, one list, its children")
    void scope() throws Exception {
        long list = fixture.list(D1, NOVEMBER);
        mvc.perform(get("/api/v1/truancy/lists/" + list).with(TestUsers.district(D2))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/truancy/lists/" + list).with(TruancyFixture.police(D2))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/truancy/lists?month=2026-11").with(TestUsers.district(D2)))
                .andExpect(jsonPath("$[*].district", not(hasItem(D1))));
        mvc.perform(get("/truancy/lists/" + list).with(TestUsers.district(D2))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/truancy/lists/" + list).with(TestUsers.district(D1))).andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[0].iin").value(truant.iin().value()));
        mvc.perform(get("/api/v1/truancy/lists/" + list).with(TestUsers.statistics())).andExpect(status().isForbidden());
        // row-level security under the queries
        assertThat(visibleUnder("KATO:" + D2.substring(0, 4), list)).isZero();
        assertThat(visibleUnder("KATO:" + D1.substring(0, 4), list)).isEqualTo(1);
    }

    long childOf(TruancyFixture.Pupil pupil) {
        return fixture.owner.sql("select id from child where person_id = ?").param(pupil.person()).query(Long.class).single();
    }

    long visibleUnder(String scope, long list) throws Exception {
        try (var connection = ownerDataSource.getConnection(); var statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("set local role bilim_app");
            statement.execute("select set_config('bilim.scope', '" + scope + "', true), set_config('bilim.pii', 'on', true)");
            try (var rs = statement.executeQuery("select count(*) from truant_entry where list_id = " + list)) {
                rs.next();
                long n = rs.getLong(1);
                connection.rollback();
                return n;
            }
        }
    }
}
