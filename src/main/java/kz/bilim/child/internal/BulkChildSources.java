package kz.bilim.child.internal;

import kz.bilim.child.ChildBulkWriter;
import kz.bilim.child.lost.LostPupilPolicy;
import kz.bilim.child.truancy.FormingTruantList;
import kz.bilim.child.truancy.TruancyPolicy;
import kz.bilim.enrolment.EnrolledPupils;
import kz.bilim.kernel.CurrentScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's six sources (issue 9 item 7), set-based: one statement per table over the persons not yet in the single
 * database and their open enrolments — sources 1–4 from every open enrolment (origin REGISTRY, as
 * {@link RegistrySources} would read them), the Justice register and the Kandas system drawn by the shares, with the
 * disagreements kept side by side and each child's record from its preferred source (Justice, Kandas, EMIS), exactly
 * as {@link ChildMerge} leaves it. The kept list counts' triggers are off while writing (the counts are rebuilt on the
 * next read instead of one delta over millions of rows); then the absences of the truants on last month's school days,
 * and that month's truant lists formed as the monthly job forms them. Every row carries a demo import's id, which is
 * how {@link #remove} finds them again.
 */
@Service
class BulkChildSources implements ChildBulkWriter {

    static final String ACTOR = "demo";
    private static final java.util.List<String> TRIGGERS = ChildMerge.COUNT_TRIGGERS;

    /**
     * The persons staged by the enrolment module, each with its open enrolment's organisation and EMIS source (as
     * {@link RegistrySources} stages them) and two independent deterministic draws 0–999.
     */
    private static final String PERSONS = """
            create temp table demo_person on commit drop as
            select p.person_id as id, p.iin, p.last_name, p.first_name, p.patronymic, p.birth_date, p.sex,
                   coalesce(p.citizenship, 'KZ') as citizenship, p.residence_kato,
                   (p.person_id * 7919 + :seed) % 1000 as h, (p.person_id * 104729 + :seed * 31) % 1000 as h2,
                   e.organisation_id, e.kato as organisation_kato, e.grade, o.bin, o.source as emis
              from pg_temp.demo_all_persons p
              left join pg_temp.demo_pupil e on e.person_id = p.person_id
              left join pg_temp.demo_organisation o on o.organisation_id = e.organisation_id
             where not exists (select 1 from child c where c.person_id = p.person_id)
            """;

    private static final String LAST_PERSON = "select coalesce(max(person_id), 0) from pg_temp.demo_all_persons";

    /** What each source says; {@code moved_to}: where Justice registers a child who lives elsewhere than enrolled. */
    private static final String SAYS = """
            create temp table demo_says on commit drop as
            select d.*, d.id + :offset as child_id,
                   d.h < :justice as in_justice, d.h2 >= 100 and d.h2 < 100 + :kandas as in_kandas,
                   d.h2 < :latin as latin, d.h2 >= 100 and d.h2 < 100 + :otherBirth as other_birth,
                   d.id % 1000 < :otherResidence and d.h < :justice as moved,
                   d.h2 >= 500 and d.h2 < 500 + :exempt as exempt, d.h2 >= 600 and d.h2 < 600 + :truant as truant
              from demo_person d
             where d.h < :justice or (d.h2 >= 100 and d.h2 < 100 + :kandas) or d.organisation_id is not null
            """;

    private static final String NAME_KEYS = """
            create temp table demo_name on commit drop as
            select last_name, first_name, child_name_key(last_name, first_name) as name_key
              from (select distinct last_name, first_name from demo_says) n
            """;

    /** The settlements people live in, numbered: where Justice registers the moved children. */
    private static final String KATOS = """
            create temp table demo_kato on commit drop as
            select row_number() over (order by kato) - 1 as n, kato
              from (select distinct residence_kato as kato from demo_person where residence_kato is not null) k
            """;

    /** A moved child's other settlement: the one its id draws, or the next one if that is where it lives. */
    private static final String MOVED = """
            create temp table demo_moved on commit drop as
            select s.id, case when k1.kato is distinct from s.residence_kato then k1.kato else k2.kato end as kato
              from demo_says s
              join demo_kato k1 on k1.n = s.id % :katos
              join demo_kato k2 on k2.n = (s.id + 1) % :katos
             where s.moved
            """;

    private static final String CHILDREN = """
            insert into child (id, iin, last_name, first_name, patronymic, birth_date, sex, citizenship, kato, name_key,
                               person_id, exempt, held)
            overriding system value
            select s.child_id, s.iin, case when s.latin then initcap(child_name_fold(s.last_name)) else s.last_name end,
                   s.first_name, s.patronymic,
                   case when s.other_birth and not s.in_justice then s.birth_date + 1 else s.birth_date end, s.sex,
                   s.citizenship, coalesce(m.kato, s.residence_kato), n.name_key, s.id,
                   s.exempt and s.birth_date <= cast(:today as date) - interval '6 years',
                   ((case s.emis when 'EMIS_PRESCHOOL' then 1 when 'EMIS_SCHOOL' then 2 when 'EMIS_TVET' then 4
                                 when 'EMIS_NON_STATE' then 8 else 0 end)
                    | (case when s.in_justice then 16 else 0 end) | (case when s.in_kandas then 32 else 0 end))::smallint
              from demo_says s
              join demo_name n on n.last_name = s.last_name and n.first_name = s.first_name
              left join demo_moved m on m.id = s.id
            """;

    private static final String REGISTRY_ROWS = """
            insert into child_source (child_id, source, origin, territory, iin, last_name, first_name, patronymic,
                                      birth_date, sex, citizenship, residence_kato, organisation_bin, organisation_id,
                                      grade, first_import_id, changed_import_id)
            select child_id, emis, 'REGISTRY', organisation_kato, iin, last_name, first_name, patronymic, birth_date,
                   sex, citizenship, residence_kato, bin, organisation_id, grade, :import, :import
              from demo_says where emis is not null
            """;

    private static final String JUSTICE_ROWS = """
            insert into child_source (child_id, source, origin, territory, iin, last_name, first_name, patronymic,
                                      birth_date, sex, citizenship, residence_kato, first_import_id, changed_import_id)
            select s.child_id, 'JUSTICE', 'IMPORT', left(coalesce(m.kato, s.residence_kato), 4) || '00000', s.iin,
                   case when s.latin then initcap(child_name_fold(s.last_name)) else s.last_name end, s.first_name,
                   s.patronymic, s.birth_date, s.sex, s.citizenship, coalesce(m.kato, s.residence_kato), :import, :import
              from demo_says s left join demo_moved m on m.id = s.id
             where s.in_justice
            """;

    private static final String KANDAS_ROWS = """
            insert into child_source (child_id, source, origin, territory, iin, last_name, first_name, patronymic,
                                      birth_date, sex, citizenship, residence_kato, first_import_id, changed_import_id)
            select child_id, 'KANDAS', 'IMPORT', left(residence_kato, 4) || '00000', iin, last_name, first_name,
                   patronymic, case when other_birth then birth_date + 1 else birth_date end, sex, citizenship,
                   residence_kato, :import, :import
              from demo_says where in_kandas
            """;

    /** Children of kandases without IIN, foreign citizens, in no organisation: new children of Kandas alone. */
    private static final String KANDAS_WITHOUT_IIN = """
            create temp table demo_newcomer on commit drop as
            select d.id + :newcomerOffset as child_id,
                   (array['Нұрсұлтан', 'Бекжан', 'Ерсін', 'Мөлдір', 'Назгүл', 'Ақниет'])[1 + d.id % 6] as first_name,
                   d.last_name, d.patronymic, d.birth_date, d.sex,
                   (array['CN', 'MN', 'UZ', 'TM', 'RU'])[1 + d.id % 5] as citizenship, d.residence_kato
              from demo_person d
             where d.h2 >= 300 and d.h2 < 300 + :without
            """;

    private static final String NEWCOMERS = """
            with c as (
                insert into child (id, last_name, first_name, patronymic, birth_date, sex, citizenship, kato, name_key, held)
                overriding system value
                select child_id, last_name, first_name, patronymic, birth_date, sex, citizenship, residence_kato,
                       child_name_key(last_name, first_name), 32
                  from demo_newcomer returning id)
            insert into child_source (child_id, source, origin, territory, last_name, first_name, patronymic,
                                      birth_date, sex, citizenship, residence_kato, first_import_id, changed_import_id)
            select child_id, 'KANDAS', 'IMPORT', left(residence_kato, 4) || '00000', last_name, first_name, patronymic,
                   birth_date, sex, citizenship, residence_kato, :import, :import
              from demo_newcomer
            """;

    /**
     * Lost pupils (issue 9 item 5): of the children of school age enrolled nowhere, the share {@code lost} (and at
     * least one per district) left a school of their district 0–19 days before today's cut-off, so they are past the
     * school days of {@link LostPupilPolicy} and on the district's "left and not arrived" list. The demo's departures
     * come from no real enrolment: minus the child's id stands for the ended enrolment (never a real one).
     */
    private static final String LOST = """
            insert into pupil_departure (enrolment_id, person_id, organisation_id, school_kato, left_on)
            select -s.child_id, s.id, sc.organisation_id, sc.organisation_kato, cast(:listedBefore as date) - cast(s.id % 20 as integer)
              from (select s.*, left(coalesce(m.kato, s.residence_kato), 4) as district,
                           row_number() over w as n, count(*) over w as of
                      from demo_says s left join demo_moved m on m.id = s.id
                     where s.emis is null and not s.exempt and s.residence_kato is not null
                       and s.birth_date <= cast(:today as date) - interval '7 years'
                       and s.birth_date > cast(:today as date) - interval '17 years'
                    window w as (partition by left(coalesce(m.kato, s.residence_kato), 4) order by s.h2, s.id)) s
              join (select distinct on (left(organisation_kato, 4)) organisation_id, organisation_kato
                      from demo_says where emis = 'EMIS_SCHOOL'
                     order by left(organisation_kato, 4), organisation_id) sc on left(sc.organisation_kato, 4) = s.district
             where s.n <= 1 + s.of * :lost / 1000
            """;

    /**
     * CA-2's review queue: the share {@code twins} of the children in Justice (at least one per district) were
     * recorded before by Kandas without IIN, as foreign citizens not yet naturalised — the same folded name, birth
     * date and settlement — so the Justice row with the IIN made a record of its own and a case IIN_LATER waits for
     * the district officer (merge or keep apart), exactly as {@link ChildReviewQueue} leaves one.
     */
    private static final String TWINS = """
            create temp table demo_twin on commit drop as
            select c.id as child_id, :twinOffset + row_number() over (order by c.id) as twin_id, c.last_name,
                   c.first_name, c.patronymic, c.birth_date, c.sex, c.kato, c.name_key,
                   (array['UZ', 'CN', 'MN', 'RU', 'TM'])[1 + c.id % 5] as citizenship
              from (select c.*, row_number() over w as n, count(*) over w as of
                      from child c join demo_says s on s.child_id = c.id
                     where s.in_justice and not s.in_kandas and c.iin is not null
                    window w as (partition by left(c.kato, 4) order by s.h, c.id)) c
             where c.n <= 1 + c.of * :twins / 1000
            """;

    private static final String TWIN_CHILDREN = """
            insert into child (id, last_name, first_name, patronymic, birth_date, sex, citizenship, kato, name_key, held)
            overriding system value
            select twin_id, last_name, first_name, patronymic, birth_date, sex, citizenship, kato, name_key, 32
              from demo_twin
            """;

    private static final String TWIN_SOURCES = """
            insert into child_source (child_id, source, origin, territory, last_name, first_name, patronymic,
                                      birth_date, sex, citizenship, residence_kato, first_import_id, changed_import_id)
            select twin_id, 'KANDAS', 'IMPORT', left(kato, 4) || '00000', last_name, first_name, patronymic, birth_date,
                   sex, citizenship, kato, :import, :import
              from demo_twin
            """;

    private static final String TWIN_REVIEWS = """
            with r as (
                insert into child_review (child_id, reason, kato, source, origin, import_id)
                select child_id, 'IIN_LATER', kato, 'JUSTICE', 'IMPORT', :import from demo_twin
                returning id, child_id)
            insert into child_review_candidate (review_id, child_id)
            select r.id, t.twin_id from r join demo_twin t on t.child_id = r.child_id
            """;

    /** The truants' unexcused absences: 11–15 of the counted month's school days (the rule: more than 10). */
    private static final String ABSENCES = """
            insert into attendance_absence (person_id, day, organisation_id, kato, excused, recorded_by)
            select s.id, d.day, s.organisation_id, s.organisation_kato, false, :actor
              from demo_says s
              cross join lateral unnest(cast(:days as date[])) with ordinality as d (day, n)
             where s.truant and s.emis = 'EMIS_SCHOOL' and s.grade between 1 and 11
               and d.n <= 11 + s.id % 5
            on conflict do nothing
            """;

    private final EnrolledPupils pupils;
    private final FormingTruantList forming;
    private final TruancyPolicy truancy;
    private final LostPupilPolicy lostPupils;

    BulkChildSources(EnrolledPupils pupils, FormingTruantList forming, TruancyPolicy truancy,
                     LostPupilPolicy lostPupils) {
        this.pupils = pupils;
        this.forming = forming;
        this.truancy = truancy;
        this.lostPupils = lostPupils;
    }

    @Override
    public Map<String, Long> write(DataSource owner, long seed, Shares shares, LocalDate today,
                                   List<Organisation> organisations) {
        // the persons and enrolments of the whole country: a system run, whoever started the demo load
        return CurrentScope.asSystem(() -> writeAll(owner, seed, shares, today, organisations));
    }

    private Map<String, Long> writeAll(DataSource owner, long seed, Shares shares, LocalDate today,
                                       List<Organisation> organisations) {
        var jdbc = JdbcClient.create(owner);
        var month = truancy.countedMonth(today);
        var days = truancy.schoolDays(month).stream().map(LocalDate::toString).toArray(String[]::new);
        Map<String, Long> rows = new LinkedHashMap<>();
        new TransactionTemplate(new DataSourceTransactionManager(owner)).executeWithoutResult(status -> {
            for (String t : TRIGGERS) jdbc.sql("alter table child disable trigger " + t).update();
            jdbc.sql("update child_list_count_day set as_of = null").update();
            long demoImport = jdbc.sql("""
                    insert into child_import (source, kato, state, actor, started_at, finished_at)
                    values ('JUSTICE', '', 'DONE', :actor, now(), now()) returning id""")
                    .param("actor", ACTOR).query(Long.class).single();
            long lastChild = jdbc.sql("select coalesce(max(id), 0) from child").query(Long.class).single();
            pupils.stagePersons(owner, "demo_all_persons");
            pupils.stageActive(owner, "", null, "demo_pupil");
            jdbc.sql("""
                    create temp table demo_organisation on commit drop as
                    select * from unnest(cast(:ids as bigint[]), cast(:sources as text[]), cast(:bins as text[]))
                        as o (organisation_id, source, bin)""")
                    .param("ids", organisations.stream().map(Organisation::id).toArray(Long[]::new))
                    .param("sources", organisations.stream().map(o -> o.source().name()).toArray(String[]::new))
                    .param("bins", organisations.stream().map(Organisation::bin).toArray(String[]::new)).update();
            long lastPerson = jdbc.sql(LAST_PERSON).query(Long.class).single();
            jdbc.sql(PERSONS).param("seed", seed).update();
            jdbc.sql("analyze demo_person").update();
            jdbc.sql(SAYS).param("offset", lastChild).param("justice", shares.justice())
                    .param("kandas", shares.kandas()).param("latin", shares.latinName())
                    .param("otherBirth", shares.otherBirthDate()).param("otherResidence", shares.otherResidence())
                    .param("exempt", shares.exempt()).param("truant", shares.truant()).update();
            jdbc.sql(NAME_KEYS).update();
            long katos = jdbc.sql(KATOS).update();
            jdbc.sql(MOVED).param("katos", Math.max(katos, 1)).update();
            rows.put("child: children", (long) jdbc.sql(CHILDREN).param("today", today).update());
            long sources = jdbc.sql(REGISTRY_ROWS).param("import", demoImport).update();
            sources += jdbc.sql(JUSTICE_ROWS).param("import", demoImport).update();
            sources += jdbc.sql(KANDAS_ROWS).param("import", demoImport).update();
            jdbc.sql(KANDAS_WITHOUT_IIN).param("newcomerOffset", lastChild + lastPerson)
                    .param("without", shares.kandasWithoutIin()).update();
            long newcomers = jdbc.sql(NEWCOMERS).param("import", demoImport).update();
            rows.merge("child: children", newcomers, Long::sum);
            long lastNewcomer = jdbc.sql("select coalesce(max(id), 0) from child").query(Long.class).single();
            jdbc.sql(TWINS).param("twinOffset", lastNewcomer).param("twins", shares.twins()).update();
            long twins = jdbc.sql(TWIN_CHILDREN).update();
            rows.merge("child: children", twins, Long::sum);
            jdbc.sql(TWIN_SOURCES).param("import", demoImport).update();
            rows.put("child: source rows", sources + newcomers + twins);
            rows.put("child_review: open cases", (long) jdbc.sql(TWIN_REVIEWS).param("import", demoImport).update());
            rows.put("pupil_departure: lost pupils", (long) jdbc.sql(LOST).param("today", today)
                    .param("listedBefore", lostPupils.listedBefore(today)).param("lost", shares.lost()).update());
            jdbc.sql("select setval(pg_get_serial_sequence('child', 'id'), greatest((select max(id) from child), 1))")
                    .query(Long.class).single();
            rows.put("child: absences", (long) jdbc.sql(ABSENCES).param("actor", ACTOR).param("days", days).update());
            jdbc.sql("update child_import set rows = :n, accepted = :n, inserted = :n where id = :id")
                    .param("n", rows.get("child: source rows")).param("id", demoImport).update();
            for (String t : TRIGGERS) jdbc.sql("alter table child enable trigger " + t).update();
        });
        jdbc.sql("analyze child").update();
        jdbc.sql("analyze child_source").update();
        return rows;
    }

    @Override
    public long formTruantLists(LocalDate today) {
        return CurrentScope.asSystem(() -> forming.form(truancy.countedMonth(today), ACTOR).entries());
    }

    @Override
    public void remove(DataSource owner) {
        var jdbc = JdbcClient.create(owner);
        new TransactionTemplate(new DataSourceTransactionManager(owner)).executeWithoutResult(status -> {
            jdbc.sql("create temp table demo_gone on commit drop as select distinct child_id from child_source "
                    + "where first_import_id in (select id from child_import where actor = :actor)")
                    .param("actor", ACTOR).update();
            jdbc.sql("delete from pupil_departure where person_id in (select c.person_id from child c "
                    + "where c.id in (select child_id from demo_gone))").update();
            jdbc.sql("delete from child_review_candidate where review_id in (select id from child_review "
                    + "where child_id in (select child_id from demo_gone))").update();
            jdbc.sql("delete from child_review where child_id in (select child_id from demo_gone)").update();
            jdbc.sql("delete from truant_entry where child_id in (select child_id from demo_gone)").update();
            jdbc.sql("delete from attendance_absence where recorded_by = :actor").param("actor", ACTOR).update();
            jdbc.sql("delete from child_source where child_id in (select child_id from demo_gone)").update();
            jdbc.sql("delete from child where id in (select child_id from demo_gone)").update();
            jdbc.sql("delete from child_import where actor = :actor").param("actor", ACTOR).update();
            jdbc.sql("update child_list_count_day set as_of = null").update();
        });
    }
}
