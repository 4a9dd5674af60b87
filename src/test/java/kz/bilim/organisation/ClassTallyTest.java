package kz.bilim.organisation;

import kz.bilim.BilimTest;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home dashboards' kept aggregate of classes per organisation and school year (V190): whatever changes the
 * classes — one by one or many in one statement, a school's move to another settlement, a deletion — the tally equals
 * a count of the classes themselves, for every organisation of the database. Fixture: district 6317 (East
 * Kazakhstan), BINs of March 2018.
 */
@BilimTest
class ClassTallyTest {

    @Autowired
    OwnerDataSource ownerDataSource;

    static final String DIFFERENCES = """
            select count(*) from (
                select organisation_id, academic_year, kato, count(*) as classes from school_class group by 1, 2, 3
                except
                select organisation_id, academic_year, kato, classes from school_class_tally where classes <> 0) d""";
    static final String EXTRA = """
            select count(*) from school_class_tally t where t.classes <> (select count(*) from school_class c
             where c.organisation_id = t.organisation_id and c.academic_year = t.academic_year)""";

    @Test
    @DisplayName("the dashboards' tally of classes equals the classes' own count after every kind of change")
    void tallyFollowsTheRegistry() {
        var registry = new RegistryFixture(ownerDataSource, YearMonth.of(2018, 3), 9960);
        var owner = registry.owner();
        String kato = registry.districtWithSettlement("631700000", false);
        String other = registry.districtWithSettlement("631700000", true);
        long school = registry.organisation(kato, "Сынып-Санақ", "GENERAL_SECONDARY_SCHOOL", 1, "kk");
        long first = registry.schoolClass(school, kato, 2026, 5, "А", "kk", 25);
        registry.schoolClass(school, kato, 2026, 5, "Б", "kk", 25);
        registry.schoolClass(school, kato, 2025, 4, "А", "kk", 25);
        assertThat(tally(owner, school, 2026)).isEqualTo(2);
        assertThat(tally(owner, school, 2025)).isEqualTo(1);
        owner.sql("insert into school_class (organisation_id, kato, academic_year, grade, letter, language) "
                + "select :o, :k, 2026, g, 'В', 'ru' from generate_series(1, 4) g").param("o", school).param("k", kato).update();
        assertThat(tally(owner, school, 2026)).as("four in one statement").isEqualTo(6);
        owner.sql("update school_class set kato = :k where organisation_id = :o").param("k", other).param("o", school).update();
        assertThat(owner.sql("select distinct kato from school_class_tally where organisation_id = :o").param("o", school)
                .query(String.class).single()).isEqualTo(other);
        owner.sql("delete from school_class where id = :id").param("id", first).update();
        assertThat(tally(owner, school, 2026)).isEqualTo(5);
        assertThat(owner.sql(DIFFERENCES).query(Long.class).single()).as("organisations whose tally differs").isZero();
        assertThat(owner.sql(EXTRA).query(Long.class).single()).as("tallies without their classes").isZero();
    }

    private static long tally(JdbcClient owner, long school, int year) {
        return owner.sql("select coalesce(sum(classes), 0) from school_class_tally where organisation_id = :o "
                + "and academic_year = :y").param("o", school).param("y", year).query(Long.class).single();
    }
}
