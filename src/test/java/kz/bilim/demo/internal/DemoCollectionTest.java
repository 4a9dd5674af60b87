package kz.bilim.demo.internal;

import kz.bilim.BilimTest;
import kz.bilim.collection.CollectionBulkWriter;
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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * EIS-4, EIS-8 in the demo: this year's school passport filled for every school of the tiny scale (in a database of
 * its own), values that keep the form's rules, a realistic share late, returned and distorted, the day-off deadline;
 * and what the load wrote is removed again when an interrupted load is undone.
 */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class DemoCollectionTest {

    @Autowired
    OwnerDataSource owner;
    @Autowired
    CollectionBulkWriter writer;
    @Autowired
    kz.bilim.staff.StaffBulkWriter staff;

    DataSource db;
    Map<String, Long> rows;
    long organisations;

    @BeforeAll
    void load() throws SQLException {
        db = SeparateDatabase.migrated(owner, "demo_collection");
        var loader = new DemoLoader(db, PasswordEncoderFactories.createDelegatingPasswordEncoder()::encode,
                DemoLoader.Dependents.all(DemoStaff.dependents(staff), DemoCollection.dependents(writer),
                        DemoPreschoolGroups.dependents()));
        rows = loader.load(DemoScale.TINY, 20261123L).rowsByTable();
        organisations = count("select count(*) from organisation where kind not in ('PRESCHOOL', 'TVET_COLLEGE')");
    }

    @AfterAll
    void drop() {
        SeparateDatabase.drop(owner, "demo_collection");
    }

    /** The schools' passports (the preschools' have their own form). */
    static final String SCHOOLS = "period_id in (select p.id from collection_period p join collection_form f on "
            + "f.id = p.form_id where f.code = 'SCHOOL-PASSPORT')";

    long count(String sql) {
        return JdbcClient.create(db).sql(sql).query(Long.class).single();
    }

    @Test
    @DisplayName("EIS-4 every school has this year's school passport; the values keep the form's rules")
    void everySchoolFilled() {
        assertThat(organisations).isPositive();
        // the passport and the open heating-season request, one submission each per school
        assertThat(rows.get("collection: submissions")).isEqualTo(2 * organisations);
        assertThat(count("select count(*) from collection_form where code = 'SCHOOL-PASSPORT' and year = 2026")).isOne();
        assertThat(count("""
                select count(*) from collection_submission s
                  join collection_value c on c.submission_id = s.id and c.field_code = 'computers'
                  join collection_value i on i.submission_id = s.id and i.field_code = 'computers_internet'
                 where i.number_value > c.number_value""")).isZero();
        assertThat(count("""
                select count(*) from collection_submission s
                  join collection_value c on c.submission_id = s.id and c.field_code = 'buildings'
                  join collection_value i on i.submission_id = s.id and i.field_code = 'buildings_emergency'
                 where i.number_value > c.number_value""")).isZero();
        assertThat(count("select count(*) from collection_submission where version > 0 and arrived_at is null")).isZero();
        assertThat(count("select count(*) from collection_submission_version")).isEqualTo(
                count("select coalesce(sum(version), 0) from collection_submission"));
    }

    @Test
    @DisplayName("EIS-4 every preschool has this year's preschool passport: places, buildings within the rule, a type")
    void everyPreschoolFilled() {
        long preschools = count("select count(*) from organisation where kind = 'PRESCHOOL'");
        assertThat(preschools).isPositive();
        assertThat(rows.get("collection: preschool passports")).isEqualTo(preschools);
        assertThat(count("""
                select count(*) from collection_submission s
                  join collection_value c on c.submission_id = s.id and c.field_code = 'buildings'
                  join collection_value i on i.submission_id = s.id and i.field_code = 'buildings_emergency'
                 where i.number_value > c.number_value""")).isZero();
        assertThat(count("""
                select count(*) from collection_value v join collection_submission s on s.id = v.submission_id
                  join organisation o on o.id = s.organisation_id
                 where o.kind = 'PRESCHOOL' and v.field_code = 'preschool_type'
                   and v.text_value in ('KINDERGARTEN', 'MINI_CENTRE', 'SPECIAL')""")).isEqualTo(
                count("select count(*) from collection_submission s join organisation o on o.id = s.organisation_id "
                        + "where o.kind = 'PRESCHOOL' and s.version > 0"));
    }

    @Test
    @DisplayName("EIS-8 some schools are late (after the end of Monday 12 October, the Saturday deadline moved), some returned, some distorted")
    void realisticShares() {
        long late = count("select count(*) from collection_submission where " + SCHOOLS + " and late");
        assertThat(late).isPositive().isLessThan(organisations / 3);
        assertThat(count("select count(*) from collection_submission where " + SCHOOLS + " and late and arrived_at <= '2026-10-12 23:59:59.999+05'"))
                .isZero();
        assertThat(count("select count(*) from collection_submission where " + SCHOOLS + " and returns > 0")).isPositive();
        assertThat(count("select count(*) from collection_submission where " + SCHOOLS + " and status = 'ACCEPTED'"))
                .isGreaterThan(organisations / 2);
        // the open request shows what a collection in progress looks like: waiting, returned, not yet submitted
        for (String status : java.util.List.of("DRAFT", "SUBMITTED", "RETURNED"))
            assertThat(count("""
                    select count(*) from collection_submission s join collection_period p on p.id = s.period_id
                      join collection_form f on f.id = p.form_id
                     where f.code = 'HEATING-2026' and s.status = '%s'""".formatted(status))).as(status).isPositive();
        assertThat(count("select count(*) from collection_event where action = 'ACCEPTED'"))
                .isEqualTo(count("select count(*) from collection_submission where status = 'ACCEPTED'"));
    }

    @Test
    @DisplayName("EIS-6, EIS-10 the passport went up the hierarchy: every district and region consolidated and accepted, the national consolidation formed with the sums of the schools; a few territories late, some returned once")
    void upTheHierarchy() {
        String passport = """
                 from collection_submission s join collection_period p on p.id = s.period_id
                 join collection_form f on f.id = p.form_id and f.code = 'SCHOOL-PASSPORT'
                """;
        assertThat(count("select count(*) " + passport + " where s.level = 'ORGANISATION' and s.status <> 'ACCEPTED'"))
                .isZero();
        assertThat(count("select count(*) " + passport + " where s.level = 'DISTRICT' and s.status = 'ACCEPTED'"))
                .isEqualTo(count("select count(distinct left(s.kato, 4)) " + passport + " where s.level = 'ORGANISATION'"));
        assertThat(count("select count(*) " + passport + " where s.level = 'REGION' and s.status = 'ACCEPTED'"))
                .isEqualTo(count("select count(distinct left(s.kato, 2)) " + passport + " where s.level = 'ORGANISATION'"));
        assertThat(count("select count(*) " + passport + """
                 where s.level = 'MINISTRY' and s.kato = '000000000' and s.status = 'SUBMITTED'
                   and s.channel = 'CONSOLIDATED' and s.arrived_at is not null""")).isOne();
        assertThat(count("""
                select n.number_value from collection_value n join collection_submission s on s.id = n.submission_id
                 where s.level = 'MINISTRY' and n.field_code = 'computers'"""))
                .isEqualTo(count("select sum(v.number_value)::bigint " + passport.replace("from collection_submission s",
                        "from collection_submission s join collection_value v on v.submission_id = s.id")
                        + " where s.level = 'ORGANISATION' and v.field_code = 'computers'"));
        assertThat(count("select count(*) " + passport + " where s.level <> 'ORGANISATION' and s.late")).isPositive();
        assertThat(count("select count(*) " + passport + " where s.level <> 'ORGANISATION' and not s.late")).isPositive();
        assertThat(count("select count(*) from collection_event where action = 'CONSOLIDATED'"))
                .isEqualTo(count("select count(*) from collection_submission where level <> 'ORGANISATION'"));
    }

    @Test
    @DisplayName("SC-5 indicator 19: every evening-school pupil there in 2025/26 has that year's outcome, promoted from the grade below")
    void yearEnds() {
        long pupils = count("select count(*) from enrolment e join organisation o on o.id = e.organisation_id "
                + "where o.kind = 'EVENING_SCHOOL' and e.enrolled_to is null and e.enrolled_from < date '2026-09-01' "
                + "and e.grade >= 1");
        assertThat(pupils).isPositive();
        assertThat(rows.get("year-end outcomes (evening schools)")).isEqualTo(pupils);
        assertThat(count("select count(*) from pupil_year_end y join enrolment e on e.id = y.enrolment_id "
                + "where y.school_year = 2025 and y.outcome = 'PROMOTED' and y.grade = e.grade - 1 "
                + "and y.decided_on = date '2026-05-25'")).isEqualTo(pupils);
    }

    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE) // last: it removes what the others read
    @DisplayName("undoing an interrupted load removes every collected row of its organisations")
    void removal() {
        long before = count("select count(*) from collection_submission");
        long maxId = count("select max(id) from organisation");
        writer.remove(db, 0, maxId);
        assertThat(count("select count(*) from collection_submission")).isZero();
        assertThat(count("select count(*) from collection_value")).isZero();
        assertThat(count("select count(*) from collection_form")).isZero();
        assertThat(count("select count(*) from collection_event")).isZero();
        assertThat(before).isPositive();
    }
}
