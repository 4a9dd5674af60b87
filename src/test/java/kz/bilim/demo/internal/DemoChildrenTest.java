package kz.bilim.demo.internal;

import kz.bilim.BilimTest;
import kz.bilim.child.ChildBulkWriter;
import kz.bilim.child.lost.LostPupilPolicy;
import kz.bilim.demo.DemoScale;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9 item 7: the demo's single database of children — the six sources over the tiny demo, overlapping as in life
 * (CA-1), disagreeing side by side (CA-2), every list of CA-3 non-empty. Loaded into a database of its own.
 */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoChildrenTest {

    private static final String DATABASE = "demo_tiny_children";

    @Autowired
    OwnerDataSource owner;
    @Autowired
    ChildBulkWriter writer;
    @Autowired
    Clock clock;
    @Autowired
    LostPupilPolicy lostPupilPolicy;

    private DataSource loaded;
    private JdbcClient db;
    private Map<String, Long> written;

    @BeforeAll
    void loadTiny() throws SQLException {
        loaded = SeparateDatabase.migrated(owner, DATABASE);
        db = JdbcClient.create(loaded);
        // the children only: the truant lists are formed on the application's own database (DemoChildren.dependents)
        var children = new DemoLoader.Dependents() {
            @Override
            public Map<String, Long> write(DataSource owner, long seed, List<DemoStaff.Org> organisations) {
                written = DemoChildren.writeSources(writer, owner, seed, organisations, clock);
                return written;
            }

            @Override
            public void remove(DataSource owner, long after, long upTo) {
                writer.remove(owner);
            }
        };
        new DemoLoader(loaded, p -> "{noop}" + p, children).load(DemoScale.TINY, 20261123L);
    }

    @AfterAll
    void drop() {
        SeparateDatabase.drop(owner, DATABASE);
    }

    private long count(String sql) {
        return db.sql(sql).query(Long.class).single();
    }

    @Test
    @DisplayName("CA-1: all six sources, overlapping as in life — most children in the Justice register and one EMIS source, some in Kandas, some without IIN")
    void sixSourcesOverlap() {
        long children = count("select count(*) from child");
        assertThat(children).isEqualTo(written.get("child: children")).isGreaterThan(3000);
        assertThat(db.sql("select distinct source from child_source order by 1").query(String.class).list())
                .containsExactly("EMIS_NON_STATE", "EMIS_PRESCHOOL", "EMIS_SCHOOL", "EMIS_TVET", "JUSTICE", "KANDAS");
        long justice = count("select count(distinct child_id) from child_source where source = 'JUSTICE'");
        assertThat((double) justice / children).isBetween(0.90, 0.99);
        long pupils = count("select count(distinct child_id) from child_source where source like 'EMIS%'");
        long both = count("""
                select count(*) from child c where exists (select 1 from child_source s where s.child_id = c.id
                   and s.source = 'JUSTICE') and exists (select 1 from child_source s where s.child_id = c.id
                   and s.source like 'EMIS%' and s.origin = 'REGISTRY')""");
        assertThat((double) both / pupils).as("most pupils are in the Justice register too").isGreaterThan(0.9);
        assertThat(count("select count(*) from child_source where source like 'EMIS%' group by child_id order by 1 desc limit 1"))
                .as("one EMIS source per pupil").isEqualTo(1);
        assertThat(count("select count(*) from child_source where source = 'KANDAS'")).isPositive();
        long withoutIin = count("select count(*) from child where iin is null");
        assertThat(withoutIin).isPositive();
        assertThat(count("""
                select count(*) from child c where c.iin is null and (c.citizenship = 'KZ'
                    or exists (select 1 from child_source s where s.child_id = c.id and s.source <> 'KANDAS'))"""))
                .as("the children without IIN are foreign children of kandases").isZero();
        assertThat(count("""
                select count(*) from child c where c.held <> (select coalesce(sum(distinct case s.source
                    when 'EMIS_PRESCHOOL' then 1 when 'EMIS_SCHOOL' then 2 when 'EMIS_TVET' then 4
                    when 'EMIS_NON_STATE' then 8 when 'JUSTICE' then 16 else 32 end), 0)
                    from child_source s where s.child_id = c.id and s.active)"""))
                .as("the held bits of the lists are the active sources").isZero();
    }

    @Test
    @DisplayName("CA-2: some sources disagree on the name, the residence or the birth date — kept side by side, the record from Justice")
    void sourcesDisagree() {
        String disagree = """
                select count(*) from child_source j join child_source o on o.child_id = j.child_id and o.source <> j.source
                 where j.source = '%s' and j.%s <> o.%s""";
        assertThat(count(disagree.formatted("JUSTICE", "last_name", "last_name"))).isPositive();
        assertThat(count(disagree.formatted("JUSTICE", "residence_kato", "residence_kato"))).isPositive();
        assertThat(count(disagree.formatted("KANDAS", "birth_date", "birth_date"))).isPositive();
        assertThat(count("""
                select count(*) from child c join child_source j on j.child_id = c.id and j.source = 'JUSTICE'
                 where (c.last_name, c.kato, c.birth_date) is distinct from (j.last_name, j.residence_kato, j.birth_date)"""))
                .as("the child's record is what Justice says").isZero();
    }

    @Test
    @DisplayName("CA-3: every list of the nine is non-empty in the demo — (1)–(8) from the children, (9) the truants' unexcused school days of last month")
    void listsNonEmpty() {
        LocalDate today = LocalDate.now(clock);
        for (int bit = 1; bit <= 128; bit <<= 1)
            assertThat(db.sql("select count(*) from child c where child_list_bits(c.birth_date, c.exempt, c.held, "
                            + "c.citizenship, :day) & :bit <> 0").param("day", today).param("bit", bit)
                    .query(Long.class).single()).as("list bit " + bit).isPositive();
        long notCovered = db.sql("select count(*) from child c where child_list_bits(c.birth_date, c.exempt, c.held, "
                + "c.citizenship, :day) & 128 <> 0").param("day", today).query(Long.class).single();
        long schoolAge = db.sql("select count(*) from child c where child_list_bits(c.birth_date, c.exempt, c.held, "
                + "c.citizenship, :day) & 2 <> 0").param("day", today).query(Long.class).single();
        assertThat((double) notCovered / schoolAge).as("a minority of school age is not covered").isLessThan(0.25);
        assertThat(count("select count(*) from (select person_id from attendance_absence where not excused "
                + "group by person_id having count(*) > 10) t")).as("truants: more than 10 unexcused days").isPositive();
        assertThat(written.get("child: absences")).isPositive();
    }

    @Test
    @DisplayName("Issue 9 item 5 and CA-2: every district with children has lost pupils past the school days of LostPupilPolicy and open review cases")
    void lostPupilsAndReviewsInEveryDistrict() {
        LocalDate cutOff = lostPupilPolicy.listedBefore(LocalDate.now(clock));
        long districts = count("select count(distinct left(kato, 4)) from child");
        assertThat(districts).isGreaterThan(1);
        assertThat(db.sql("""
                select count(distinct left(c.kato, 4)) from pupil_departure d join child c on c.person_id = d.person_id
                 where d.closed_at is null and d.left_on < :cutOff""").param("cutOff", cutOff).query(Long.class).single())
                .as("every district's \"left and not arrived\" list is non-empty").isEqualTo(districts);
        assertThat(count("""
                select count(*) from pupil_departure d join child c on c.person_id = d.person_id
                 where exists (select 1 from child_source s where s.child_id = c.id and s.source like 'EMIS%' and s.active)
                    or left(d.school_kato, 4) <> left(c.kato, 4)"""))
                .as("a lost pupil is enrolled nowhere and left a school of the district").isZero();
        assertThat(count("select count(*) from pupil_departure")).isEqualTo(written.get("pupil_departure: lost pupils"));
        assertThat(count("select count(distinct kato) from (select left(kato, 4) as kato from child_review where state = 'OPEN') r"))
                .as("every district's review queue is non-empty").isEqualTo(districts);
        assertThat(count("""
                select count(*) from child_review r join child_review_candidate k on k.review_id = r.id
                  join child a on a.id = r.child_id join child b on b.id = k.child_id
                 where r.reason <> 'IIN_LATER' or a.iin is null or b.iin is not null or a.name_key <> b.name_key
                    or a.birth_date <> b.birth_date or a.kato <> b.kato"""))
                .as("each case: a record with IIN and the same child recorded before without IIN").isZero();
    }

    @Test
    @Order(Integer.MAX_VALUE)
    @DisplayName("the demo's children, sources and absences are removed again when a load is undone (runs last)")
    void removable() {
        assertThat(count("select count(*) from child_import where actor = 'demo'")).isEqualTo(1);
        assertThat(count("select count(*) from child")).isPositive();
        writer.remove(loaded);
        assertThat(count("select count(*) from child")).isZero();
        assertThat(count("select count(*) from child_source")).isZero();
        assertThat(count("select count(*) from attendance_absence")).isZero();
        assertThat(count("select count(*) from pupil_departure")).isZero();
        assertThat(count("select count(*) from child_review")).isZero();
        assertThat(count("select count(*) from child_import where actor = 'demo'")).isZero();
        assertThat(count("select count(*) from person")).as("the persons stay").isPositive();
    }
}
