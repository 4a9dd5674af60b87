package kz.bilim.demo.internal;

import kz.bilim.BilimTest;
import kz.bilim.kernel.Role;
import kz.bilim.demo.DemoLoadReport;
import kz.bilim.demo.DemoScale;
import kz.bilim.identity.Bin;
import kz.bilim.identity.Iin;
import kz.bilim.platform.database.OwnerDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Loads the {@code tiny} scale for real — but each time into a database of its own, created on the test JVM's
 * embedded PostgreSQL and migrated by Flyway like the application's, then dropped. The shared test database is never
 * touched: other tests keep their fixtures and their counts, and these loads take the real bulk path (empty tables:
 * keys dropped, parallel COPY, keys rebuilt), which a shared, non-empty database could not exercise.
 */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoLoadTest {

    private static final long SEED = 20261123L;
    private static final PasswordEncoder PASSWORDS = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Autowired
    OwnerDataSource owner;
    @Autowired
    kz.bilim.staff.StaffBulkWriter staffWriter;

    private final List<String> databases = new ArrayList<>();
    private String user;
    private DataSource loaded;
    private java.util.List<DemoStaff.Org> loadedOrganisations;
    private DemoLoadReport report;

    @BeforeAll
    void loadTiny() throws SQLException {
        try (var connection = owner.getConnection()) {
            user = connection.getMetaData().getUserName();
        }
        loaded = freshDatabase("demo_tiny_a");
        var loader = new DemoLoader(loaded, PASSWORDS::encode);
        report = loader.load(DemoScale.TINY, SEED);
        loadedOrganisations = loader.loadedOrganisations();
    }

    @AfterAll
    void dropDatabases() {
        for (String name : databases) SeparateDatabase.drop(owner, name);
    }

    /** A new database on the same server, with the application's schema; dropped after the class. */
    private DataSource freshDatabase(String name) {
        databases.add(name);
        return SeparateDatabase.migrated(owner, name);
    }

    private static long count(DataSource db, String sql) {
        return JdbcClient.create(db).sql(sql).query(Long.class).single();
    }

    private static String checksum(DataSource db) {
        return JdbcClient.create(db).sql("""
                select md5((select string_agg(concat_ws('|', id, iin, last_name, first_name, patronymic, birth_date, sex,
                                                        nationality, citizenship, residence_kato), ',' order by id) from person)
                        || (select string_agg(concat_ws('|', id, bin, name_kk, name_ru, kind, ownership, kato, languages,
                                                        shifts, phone, postal_address, email, website), ',' order by id) from organisation)
                        || (select string_agg(concat_ws('|', id, person_id, organisation_id, class_id, kato, grade,
                                                        enrolled_from, admission_order), ',' order by id) from enrolment))
                """).query(String.class).single();
    }

    private static List<String> constraintsAndIndexes(DataSource db) {
        return JdbcClient.create(db).sql("""
                select conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint
                 where conrelid in ('person'::regclass, 'enrolment'::regclass, 'school_class'::regclass)
                union all
                select indexrelid::regclass || ' ' || pg_get_indexdef(indexrelid) from pg_index
                 where indrelid in ('person'::regclass, 'enrolment'::regclass, 'school_class'::regclass)
                order by 1""").query(String.class).list();
    }

    @Test
    @DisplayName("tiny loads in bulk: the rows of the plan, in every table")
    void loadsTiny() {
        assertThat(report.bulk()).isTrue();
        assertThat(count(loaded, "select count(*) from person")).isEqualTo(report.rowsByTable().get("person")).isEqualTo(4_000);
        assertThat(count(loaded, "select count(*) from enrolment")).isEqualTo(report.rowsByTable().get("enrolment"));
        assertThat(count(loaded, "select count(*) from organisation")).isBetween(15L, 30L);
        assertThat(count(loaded, "select count(*) from school_class")).isEqualTo(report.rowsByTable().get("school_class"));
        assertThat(count(loaded, "select count(*) from territory where level > 1")).isEqualTo(report.rowsByTable().get("territory"));
        assertThat(report.totalRows()).isEqualTo(report.rowsByTable().values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    @DisplayName("identity rules: every generated IIN and BIN is valid and unique, IIN birth date and sex match the person")
    void identityNumbersValid() {
        var persons = JdbcClient.create(loaded).sql("select iin, birth_date, sex from person")
                .query((rs, i) -> new Object[]{rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3)}).list();
        for (Object[] p : persons) {
            Iin iin = Iin.parse((String) p[0]);
            assertThat(iin.birthDate()).isEqualTo(p[1]);
            assertThat(iin.sex().name()).isEqualTo(p[2]);
        }
        JdbcClient.create(loaded).sql("select bin from organisation").query(String.class).list().forEach(Bin::parse);
        assertThat(count(loaded, "select count(distinct iin) from person")).isEqualTo(persons.size());
    }

    @Test
    @DisplayName("TR-7: no person is enrolled twice at once, and the unique index on open enrolments is back")
    void nobodyEnrolledTwice() {
        assertThat(count(loaded, """
                select count(*) from enrolment a join enrolment b on a.person_id = b.person_id and a.id < b.id
                 and daterange(a.enrolled_from, a.enrolled_to, '[]') && daterange(b.enrolled_from, b.enrolled_to, '[]')""")).isZero();
        assertThat(count(loaded, """
                select count(*) from pg_index i join pg_class c on c.oid = i.indexrelid
                 where c.relname = 'enrolment_one_open' and i.indisunique and i.indisvalid""")).isOne();
        var someone = JdbcClient.create(loaded).sql("select person_id, organisation_id, kato from enrolment where enrolled_to is null limit 1")
                .query((rs, i) -> new Object[]{rs.getLong(1), rs.getLong(2), rs.getString(3)}).single();
        assertThatThrownBy(() -> JdbcClient.create(loaded).sql("""
                insert into enrolment (person_id, organisation_id, kato, enrolled_from, admission_order)
                values (:person, :organisation, :kato, date '2026-10-01', 'x')""")
                .param("person", someone[0]).param("organisation", someone[1]).param("kato", someone[2]).update())
                .hasMessageContaining("enrolment_one_open");
    }

    @Test
    @DisplayName("MS-9, TR-10: no class holds more pupils than its capacity (occupancy norm 25)")
    void classesWithinCapacity() {
        assertThat(count(loaded, """
                select count(*) from school_class c
                 where c.capacity < (select count(*) from enrolment e where e.class_id = c.id and e.enrolled_to is null)""")).isZero();
        assertThat(count(loaded, "select max(capacity) from school_class")).isEqualTo(25);
        assertThat(count(loaded, "select count(*) from school_class c where not exists (select 1 from enrolment e where e.class_id = c.id)")).isZero();
    }

    @Test
    @DisplayName("birth dates agree with grades: a pupil of grade g in 2026/27 was born in 2026 − 6 − g, ± 1")
    void birthDatesAgreeWithGrades() {
        assertThat(count(loaded, "select count(*) from enrolment where grade is not null")).isPositive();
        assertThat(count(loaded, """
                select count(*) from enrolment e join person p on p.id = e.person_id
                 where e.grade is not null and abs(extract(year from p.birth_date) - (2026 - 6 - e.grade)) > 1""")).isZero();
        assertThat(count(loaded, """
                select count(*) from enrolment e join school_class c on c.id = e.class_id
                 where e.grade <> c.grade or e.organisation_id <> c.organisation_id or e.kato <> c.kato""")).isZero();
        assertThat(count(loaded, """
                select count(*) from enrolment e join organisation o on o.id = e.organisation_id
                 where e.class_id is null and o.kind = 'PRESCHOOL' and e.grade is null""")).isPositive();
        assertThat(count(loaded, "select count(*) from person where birth_date > date '2026-11-01' or birth_date < date '2007-01-01'")).isZero();
    }

    @Test
    @DisplayName("SC-2, SC-3: users of every role exist, with their territory in kato, and their demo passwords match")
    void usersOfEveryRole() {
        var users = JdbcClient.create(loaded).sql("select username, password_hash, role, kato, scope_kato, organisation_id from app_user")
                .query((rs, i) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)}).list();
        assertThat(users.stream().map(u -> u[2]).distinct()).containsExactlyInAnyOrder(
                Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new));
        Plan plan = Planner.plan(DemoScale.TINY, SEED, Plan.Ids.EMPTY);
        for (var expected : plan.users) {
            var row = users.stream().filter(u -> u[0].equals(expected.username())).findFirst().orElseThrow();
            assertThat(PASSWORDS.matches(expected.password(), row[1])).as(expected.username()).isTrue();
            assertThat(PASSWORDS.matches("wrong-" + expected.password(), row[1])).isFalse();
            assertThat(row[3]).isEqualTo(expected.kato());
        }
        assertThat(count(loaded, """
                select count(*) from app_user u join organisation o on o.id = u.organisation_id
                 where u.role = 'ORGANISATION_ADMIN' and u.kato = o.kato""")).isEqualTo(3);
        assertThat(count(loaded, "select count(*) from app_user where role in ('MINISTRY_ADMIN', 'STATISTICS_ANALYST') and kato = ''")).isEqualTo(2);
    }

    @Test
    @DisplayName("TR-18: the demo heads of organisations carry their position (the refusal receipt names it), other accounts none")
    void demoHeadsCarryPositions() {
        assertThat(count(loaded, """
                select count(*) from app_user u join organisation o on o.id = u.organisation_id
                 where u.role = 'ORGANISATION_ADMIN' and u.position = case when o.kind = 'PRESCHOOL'
                       then 'Меңгеруші / Заведующая' else 'Директор' end""")).isEqualTo(3);
        assertThat(count(loaded, "select count(*) from app_user where role <> 'ORGANISATION_ADMIN' and position is not null"))
                .isZero();
    }

    @Test
    @DisplayName("identity sequences continue after the loaded ids")
    void sequencesAdvanced() {
        assertThat(count(loaded, "select nextval(pg_get_serial_sequence('person', 'id'))"))
                .isGreaterThan(count(loaded, "select max(id) from person"));
        assertThat(count(loaded, "select nextval(pg_get_serial_sequence('enrolment', 'id'))"))
                .isGreaterThan(count(loaded, "select max(id) from enrolment"));
        assertThat(count(loaded, "select nextval(pg_get_serial_sequence('organisation', 'id'))"))
                .isGreaterThan(count(loaded, "select max(id) from organisation"));
    }

    @Test
    @DisplayName("deterministic: the same seed gives the same checksum in another database, another seed another")
    void deterministicInTheDatabase() {
        var same = freshDatabase("demo_tiny_b");
        new DemoLoader(same, PASSWORDS::encode).load(DemoScale.TINY, SEED);
        var other = freshDatabase("demo_tiny_c");
        new DemoLoader(other, PASSWORDS::encode).load(DemoScale.TINY, SEED + 1);
        assertThat(checksum(same)).isEqualTo(checksum(loaded));
        assertThat(checksum(other)).isNotEqualTo(checksum(loaded));
        assertThat(constraintsAndIndexes(same)).isEqualTo(constraintsAndIndexes(other));
    }

    @Test
    @DisplayName("a bulk load that fails after the copy or after the indexes leaves the database as before")
    void failedLoadLeavesNothing() {
        var db = freshDatabase("demo_tiny_d");
        List<String> before = constraintsAndIndexes(db);
        long territories = count(db, "select count(*) from territory");
        for (DemoLoader.Step step : DemoLoader.Step.values()) {
            assertThatThrownBy(() -> new DemoLoader(db, PASSWORDS::encode).failingAt(step).load(DemoScale.TINY, SEED))
                    .hasMessageContaining("on purpose");
            assertThat(constraintsAndIndexes(db)).as(step.name()).isEqualTo(before);
            for (String table : List.of("organisation", "school_class", "person", "enrolment", "app_user"))
                assertThat(count(db, "select count(*) from " + table)).as(step + " " + table).isZero();
            assertThat(count(db, "select count(*) from territory")).isEqualTo(territories);
            assertThat(count(db, "select coalesce(pg_sequence_last_value(pg_get_serial_sequence('person', 'id')), 0)")).isZero();
            assertThat(count(db, "select count(*) from bulk_load")).as(step + ": the journal is cleared").isZero();
        }
        // and it loads fine afterwards, with the same data as ever
        new DemoLoader(db, PASSWORDS::encode).load(DemoScale.TINY, SEED);
        assertThat(checksum(db)).isEqualTo(checksum(loaded));
    }

    @ParameterizedTest(name = "killed at {0}")
    @EnumSource(DemoLoader.Step.class)
    @DisplayName("a demo load killed with kill -9 at any step is undone and loaded again by the next start: complete and constrained")
    void killedLoadIsRepairedByTheNextStart(DemoLoader.Step step) throws Exception {
        var db = freshDatabase("demo_crash_" + step.name().toLowerCase(java.util.Locale.ROOT));
        List<String> constrained = constraintsAndIndexes(db);
        String url;
        try (var connection = db.getConnection()) {
            url = connection.getMetaData().getURL();
        }
        var process = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DemoLoadProcess.class.getName(),
                url, user, DemoScale.TINY.name(), Long.toString(SEED), step.name())
                .redirectErrorStream(true).start();
        var paused = new java.util.concurrent.CompletableFuture<String>();
        var output = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream()))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.append(line).append('\n');
                    if (line.startsWith(DemoLoader.PAUSED)) paused.complete(line);
                }
            } catch (java.io.IOException ignored) {
                // the process was killed
            }
            paused.complete("ended without pausing");
        });
        reader.start();
        try {
            assertThat(paused.get(3, java.util.concurrent.TimeUnit.MINUTES)).as(output::toString)
                    .isEqualTo(DemoLoader.PAUSED + step);
        } finally {
            process.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback by the client
            process.waitFor();
            reader.join();
        }
        assertThat(count(db, "select count(*) from bulk_load")).as("the journal of the interrupted load").isOne();
        if (step == DemoLoader.Step.AFTER_DROPS || step == DemoLoader.Step.AFTER_COPY)
            assertThat(constraintsAndIndexes(db)).as("the kill left the tables without their keys").isNotEqualTo(constrained);

        // the next start, as DemoOnStart does it: undo what was interrupted, then load into the empty registry
        var writer = kz.bilim.staff.internal.StaffBulkWriters.standalone();
        var next = new DemoLoader(db, PASSWORDS::encode, DemoStaff.dependents(writer));
        assertThat(next.recoverInterrupted()).get().asString().contains("never finished");
        assertThat(DemoLoader.registryEmpty(db)).isTrue();
        assertThat(count(db, "select count(*) from staff_member")).isZero();
        DemoLoadReport again = next.load(DemoScale.TINY, SEED);

        assertThat(again.bulk()).isTrue();
        assertThat(constraintsAndIndexes(db)).isEqualTo(constrained);
        assertThat(checksum(db)).isEqualTo(checksum(loaded));
        assertThat(count(db, "select count(*) from staff_member")).isEqualTo(again.rowsByTable().get("staff: employees")).isPositive();
        assertThat(count(db, "select count(*) from bulk_load")).isZero();
        assertThat(count(db, "select nextval(pg_get_serial_sequence('person', 'id'))"))
                .isGreaterThan(count(db, "select max(id) from person"));
        String someone = JdbcClient.create(db).sql("select iin from person limit 1").query(String.class).single();
        assertThatThrownBy(() -> JdbcClient.create(db).sql("""
                insert into person (iin, last_name, first_name, birth_date, sex, citizenship, residence_kato)
                select iin, last_name, first_name, birth_date, sex, citizenship, residence_kato from person where iin = :iin""")
                .param("iin", someone).update()).as("one person per IIN").hasMessageContaining("duplicate key");
    }

    @Test
    @DisplayName("a start does not undo a load another instance is running: it waits for that instance's lock")
    void runningLoadIsNotMistakenForAnInterruptedOne() throws Exception {
        var db = freshDatabase("demo_crash_running");
        try (var other = db.getConnection()) {
            assertThat(kz.bilim.platform.database.BulkLoadJournal.lock(other, DemoLoader.JOURNAL, java.time.Duration.ofSeconds(1))).isTrue();
            JdbcClient.create(db).sql("insert into bulk_load (loader, plan, in_bulk) values ('demo', 'TINY;1;0;0;0;0', true)").update();
            assertThatThrownBy(() -> new DemoLoader(db, PASSWORDS::encode).waitingForLock(java.time.Duration.ofMillis(300))
                    .recoverInterrupted()).hasMessageContaining("another instance");
            kz.bilim.platform.database.BulkLoadJournal.unlock(other, DemoLoader.JOURNAL);
        }
        assertThat(count(db, "select count(*) from bulk_load")).isOne();
    }

    @Test
    @DisplayName("into a registry that already has data: one transaction, ids after the existing ones; a clash changes nothing")
    void transactionalLoadAndRefusal() {
        var db = freshDatabase("demo_tiny_e");
        var jdbc = JdbcClient.create(db);
        jdbc.sql("""
                insert into organisation (bin, name_kk, name_ru, kind, ownership, kato, urban, languages)
                values ('000000000000', 'Бар мектеп', 'Существующая школа', 'GENERAL_SECONDARY_SCHOOL', 'STATE', '150000000', true, '{kk}')""").update();
        DemoLoadReport transactional = new DemoLoader(db, PASSWORDS::encode).load(DemoScale.TINY, SEED);
        assertThat(transactional.bulk()).isFalse();
        assertThat(count(db, "select count(*) from organisation")).isEqualTo(transactional.rowsByTable().get("organisation") + 1);
        assertThat(count(db, "select min(id) from organisation where bin <> '000000000000'")).isEqualTo(2);
        assertThat(count(db, "select count(*) from person")).isEqualTo(4_000);

        // a second load clashes with the first (same territories and users): refused, nothing written
        long persons = count(db, "select count(*) from person");
        assertThatThrownBy(() -> new DemoLoader(db, PASSWORDS::encode).load(DemoScale.TINY, SEED))
                .hasMessageContaining("already there");
        assertThat(count(db, "select count(*) from person")).isEqualTo(persons);
    }

    @Test
    @DisplayName("the demo gives every organisation a staff through the staff module's bulk writer: a director each, about 60 % pedagogues, valid IINs")
    void staffForEveryOrganisation() {
        assertThat(loadedOrganisations).as("the loader hands the staff its organisations, with their pupils")
                .hasSize((int) count(loaded, "select count(*) from organisation"))
                .allSatisfy(o -> assertThat(o.id()).isPositive());
        var written = DemoStaff.write(loaded, staffWriter, SEED, loadedOrganisations);
        assertThat(written.contracts()).isEqualTo(written.employees()).isPositive();
        var db = JdbcClient.create(loaded);
        assertThat(db.sql("select count(*) from organisation o where not exists (select 1 from employment_contract c where c.organisation_id = o.id and c.position = 'DIRECTOR')")
                .query(Long.class).single()).isZero();
        double pedagogues = db.sql("select avg(case when p.pedagogical then 1.0 else 0 end) from employment_contract c join staff_position p on p.code = c.position")
                .query(Double.class).single();
        assertThat(pedagogues).isBetween(0.5, 0.7);
        db.sql("select iin from staff_member").query(String.class).list().forEach(kz.bilim.identity.Iin::parse);
        // SC-5 (16, 17): a nationality for most staff; the band of grades on most school teachers' contracts, never
        // on another position's nor at a preschool or college
        double withNationality = db.sql("select avg(case when nationality is not null then 1.0 else 0 end) from staff_member")
                .query(Double.class).single();
        assertThat(withNationality).isBetween(0.9, 0.99);
        double teachersWithGrades = db.sql("select avg(case when c.grades_taught is not null then 1.0 else 0 end) "
                + "from employment_contract c join organisation o on o.id = c.organisation_id where c.position = 'TEACHER' "
                + "and o.kind not in ('PRESCHOOL', 'TVET_COLLEGE')").query(Double.class).single();
        assertThat(teachersWithGrades).isBetween(0.8, 0.95);
        assertThat(db.sql("select count(*) from employment_contract c join organisation o on o.id = c.organisation_id "
                + "where c.grades_taught is not null and (c.position <> 'TEACHER' or o.kind in ('PRESCHOOL', 'TVET_COLLEGE'))")
                .query(Long.class).single()).isZero();
    }
}
