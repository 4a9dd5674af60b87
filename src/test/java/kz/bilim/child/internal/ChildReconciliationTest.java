package kz.bilim.child.internal;

import kz.bilim.BilimTest;
import kz.bilim.child.ChildFixture;
import kz.bilim.child.ChildImport;
import kz.bilim.child.ChildSource;
import kz.bilim.identity.Iin;
import kz.bilim.identity.Sex;
import kz.bilim.kernel.CurrentScope;
import kz.bilim.kernel.Outcome;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;

import static kz.bilim.child.ChildFixture.HEADER;
import static kz.bilim.child.ChildFixture.file;
import static kz.bilim.child.ChildFixture.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The national reconciliation (issue 9 benchmark): sources 1–4 from the live enrolments and the national Justice and
 * Kandas files as ONE bulk merge ({@link ChildImporting#reconcileAsSystem}) gives what the separate imports give —
 * the separate imports run after it find nothing to change — and fails as a whole.
 */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChildReconciliationTest {

    static final String DISTRICT = "613300000";

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;
    @Autowired
    ChildImporting imports;
    @Autowired
    RegistrySources registry;

    @TempDir
    Path folder;

    ChildFixture fixture;
    String here;
    long school;

    @BeforeAll
    void fixtures() {
        fixture = new ChildFixture(ownerDataSource, mvc, YearMonth.of(2016, 7), 7300);
        here = fixture.registry.districtWithSettlement(DISTRICT, false);
        school = fixture.registry.organisation(here, "Татулық", "GENERAL_SECONDARY_SCHOOL", 1, "kk");
    }

    /** A pupil of the school (an enrolment written directly: no refresh runs until the reconciliation). */
    Iin pupil(int age, Sex sex, String last, String first) {
        Iin iin = fixture.child(age, sex);
        fixture.registry.enrolment(fixture.registry.person(iin, last, first, here), school, null, here, 5,
                ChildFixture.TODAY.minusYears(1));
        return iin;
    }

    Path write(String name, String csv) throws Exception {
        Path path = folder.resolve(name);
        Files.writeString(path, csv);
        return path;
    }

    ChildImporting.Reconciled reconcile(Path justice, Path kandas) {
        return imports.reconcileAsSystem(justice, kandas, ChildImporting.Progress.NONE).orElseThrow();
    }

    /** Everything of the children and their sources but ids and times: equal before and after means nothing changed. */
    String state() {
        return fixture.owner.sql("""
                select concat_ws(' ', (select count(*) || ':' || coalesce(sum(hashtext(concat_ws('|', iin, last_name,
                           first_name, patronymic, birth_date, sex, citizenship, kato, name_key, person_id, held,
                           merged_into)))::bigint, 0) from child),
                       (select count(*) || ':' || coalesce(sum(hashtext(concat_ws('|', s.child_id, s.source, s.origin,
                           s.territory, s.iin, s.last_name, s.first_name, s.birth_date, s.residence_kato,
                           s.organisation_id, s.active)))::bigint, 0) from child_source s),
                       (select count(*) from child_review))
                """).query(String.class).single();
    }

    long held(Iin iin) {
        return fixture.count("select held from child where iin = ?", iin.value());
    }

    @Test
    @DisplayName("CA-1 CA-2 the national reconciliation: registry, Justice and Kandas in one bulk merge — one record per child with every source, duplicates and bad rows rejected per file, a row without IIN linked by name; the separate imports after it find nothing to change")
    void sameAsSeparateImports() throws Exception {
        Iin moved = pupil(12, Sex.MALE, "Орынов", "Асқар");        // in Justice with another residence
        Iin onlyPupil = pupil(9, Sex.FEMALE, "Мектепова", "Айым");  // in the registry only
        Iin everywhere = pupil(14, Sex.MALE, "Бәрінде", "Ерлан");  // registry, Justice and Kandas
        Iin notInSchool = fixture.child(8, Sex.FEMALE);            // Justice, and Kandas without IIN
        Iin bad = fixture.child(7, Sex.MALE);
        String badIin = bad.value().substring(0, 11) + ((bad.value().charAt(11) - '0' + 1) % 10);
        String elsewhere = fixture.registry.districtWithSettlement("613400000", false);
        Path justice = write("justice.csv", "\uFEFF" + file(HEADER,
                row(moved, "Орынов", "Асқар", elsewhere),
                row(everywhere, "Бәрінде", "Ерлан", here),
                row(notInSchool, "Сыртқы", "Дана", here),
                row(notInSchool, "Сыртқы", "Дана", here),                     // row 5: a duplicate of row 4
                row(bad, "Қате", "Нұр", here).replace(bad.value(), badIin))); // row 6: a bad IIN
        Path kandas = write("kandas.csv", file(HEADER,
                row(everywhere, "Бәрінде", "Ерлан", here),
                row(notInSchool, "Сыртқы", "Дана", here).replace(notInSchool.value(), ""), // no IIN: linked by name
                ",Жаңаев,Тимур,," + ChildFixture.TODAY.minusYears(4) + ",M,XX," + here));  // no IIN, nobody fits

        var done = reconcile(justice, kandas);

        assertThat(done.justice().state()).isEqualTo(ChildImport.State.DONE);
        assertThat(done.kandas().state()).isEqualTo(ChildImport.State.DONE);
        assertThat(done.justice()).extracting(ChildImport::rows, ChildImport::accepted, ChildImport::rejected,
                ChildImport::inserted).containsExactly(5, 3, 2, 3);
        assertThat(done.kandas()).extracting(ChildImport::rows, ChildImport::accepted, ChildImport::children)
                .containsExactly(3, 3, 1);
        assertThat(fixture.owner.sql("select row_number || ':' || field || ':' || reason from child_import_rejection "
                + "where import_id = ?").param(done.justice().id()).query(String.class).list())
                .containsExactlyInAnyOrder("5:iin:child.import.duplicate", "6:iin:identity.reason.bad-check-digit");
        for (Iin iin : new Iin[]{moved, onlyPupil, everywhere, notInSchool})
            assertThat(fixture.count("select count(*) from child where iin = ?", iin.value())).isEqualTo(1);
        // held bits (V170): EMIS_SCHOOL 2, JUSTICE 16, KANDAS 32
        assertThat(held(moved)).isEqualTo(2 | 16);
        assertThat(held(onlyPupil)).isEqualTo(2);
        assertThat(held(everywhere)).isEqualTo(2 | 16 | 32);
        assertThat(held(notInSchool)).isEqualTo(16 | 32);
        // Justice is the record (CA-2), the registry's residence kept beside it; the person linked
        assertThat(fixture.count("select count(*) from child where iin = ? and kato = ? and person_id is not null",
                moved.value(), elsewhere)).isEqualTo(1);
        assertThat(fixture.count("select count(*) from child where last_name = 'Жаңаев' and iin is null and held = 32"))
                .isEqualTo(1);
        assertThat(fixture.count("select count(*) from child_reconcile_row")).isZero();

        String reconciled = state();
        CurrentScope.asSystem(() -> registry.refresh(""));
        for (var source : new ChildSource[]{ChildSource.JUSTICE, ChildSource.KANDAS}) {
            var again = imports.runAsSystem(source, null, source == ChildSource.JUSTICE ? justice : kandas,
                    ChildImporting.Progress.NONE).orElseThrow();
            assertThat(again.state()).isEqualTo(ChildImport.State.DONE);
            assertThat(again).as(source.name()).extracting(ChildImport::inserted, ChildImport::updated,
                    ChildImport::withdrawn, ChildImport::children).containsExactly(0, 0, 0, 0);
        }
        assertThat(state()).isEqualTo(reconciled);
        // and the reconciliation again: the same snapshot twice changes nothing
        var twice = reconcile(justice, kandas);
        assertThat(twice.justice()).extracting(ChildImport::inserted, ChildImport::updated, ChildImport::withdrawn,
                ChildImport::children).containsExactly(0, 0, 0, 0);
        assertThat(state()).isEqualTo(reconciled);
    }

    @Test
    @DisplayName("CA-2 a reconciliation failing half way (a database error while the children are written) leaves the registry exactly as before, every index, key and trigger back; both imports FAILED")
    void atomic() throws Exception {
        Iin a = pupil(10, Sex.FEMALE, "Атомова", "Сәуле");
        Iin b = fixture.child(6, Sex.MALE);
        Path justice = write("justice-failing.csv", file(HEADER, row(a, "Атомова", "Сәуле", here),
                row(b, "Сынақ", "Гүл", here)));
        Path kandas = write("kandas-failing.csv", file(HEADER));
        String before = state();
        String schema = schema();
        fixture.owner.sql("""
                create or replace function child_test_refuse() returns trigger language plpgsql as
                $$ begin if new.last_name = 'Сынақ' then raise exception 'half way'; end if; return new; end $$;
                create trigger child_test_refuse before insert on child for each row execute function child_test_refuse();
                """).update();
        ChildImporting.Reconciled failed;
        try {
            failed = reconcile(justice, kandas);
        } finally {
            fixture.owner.sql("drop trigger child_test_refuse on child; drop function child_test_refuse()").update();
        }
        assertThat(failed.justice().state()).isEqualTo(ChildImport.State.FAILED);
        assertThat(failed.kandas().state()).isEqualTo(ChildImport.State.FAILED);
        assertThat(state()).isEqualTo(before);
        assertThat(schema()).isEqualTo(schema);
        assertThat(fixture.count("select count(*) from child where iin in (?, ?)", a.value(), b.value())).isZero();
        assertThat(fixture.count("select count(*) from child_reconcile_row")).isZero();
    }

    @Test
    @DisplayName("CA-1 a reconciliation while a national Kandas import runs is refused with 409 and leaves no import queued; a file of another source's shape is refused before anything is written")
    void conflictAndShape() throws Exception {
        Path justice = write("justice-409.csv", file(HEADER));
        Path kandas = write("kandas-409.csv", file(HEADER));
        fixture.owner.sql("insert into child_import (source, kato, state, actor) values ('KANDAS', '', 'RUNNING', 'test')")
                .update();
        try {
            var refused = imports.reconcileAsSystem(justice, kandas, ChildImporting.Progress.NONE);
            assertThat(refused).isInstanceOf(Outcome.Refused.class);
            assertThat(((Outcome.Refused<?>) refused).refusal().reasonKey()).isEqualTo("child.import.running");
        } finally {
            fixture.owner.sql("delete from child_import where actor = 'test'").update();
        }
        assertThat(fixture.count("select count(*) from child_import where state in ('QUEUED', 'RUNNING') and actor = 'child-reconcile'")).isZero();
        long before = fixture.count("select count(*) from child_import");
        Path emis = write("emis.csv", HEADER + ",organisation_bin,grade\n");
        var shape = imports.reconcileAsSystem(emis, kandas, ChildImporting.Progress.NONE);
        assertThat(shape).isInstanceOf(Outcome.Refused.class);
        assertThat(((Outcome.Refused<?>) shape).refusal().errors()).extracting(e -> e.field()).containsExactly("file");
        assertThat(fixture.count("select count(*) from child_import")).isEqualTo(before);
    }

    private String schema() {
        return fixture.owner.sql("""
                select string_agg(x, ',' order by x collate "C") from (
                    select (indexname::text || ':' || indexdef::text) as x from pg_indexes
                     where tablename in ('child', 'child_source')
                    union all select conname::text || ':' || pg_get_constraintdef(oid) from pg_constraint
                     where conrelid in ('child'::regclass, 'child_source'::regclass)
                    union all select tgname::text || ':' || tgenabled::text from pg_trigger
                     where tgrelid = 'child'::regclass and not tgisinternal) d
                """).query(String.class).single();
    }
}
