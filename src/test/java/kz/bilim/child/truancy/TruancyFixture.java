package kz.bilim.child.truancy;

import kz.bilim.TestUsers;
import kz.bilim.access.BilimUser;
import kz.bilim.identity.Iin;
import kz.bilim.identity.Sex;
import kz.bilim.kernel.Role;
import kz.bilim.kernel.Scope;
import kz.bilim.organisation.RegistryFixture;
import kz.bilim.platform.database.OwnerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Schools, pupils (with their children of the single database), absences and users of the truancy tests. */
public final class TruancyFixture {

    /** The fixed day of these tests' application context ({@link kz.bilim.BilimTestOnFixedDay}), a Thursday. */
    public static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    public final RegistryFixture registry;
    public final JdbcClient owner;
    private final MockMvc mvc;

    public TruancyFixture(OwnerDataSource ownerDataSource, MockMvc mvc, YearMonth binMonth, int iinSerials) {
        this.registry = new RegistryFixture(ownerDataSource, binMonth, iinSerials);
        this.owner = registry.owner();
        this.mvc = mvc;
    }

    public record School(long id, String kato, long schoolClass) {
    }

    public record Pupil(long person, Iin iin, long enrolment) {
    }

    public School school(String settlement, String name) {
        long id = registry.organisation(settlement, name, "GENERAL_SECONDARY_SCHOOL", 1, "kk");
        return new School(id, settlement, registry.schoolClass(id, settlement, 2026, 5, "А", "kk", 30));
    }

    public Pupil pupil(School school, String last, String first) {
        var iin = registry.nextIin(TODAY.minusYears(11).minusDays(50), Sex.FEMALE);
        long person = registry.person(iin, last, first, school.kato());
        long enrolment = registry.enrolment(person, school.id(), school.schoolClass(), school.kato(), 5,
                LocalDate.of(2026, 9, 1));
        return new Pupil(person, iin, enrolment);
    }

    /** The children of the single database for the district's pupils (sources 1–4 read from the enrolments). */
    public void registryOf(String district) throws Exception {
        mvc.perform(post("/api/v1/children/registry?kato=" + district).with(TestUsers.district(district)))
                .andExpect(status().isOk());
    }

    void absent(Pupil pupil, School school, LocalDate day, boolean excused) {
        owner.sql("""
                        insert into attendance_absence (person_id, day, organisation_id, kato, excused, recorded_by)
                        values (?, ?, ?, ?, ?, 'test')
                        """).param(pupil.person()).param(day).param(school.id()).param(school.kato()).param(excused)
                .update();
    }

    /** Unexcused absences on {@code n} school days of November 2026 from the 2nd (Mondays to Fridays, no holiday). */
    void unexcusedNovember(Pupil pupil, School school, int n) {
        int done = 0;
        for (LocalDate d = LocalDate.of(2026, 11, 2); done < n; d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() >= 6) continue;
            absent(pupil, school, d, false);
            done++;
        }
    }

    long list(String district, YearMonth month) {
        return owner.sql("select id from truant_list where district = ? and month = ?").param(district)
                .param(month.atDay(1)).query(Long.class).single();
    }

    public static RequestPostProcessor police(String district) {
        return TestUsers.as(new BilimUser(900050 + Integer.parseInt(district.substring(2, 4)), "test.police." + district,
                "", "Test Police", Role.POLICE_LIAISON, Scope.territory(district.substring(0, 4)), district, null, "en",
                true, 0));
    }

    static RequestPostProcessor school(School school) {
        return TestUsers.organisationAdmin(school.id(), school.kato());
    }
}
