package kz.bilim.enrolment;

import kz.bilim.BilimTest;
import kz.bilim.identity.Sex;
import kz.bilim.organisation.RegistryFixture;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home dashboards' kept aggregate of active pupils per organisation (V166): whatever changes the enrolments —
 * admissions one by one or many in one statement, an expulsion, a school's move to another settlement, a deletion — the
 * tally equals a count of the enrolments themselves, for every organisation of the database. Fixture: district 5949
 * (North Kazakhstan), BINs of June 2014, IIN serial 9890.
 */
@BilimTest
class PupilTallyTest {

    @Autowired
    OwnerDataSource ownerDataSource;

    static final String DIFFERENCES = """
            select count(*) from (
                select organisation_id, kato, count(*) as pupils from enrolment where enrolled_to is null group by 1, 2
                except
                select organisation_id, kato, pupils from enrolment_pupil_tally where pupils <> 0) d""";
    static final String EXTRA = """
            select count(*) from enrolment_pupil_tally t where t.pupils <> (select count(*) from enrolment e
             where e.organisation_id = t.organisation_id and e.enrolled_to is null)""";

    @Test
    @DisplayName("the dashboards' tally of active pupils equals the enrolments' own count after every kind of change")
    void tallyFollowsTheRegistry() {
        var registry = new RegistryFixture(ownerDataSource, YearMonth.of(2014, 6), 9890);
        var owner = registry.owner();
        String kato = registry.districtWithSettlement("594900000", false);
        String other = registry.districtWithSettlement("594900000", true);
        long school = registry.organisation(kato, "Санақ-Мектеп", "GENERAL_SECONDARY_SCHOOL", 1, "kk");
        var from = LocalDate.of(2026, 9, 1);
        long first = registry.enrolment(registry.person(registry.nextIin(LocalDate.of(2015, 1, 5), Sex.MALE),
                "Санақов", "Бір", kato), school, null, kato, 5, from);
        registry.enrolment(registry.person(registry.nextIin(LocalDate.of(2015, 2, 6), Sex.FEMALE),
                "Санақова", "Екі", kato), school, null, kato, 5, from);
        assertThat(tally(owner, school)).isEqualTo(2);
        owner.sql("update enrolment set enrolled_to = date '2026-10-01', expulsion_order = 'T-1' where id = :id")
                .param("id", first).update();
        assertThat(tally(owner, school)).isEqualTo(1);
        owner.sql("update enrolment set kato = :k where organisation_id = :o").param("k", other).param("o", school).update();
        assertThat(owner.sql("select kato from enrolment_pupil_tally where organisation_id = :o").param("o", school)
                .query(String.class).single()).isEqualTo(other);
        owner.sql("delete from enrolment where id = :id").param("id", first).update();
        assertThat(tally(owner, school)).isEqualTo(1);
        assertThat(owner.sql(DIFFERENCES).query(Long.class).single()).as("organisations whose tally differs").isZero();
        assertThat(owner.sql(EXTRA).query(Long.class).single()).as("tallies without their pupils").isZero();
    }

    private static long tally(org.springframework.jdbc.core.simple.JdbcClient owner, long school) {
        return owner.sql("select coalesce(sum(pupils), 0) from enrolment_pupil_tally where organisation_id = :o")
                .param("o", school).query(Long.class).single();
    }
}
