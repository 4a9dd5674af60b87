package kz.bilim.child.lost;

import kz.bilim.TestUsers;
import kz.bilim.child.truancy.TruancyFixture;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 9 item 5 (CA-3 lost pupils): departed pupils admitted nowhere within 15 school days, traced by an officer. */
@kz.bilim.BilimTestOnFixedDay
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LostPupilTest {

    static final String DISTRICT = "636700000";
    static final String OTHER = "636800000";

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;
    @Autowired
    LostPupilPolicy policy;
    @Autowired
    RecordingDepartures departures;

    TruancyFixture fixture;
    TruancyFixture.Pupil fourteen;
    TruancyFixture.Pupil fifteen;
    TruancyFixture.School school;
    TruancyFixture.School elsewhere;
    TruancyFixture.Pupil moved;
    TruancyFixture.Pupil stillEnrolled;

    @BeforeAll
    void fixtures() throws Exception {
        fixture = new TruancyFixture(ownerDataSource, mvc, YearMonth.of(2015, 5), 7700);
        school = fixture.school(fixture.registry.districtWithSettlement(DISTRICT, false), "Жол");
        fourteen = fixture.pupil(school, "Кеткенова", "Әсел");
        fifteen = fixture.pupil(school, "Жоғалов", "Бекзат");
        moved = fixture.pupil(school, "Көшкенов", "Дәулет");
        stillEnrolled = fixture.pupil(school, "Оқушыева", "Айгүл");
        elsewhere = fixture.school(fixture.registry.districtWithSettlement(OTHER, false), "Басқа");
        fixture.registryOf(DISTRICT);
    }

    /** The last day in school after which {@code n} whole school days have passed by today. */
    LocalDate leftWith(int n) {
        for (LocalDate d = TruancyFixture.TODAY.minusDays(1); ; d = d.minusDays(1))
            if (policy.schoolDaysSince(d, TruancyFixture.TODAY) == n) return d;
    }

    long departure(TruancyFixture.Pupil p, LocalDate leftOn) {
        return fixture.owner.sql("insert into pupil_departure (enrolment_id, person_id, organisation_id, school_kato, left_on) "
                        + "values (?, ?, ?, ?, ?) returning id")
                .params(p.enrolment(), p.person(), school.id(), school.kato(), leftOn).query(Long.class).single();
    }

    @Test
    @DisplayName("CA-3 lost pupils: 14 school days since the expulsion, not listed; 15, listed (weekends and holidays not counted, fixed Clock)")
    void fifteenSchoolDays() throws Exception {
        LocalDate left14 = leftWith(14);
        LocalDate left15 = leftWith(15);
        // weekends lie between: more calendar days than school days
        assertThat(ChronoUnit.DAYS.between(left15, TruancyFixture.TODAY)).isGreaterThan(16);
        assertThat(policy.lost(left14, TruancyFixture.TODAY)).isFalse();
        assertThat(policy.lost(left15, TruancyFixture.TODAY)).isTrue();
        long notYet = departure(fourteen, left14);
        long lost = departure(fifteen, left15);
        mvc.perform(get("/api/v1/children/lost?kato=" + DISTRICT).with(TestUsers.district(DISTRICT)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", hasItem((int) lost)))
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) notYet))))
                .andExpect(jsonPath("$.items[?(@.id == " + lost + ")].schoolDaysSince", hasItem(15)));
        // another district's officer sees nothing of it
        mvc.perform(get("/api/v1/children/lost").with(TestUsers.district(OTHER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[*].id", not(hasItem((int) lost))));
        mvc.perform(get("/api/v1/children/lost/" + lost).with(TestUsers.district(OTHER))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/children/lost/" + lost + "/owner").with(TestUsers.district(OTHER))).andExpect(status().isNotFound());

        // the officer takes the case and closes it with a reason (audited); a second close is a conflict
        mvc.perform(post("/api/v1/children/lost/" + lost + "/owner").with(TestUsers.district(DISTRICT)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.owner").isNotEmpty());
        String closing = "{\"reason\":\"MOVED_ABROAD\",\"note\":\"\"}";
        mvc.perform(post("/api/v1/children/lost/" + lost + "/closure").with(TestUsers.district(DISTRICT))
                        .contentType(MediaType.APPLICATION_JSON).content(closing))
                .andExpect(status().isOk()).andExpect(jsonPath("$.closeReason").value("MOVED_ABROAD"));
        mvc.perform(post("/api/v1/children/lost/" + lost + "/closure").with(TestUsers.district(DISTRICT))
                        .contentType(MediaType.APPLICATION_JSON).content(closing))
                .andExpect(status().isConflict());
        assertThat(fixture.owner.sql("select count(*) from audit_event where subject_type = 'lost-pupil' and subject_id = ? "
                + "and purpose = 'lost-pupil-close'").param(String.valueOf(lost)).query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/api/v1/children/lost?kato=" + DISTRICT).with(TestUsers.district(DISTRICT)))
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) lost))));
    }

    @Test
    @DisplayName("CA-3 lost pupils: an admission elsewhere (another district's school) takes the pupil off the list by itself (ADMITTED, audited); an expulsion while still enrolled is closed at once")
    void admittedElsewhere() throws Exception {
        long gone = departure(moved, leftWith(20));
        mvc.perform(get("/api/v1/children/lost?kato=" + DISTRICT).with(TestUsers.district(DISTRICT)))
                .andExpect(jsonPath("$.items[*].id", hasItem((int) gone)));
        kz.bilim.kernel.CurrentScope.asSystem(() -> departures.arrived(new kz.bilim.enrolment.PersonId(moved.person()),
                new kz.bilim.organisation.OrganisationId(elsewhere.id())));
        mvc.perform(get("/api/v1/children/lost?kato=" + DISTRICT).with(TestUsers.district(DISTRICT)))
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) gone))));
        assertThat(fixture.owner.sql("select close_reason from pupil_departure where id = ?").param(gone)
                .query(String.class).single()).isEqualTo("ADMITTED");
        assertThat(fixture.owner.sql("select count(*) from audit_event where subject_type = 'lost-pupil' and subject_id = ? "
                + "and purpose = 'admission'").param(String.valueOf(gone)).query(Long.class).single()).isEqualTo(1);

        kz.bilim.kernel.CurrentScope.asSystem(() -> departures.departed(new kz.bilim.enrolment.PupilExpelled(
                new kz.bilim.enrolment.EnrolmentId(stillEnrolled.enrolment() + 1_000_000),
                new kz.bilim.enrolment.PersonId(stillEnrolled.person()),
                new kz.bilim.organisation.OrganisationId(school.id()), leftWith(20), "№ 5")));
        assertThat(fixture.owner.sql("select close_reason from pupil_departure where person_id = ?")
                .param(stillEnrolled.person()).query(String.class).single()).isEqualTo("ADMITTED");
    }
}
