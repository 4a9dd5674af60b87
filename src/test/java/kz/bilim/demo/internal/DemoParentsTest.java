package kz.bilim.demo.internal;

import kz.bilim.BilimTest;
import kz.bilim.demo.DemoScale;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TR-2, TR-17 in the demo: the tiny scale (in a database of its own) links two pupils to the demo applicant's IIN,
 * pupils of another school of Zhambyl region than the demo desk's, where a class of their grade has a free place — so that the
 * demo parent sees her children, applies to the demo school and the demo desk can accept (TransferPagesTest runs
 * that flow over the same link).
 */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoParentsTest {

    static final long SEED = DemoProperties.DEFAULT_SEED;

    @Autowired
    OwnerDataSource owner;

    DataSource db;
    Map<String, Long> rows;

    @BeforeAll
    void load() throws SQLException {
        db = SeparateDatabase.migrated(owner, "demo_parents");
        var loader = new DemoLoader(db, PasswordEncoderFactories.createDelegatingPasswordEncoder()::encode,
                DemoParents.dependents());
        rows = loader.load(DemoScale.TINY, SEED).rowsByTable();
    }

    @AfterAll
    void drop() {
        SeparateDatabase.drop(owner, "demo_parents");
    }

    record Child(String iin, int grade, long school, String schoolKato) {
    }

    @Test
    @DisplayName("TR-2 TR-17 the demo applicant has two children in the registry, pupils of grades 3 and 6 of another Zhambyl school than the demo desk's")
    void applicantHasChildren() {
        var jdbc = JdbcClient.create(db);
        String applicantIin = jdbc.sql("select iin from app_user where username = 'applicant'").query(String.class).single();
        assertThat(applicantIin).isEqualTo(DemoUsers.applicantIin().value());
        List<Child> children = jdbc.sql("""
                select p.iin, e.grade, e.organisation_id, e.kato from person_parent l join person p on p.id = l.person_id
                  join enrolment e on e.person_id = p.id and e.enrolled_to is null
                 where l.parent_iin = :iin order by e.grade""").param("iin", applicantIin)
                .query((rs, n) -> new Child(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getString(4))).list();
        assertThat(rows).containsEntry("parent links", 2L);
        assertThat(children).extracting(Child::grade).containsExactlyElementsOf(DemoParents.GRADES);
        long desk = jdbc.sql("select organisation_id from app_user where username = 'school.taraz'").query(Long.class).single();
        assertThat(children).allSatisfy(c -> {
            assertThat(c.school()).isNotEqualTo(desk);
            assertThat(c.schoolKato()).startsWith("31");
        });
    }

    @Test
    @DisplayName("TR-10 the demo desk's school has a class of each child's grade under its occupancy norm, so an acceptance can succeed")
    void deskHasRoom() {
        var jdbc = JdbcClient.create(db);
        for (int grade : DemoParents.GRADES) {
            long free = jdbc.sql("""
                    select count(*) from school_class c join app_user u on u.organisation_id = c.organisation_id
                     where u.username = 'school.taraz' and c.grade = :grade
                       and (select count(*) from enrolment e where e.class_id = c.id and e.enrolled_to is null)
                           < least(c.capacity, (select occupancy_norm from organisation o where o.id = c.organisation_id))
                    """).param("grade", grade).query(Long.class).single();
            assertThat(free).as("grade %d", grade).isPositive();
        }
    }
}
