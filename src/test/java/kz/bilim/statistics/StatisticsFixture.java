package kz.bilim.statistics;

import kz.bilim.identity.Iin;
import kz.bilim.identity.Sex;
import kz.bilim.organisation.RegistryFixture;
import kz.bilim.platform.database.OwnerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Registry rows for the statistics tests (written as the schema owner), in districts no other test uses (5943, 5945
 * of North Kazakhstan, 1143 of Akmola), BINs of October 2013 and IINs from serial 9800: schools of several kinds,
 * urban and rural, state and private; classes with shifts and languages; pupils with sex, age and nationality,
 * among them one expelled before and one admitted after the snapshot day; staff with positions and education. The
 * pupils' names and IINs are what the leak test looks for.
 */
final class StatisticsFixture {

    static final LocalDate DAY = LocalDate.of(2026, 10, 5);
    static final String SECRET_SURNAME = "Құпиясова";
    static final String SECRET_FIRST_NAME = "Жасырынгүл";

    final RegistryFixture registry;
    final JdbcClient owner;
    final List<String> iins = new ArrayList<>();
    long schoolA;
    long schoolB;
    long evening;
    long special;
    long preschoolP;
    long preschoolQ;
    long pupilId;
    long staffMemberId;
    long contractId;
    long enrolmentId;
    private static boolean made;

    StatisticsFixture(OwnerDataSource ownerDataSource) {
        this.registry = new RegistryFixture(ownerDataSource, YearMonth.of(2013, 10), 9800);
        this.owner = registry.owner();
    }

    synchronized StatisticsFixture make() {
        var existing = owner.sql("select id from organisation where kato like '5943%' and kind = 'GENERAL_SECONDARY_SCHOOL'")
                .query(Long.class).optional();
        String urbanSettlement = registry.districtWithSettlement("594300000", true);
        String ruralSettlement = registry.districtWithSettlement("594500000", false);
        String akmola = registry.districtWithSettlement("114300000", false);
        if (existing.isPresent()) {
            reload();
            return this;
        }
        schoolA = organisation(urbanSettlement, "Стат-А", "GENERAL_SECONDARY_SCHOOL", true, "STATE", "kk");
        schoolB = organisation(ruralSettlement, "Стат-Б", "PRIMARY_SCHOOL", false, "PRIVATE", "ru");
        evening = organisation(akmola, "Стат-Кеш", "EVENING_SCHOOL", false, "STATE", "kk", "ru");
        special = organisation(urbanSettlement, "Стат-Арн", "SPECIAL_SCHOOL", true, "STATE", "ru");
        organisation(akmola, "Стат-Нег", "BASIC_SCHOOL", false, "STATE", "kk");
        preschoolP = organisation(urbanSettlement, "Стат-Б/б", "PRESCHOOL", true, "STATE", "kk");
        preschoolQ = organisation(ruralSettlement, "Стат-Бал", "PRESCHOOL", false, "PRIVATE", "ru");
        long a0 = registry.schoolClass(schoolA, urbanSettlement, 2026, 0, "А", "kk", 25);
        long a5 = registry.schoolClass(schoolA, urbanSettlement, 2026, 5, "Б", "ru", 25);
        owner.sql("update school_class set shift = 2 where id = :id").param("id", a5).update();
        long b1 = registry.schoolClass(schoolB, ruralSettlement, 2026, 1, "А", "ru", 25);
        long e10 = registry.schoolClass(evening, akmola, 2026, 10, "А", "ru", 25);
        LocalDate from = LocalDate.of(2026, 9, 1);
        pupil(LocalDate.of(2020, 3, 1), Sex.FEMALE, "KAZAKH", schoolA, a0, urbanSettlement, 0, from, null);
        pupil(LocalDate.of(2020, 11, 2), Sex.MALE, "KAZAKH", schoolA, a0, urbanSettlement, 0, from, null);
        long senPupil = pupil(LocalDate.of(2015, 5, 3), Sex.FEMALE, "RUSSIAN", schoolA, a5, urbanSettlement, 5, from, null);
        long eveningDepartment = pupil(LocalDate.of(2015, 1, 4), Sex.MALE, null, schoolA, a5, urbanSettlement, 5, from, null);
        long orphanBefore = pupil(LocalDate.of(2019, 2, 5), Sex.FEMALE, "UZBEK", schoolB, b1, ruralSettlement, 1, from, null);
        pupil(LocalDate.of(2005, 6, 6), Sex.MALE, "KAZAKH", evening, e10, akmola, 10, from, null);
        long specialPupil = pupil(LocalDate.of(2013, 7, 7), Sex.FEMALE, "KAZAKH", special, null, urbanSettlement, 7, from, null);
        // the pupils' registry (PupilRecords): SEN with the PMPK conclusion in school A and in the special school (there
        // also a disability); an orphan mark that ended before the day; one pupil of the day school A in its evening
        // department
        mark(senPupil, "SPECIAL_NEEDS", "ПМПК № 12, 01.09.2026", from, null);
        mark(specialPupil, "SPECIAL_NEEDS", "ПМПК № 13, 01.09.2026", from, null);
        mark(specialPupil, "DISABILITY", "МСЭ № 7", from, null);
        mark(orphanBefore, "ORPHAN", "Қамқоршылық органы № 3", from, LocalDate.of(2026, 9, 30));
        owner.sql("update enrolment set study_form = 'EVENING' where id = :id").param("id", eveningDepartment).update();
        // graduations of the school year 2025/26: "Altyn belgi" to university, basic with honours to college, the
        // evening school's basic certificate to work; one of 2024/25 is not counted
        graduate(LocalDate.of(2008, 3, 1), Sex.FEMALE, schoolA, urbanSettlement, 11, LocalDate.of(2026, 6, 20),
                "GENERAL", "ALTYN_BELGI", "HIGHER_EDUCATION");
        graduate(LocalDate.of(2010, 4, 2), Sex.MALE, schoolA, urbanSettlement, 9, LocalDate.of(2026, 6, 10),
                "BASIC", "HONOURS", "TVET");
        graduate(LocalDate.of(2004, 5, 3), Sex.MALE, evening, akmola, 9, LocalDate.of(2026, 6, 12),
                "BASIC", null, "EMPLOYED");
        graduate(LocalDate.of(2007, 6, 4), Sex.FEMALE, schoolA, urbanSettlement, 11, LocalDate.of(2025, 6, 20),
                "GENERAL", null, "NOT_PLACED");
        // year-end outcomes of 2025/26 (indicator 19): at the evening school one promoted and one who completed the
        // grade, one not promoted; a day school's promotion and an evening one of 2024/25 are not counted
        yearEnd(LocalDate.of(2003, 2, 10), Sex.FEMALE, evening, akmola, 10, LocalDate.of(2026, 5, 25), "PROMOTED");
        yearEnd(LocalDate.of(2006, 3, 11), Sex.MALE, evening, akmola, 9, LocalDate.of(2026, 5, 29), "COMPLETED");
        yearEnd(LocalDate.of(2004, 4, 12), Sex.MALE, evening, akmola, 10, LocalDate.of(2026, 5, 25), "NOT_PROMOTED");
        yearEnd(LocalDate.of(2012, 5, 13), Sex.FEMALE, schoolA, urbanSettlement, 7, LocalDate.of(2026, 5, 25), "PROMOTED");
        yearEnd(LocalDate.of(2002, 6, 14), Sex.FEMALE, evening, akmola, 10, LocalDate.of(2025, 5, 24), "PROMOTED");
        // expelled before the day, admitted after it: neither is counted on the day
        pupil(LocalDate.of(2015, 8, 8), Sex.MALE, "KAZAKH", schoolA, a5, urbanSettlement, 5, from, LocalDate.of(2026, 9, 20));
        pupil(LocalDate.of(2015, 9, 9), Sex.FEMALE, "KAZAKH", schoolA, a5, urbanSettlement, 5, LocalDate.of(2026, 11, 2), null);
        // preschool children, in their groups: senior and pre-school preparation at P, a special group at P, the
        // baby's nursery group at Q (a special preschool by its passport); a preparation-age child at P without a group
        group(pupil(LocalDate.of(2022, 1, 10), Sex.MALE, "KAZAKH", preschoolP, null, urbanSettlement, null, from, null),
                "SENIOR");
        group(pupil(LocalDate.of(2021, 4, 11), Sex.FEMALE, "KOREAN", preschoolP, null, urbanSettlement, null, from, null),
                "PREPARATION");
        group(pupil(LocalDate.of(2021, 6, 13), Sex.MALE, "RUSSIAN", preschoolP, null, urbanSettlement, null, from, null),
                "SPECIAL");
        group(pupil(LocalDate.of(2026, 2, 12), Sex.FEMALE, "KAZAKH", preschoolQ, null, ruralSettlement, null, from, null),
                "NURSERY");
        pupil(LocalDate.of(2021, 8, 14), Sex.FEMALE, "KAZAKH", preschoolP, null, urbanSettlement, null, from, null);
        // staff
        // teachers with nationality and grades taught (V191); B's teacher has neither recorded (UNKNOWN)
        staff(schoolA, urbanSettlement, "TEACHER", 1985, Sex.FEMALE, "HIGHER", null, "KAZAKH", "PRIMARY");
        staff(schoolA, urbanSettlement, "TEACHER", 1990, Sex.MALE, "TECHNICAL_VOCATIONAL", null, "RUSSIAN", "SENIOR");
        staff(schoolB, ruralSettlement, "TEACHER", 1970, Sex.FEMALE, "POSTGRADUATE", null, null, null);
        staff(schoolA, urbanSettlement, "TEACHER", 1980, Sex.MALE, "HIGHER", LocalDate.of(2026, 9, 15), "KAZAKH", "BASIC");
        staff(preschoolP, urbanSettlement, "EDUCATOR", 1995, Sex.FEMALE, "HIGHER", null);
        staff(preschoolP, urbanSettlement, "DIRECTOR", 1975, Sex.FEMALE, "HIGHER", null);
        staff(preschoolP, urbanSettlement, "COOK", 1965, Sex.FEMALE, null, null);
        staff(preschoolQ, ruralSettlement, "EDUCATOR", 2000, Sex.FEMALE, "POST_SECONDARY", null);
        // the school passports of 2026 (EIS-4): accepted for A, B and the evening school; the special school's was
        // returned, so it counts nowhere
        long period = passportPeriod();
        passport(period, schoolA, urbanSettlement, "ACCEPTED", 30, 25, "yes", 2, "yes");
        passport(period, schoolB, ruralSettlement, "ACCEPTED", 5, 2, "no", 0, "no");
        passport(period, evening, akmola, "ACCEPTED", 4, 4, "no", 0, null);
        passport(period, special, urbanSettlement, "RETURNED", 90, 90, "yes", 5, "yes");
        // the preschool passports of 2026: P a kindergarten with one of its two buildings in emergency state, Q a
        // special preschool
        long preschoolPeriod = period("PRESCHOOL-PASSPORT", "Мектепке дейінгі ұйымның паспорты",
                "Паспорт дошкольной организации", "PRESCHOOL");
        preschoolPassport(preschoolPeriod, preschoolP, urbanSettlement, 120, 2, 1, "KINDERGARTEN");
        preschoolPassport(preschoolPeriod, preschoolQ, ruralSettlement, 40, 1, 0, "SPECIAL");
        // the child registry (issue 9): children 0–7 living in the districts — at P (an active EMIS source), in no
        // organisation, one turning 8 before 1 September, one born after it, one no source holds any more (history)
        child(LocalDate.of(2021, 4, 11), "FEMALE", urbanSettlement, 16 | 1, preschoolP);
        child(LocalDate.of(2024, 3, 1), "MALE", urbanSettlement, 16, null);
        child(LocalDate.of(2019, 9, 1), "MALE", ruralSettlement, 16, null);
        child(LocalDate.of(2026, 1, 20), null, ruralSettlement, 16, null);
        child(LocalDate.of(2018, 8, 31), "FEMALE", ruralSettlement, 16, null);
        child(LocalDate.of(2026, 9, 10), "FEMALE", urbanSettlement, 16, null);
        child(LocalDate.of(2022, 5, 5), "MALE", akmola, 0, null);
        // the preschool queue: two open on the day (one of them aged 2, one aged 4), one placed before it, one
        // registered after it
        long waiting = child(LocalDate.of(2024, 7, 7), "FEMALE", urbanSettlement, 16, null);
        long older = child(LocalDate.of(2022, 6, 6), "MALE", ruralSettlement, 16, null);
        long placed = child(LocalDate.of(2023, 2, 2), "FEMALE", ruralSettlement, 16, null);
        long later = child(LocalDate.of(2023, 3, 3), "MALE", akmola, 16, null);
        queue(waiting, urbanSettlement, LocalDate.of(2025, 5, 1), null);
        queue(older, ruralSettlement, LocalDate.of(2024, 9, 1), null);
        queue(placed, ruralSettlement, LocalDate.of(2025, 1, 10), LocalDate.of(2026, 9, 1));
        queue(later, akmola, LocalDate.of(2026, 10, 20), null);
        return this;
    }

    /** The 2026 school passport's period (the form made here unless another test has made it). */
    private long passportPeriod() {
        return period("SCHOOL-PASSPORT", "Мектеп паспорты", "Паспорт школы", "GENERAL_SECONDARY_SCHOOL");
    }

    /** The latest period of the form of 2026 of that code (form and period made here unless another test has). */
    private long period(String code, String nameKk, String nameRu, String appliesTo) {
        Long form = owner.sql("select id from collection_form where code = :c and year = 2026").param("c", code)
                .query(Long.class).optional().orElse(null);
        if (form == null)
            form = owner.sql("""
                            insert into collection_form (code, year, kind, periodicity, name_kk, name_ru, name_en,
                                                         applies_to, definition, created_by)
                            values (:c, 2026, 'REGULAR', 'ANNUAL', :kk, :ru, :c, array[:a], '{}'::jsonb,
                                    'statistics-test')
                            returning id""").param("c", code).param("kk", nameKk).param("ru", nameRu)
                    .param("a", appliesTo).query(Long.class).single();
        long formId = form;
        return owner.sql("""
                        select id from collection_period where form_id = :f order by ends_on desc, id desc limit 1""")
                .param("f", formId).query(Long.class).optional().orElseGet(() -> owner.sql("""
                        insert into collection_period (form_id, label, starts_on, ends_on, due_organisation, due_district,
                                                       due_region, due_ministry)
                        values (:f, '2026', date '2026-09-01', date '2026-10-05', date '2026-10-10', date '2026-10-20',
                                date '2026-10-30', date '2026-11-10') returning id""")
                        .param("f", formId).query(Long.class).single());
    }

    private void passport(long period, long organisation, String kato, String status, int computers, int internet,
                          String camp, int deepStudyMath, String deepStudyProfile) {
        long submission = owner.sql("""
                        insert into collection_submission (period_id, level, organisation_id, kato, status, version)
                        values (:p, 'ORGANISATION', :o, :k, :s, 1) returning id""")
                .param("p", period).param("o", organisation).param("k", kato).param("s", status)
                .query(Long.class).single();
        value(submission, kato, organisation, "computers", "", computers, null);
        value(submission, kato, organisation, "computers_internet", "", internet, null);
        value(submission, kato, organisation, "camp", "", null, camp);
        if (deepStudyProfile != null) value(submission, kato, organisation, "deep_study_profile", "", null, deepStudyProfile);
        value(submission, kato, organisation, "places", "", 600, null);
        if (deepStudyMath > 0) value(submission, kato, organisation, "deep_study", "MATH", deepStudyMath, null);
        value(submission, kato, organisation, "deep_study", "IT", 0, null);
    }

    private void preschoolPassport(long period, long organisation, String kato, int places, int buildings,
                                   int emergency, String type) {
        long submission = owner.sql("""
                        insert into collection_submission (period_id, level, organisation_id, kato, status, version)
                        values (:p, 'ORGANISATION', :o, :k, 'ACCEPTED', 1) returning id""")
                .param("p", period).param("o", organisation).param("k", kato).query(Long.class).single();
        value(submission, kato, organisation, "places", "", places, null);
        value(submission, kato, organisation, "buildings", "", buildings, null);
        value(submission, kato, organisation, "buildings_emergency", "", emergency, null);
        value(submission, kato, organisation, "preschool_type", "", null, type);
    }

    private int childSerial;

    /** A child of the single database, held by the sources {@code held} (bits of V170), at an organisation or none. */
    private long child(LocalDate born, String sex, String kato, int held, Long organisation) {
        String surname = "Статбала" + (char) ('а' + childSerial++);
        long id = owner.sql("""
                        insert into child (last_name, first_name, birth_date, sex, kato, name_key, held)
                        values (:l, 'Бала', :b, :s, :k, child_name_key(:l, 'Бала'), :h) returning id""")
                .param("l", surname).param("b", born).param("s", sex).param("k", kato).param("h", held)
                .query(Long.class).single();
        if (organisation != null)
            owner.sql("""
                            insert into child_source (child_id, source, origin, territory, last_name, first_name,
                                                      birth_date, sex, citizenship, residence_kato, organisation_id)
                            values (:c, 'EMIS_PRESCHOOL', 'REGISTRY', :k, :l, 'Бала', :b, :s, 'KZ', :k, :o)""")
                    .param("c", id).param("k", kato).param("l", surname).param("b", born).param("s", sex)
                    .param("o", organisation).update();
        return id;
    }

    private void queue(long child, String kato, LocalDate registered, LocalDate placed) {
        owner.sql("""
                        insert into preschool_queue_entry (child_id, kato, registered_on, wanted_from, closed_on,
                                                           outcome, recorded_by)
                        values (:c, :k, :r, :r, :p, :o, 'statistics-test')""")
                .param("c", child).param("k", kato).param("r", registered).param("p", placed)
                .param("o", placed == null ? null : "PLACED").update();
    }

    private void group(long enrolment, String group) {
        owner.sql("update enrolment set preschool_group = :g where id = :id").param("g", group).param("id", enrolment)
                .update();
    }

    private void value(long submission, String kato, long organisation, String field, String row, Integer number,
                       String text) {
        owner.sql("""
                        insert into collection_value (submission_id, kato, organisation_id, field_code, row_code,
                                                      number_value, text_value)
                        values (:s, :k, :o, :f, :r, :n, :t)""")
                .param("s", submission).param("k", kato).param("o", organisation).param("f", field).param("r", row)
                .param("n", number).param("t", text).update();
    }

    private void reload() {
        schoolA = id("5943%", "GENERAL_SECONDARY_SCHOOL");
        schoolB = id("5945%", "PRIMARY_SCHOOL");
        evening = id("1143%", "EVENING_SCHOOL");
        special = id("5943%", "SPECIAL_SCHOOL");
        preschoolP = id("5943%", "PRESCHOOL");
        preschoolQ = id("5945%", "PRESCHOOL");
        iins.addAll(owner.sql("select p.iin from person p join enrolment e on e.person_id = p.id where e.kato like '5943%' "
                + "or e.kato like '5945%' or e.kato like '1143%'").query(String.class).list());
        iins.addAll(owner.sql("select iin from staff_member where kato like '5943%' or kato like '5945%'")
                .query(String.class).list());
        pupilId = owner.sql("select id from person where last_name = :n limit 1").param("n", SECRET_SURNAME)
                .query(Long.class).single();
        enrolmentId = owner.sql("select id from enrolment where person_id = :p").param("p", pupilId).query(Long.class).single();
        staffMemberId = owner.sql("select id from staff_member where last_name = :n limit 1").param("n", SECRET_SURNAME)
                .query(Long.class).single();
        contractId = owner.sql("select id from employment_contract where staff_member_id = :s").param("s", staffMemberId)
                .query(Long.class).single();
    }

    private long id(String kato, String kind) {
        return owner.sql("select id from organisation where kato like :k and kind = :kind").param("k", kato)
                .param("kind", kind).query(Long.class).single();
    }

    private long organisation(String kato, String name, String kind, boolean urban, String ownership, String... languages) {
        long id = registry.organisation(kato, name, kind, 1, languages);
        owner.sql("update organisation set urban = :u, ownership = :o where id = :id").param("u", urban)
                .param("o", ownership).param("id", id).update();
        return id;
    }

    private void mark(long enrolment, String mark, String basis, LocalDate from, LocalDate to) {
        owner.sql("""
                        insert into pupil_mark (person_id, organisation_id, kato, mark, basis, valid_from, valid_to,
                                                recorded_by)
                        select person_id, organisation_id, kato, :m, :b, :f, :t, 'statistics-test' from enrolment
                         where id = :e""")
                .param("m", mark).param("b", basis).param("f", from).param("t", to).param("e", enrolment).update();
    }

    private void graduate(LocalDate born, Sex sex, long organisation, String kato, int grade, LocalDate on,
                          String certificate, String distinction, String nextStep) {
        long enrolment = pupil(born, sex, "KAZAKH", organisation, null, kato, grade, LocalDate.of(on.getYear() - 1, 9, 1),
                null);
        owner.sql("update enrolment set enrolled_to = :on, expulsion_order = 'GRADUATION' where id = :id")
                .param("on", on).param("id", enrolment).update();
        owner.sql("""
                        insert into pupil_graduation (enrolment_id, organisation_id, kato, graduated_on, certificate_kind,
                                                      certificate_number, distinction, next_step, recorded_by)
                        values (:e, :o, :k, :on, :c, :n, :d, :s, 'statistics-test')""")
                .param("e", enrolment).param("o", organisation).param("k", kato).param("on", on).param("c", certificate)
                .param("n", "ЖОБ-" + enrolment).param("d", distinction).param("s", nextStep).update();
    }

    /** A pupil of the school year ending {@code on}, who left on 30 June (so not a pupil on the snapshot's day). */
    private void yearEnd(LocalDate born, Sex sex, long organisation, String kato, int grade, LocalDate on,
                         String outcome) {
        long enrolment = pupil(born, sex, "KAZAKH", organisation, null, kato, grade, LocalDate.of(on.getYear() - 1, 9, 1),
                LocalDate.of(on.getYear(), 6, 30));
        owner.sql("""
                        insert into pupil_year_end (enrolment_id, school_year, organisation_id, kato, grade, outcome,
                                                    decided_on, basis, recorded_by)
                        values (:e, :y, :o, :k, :g, :out, :on, 'Педагогикалық кеңес № 5', 'statistics-test')""")
                .param("e", enrolment).param("y", on.getYear() - 1).param("o", organisation).param("k", kato)
                .param("g", grade).param("out", outcome).param("on", on).update();
    }

    private long pupil(LocalDate born, Sex sex, String nationality, long organisation, Long schoolClass, String kato,
                       Integer grade, LocalDate from, LocalDate to) {
        Iin iin = registry.nextIin(born, sex);
        iins.add(iin.value());
        long person = registry.person(iin, SECRET_SURNAME, SECRET_FIRST_NAME, kato);
        owner.sql("update person set nationality = :n where id = :id").param("n", nationality).param("id", person).update();
        long enrolment = registry.enrolment(person, organisation, schoolClass, kato, grade, from);
        if (to != null)
            owner.sql("update enrolment set enrolled_to = :to, expulsion_order = 'F-2' where id = :id").param("to", to)
                    .param("id", enrolment).update();
        if (pupilId == 0) {
            pupilId = person;
            enrolmentId = enrolment;
        }
        return enrolment;
    }

    private void staff(long organisation, String kato, String position, int born, Sex sex, String education,
                       LocalDate dismissed) {
        staff(organisation, kato, position, born, sex, education, dismissed, null, null);
    }

    private void staff(long organisation, String kato, String position, int born, Sex sex, String education,
                       LocalDate dismissed, String nationality, String gradesTaught) {
        Iin iin = registry.nextIin(LocalDate.of(born, 4, 14), sex);
        iins.add(iin.value());
        long member = owner.sql("""
                        insert into staff_member (organisation_id, kato, iin, last_name, first_name, birth_date, sex,
                                                  education_level, nationality)
                        values (:o, :k, :iin, :l, :f, :b, :s, :e, :nat) returning id""")
                .param("o", organisation).param("k", kato).param("iin", iin.value()).param("l", SECRET_SURNAME)
                .param("f", SECRET_FIRST_NAME).param("b", iin.birthDate()).param("s", sex.name()).param("e", education)
                .param("nat", nationality).query(Long.class).single();
        long contract = owner.sql("""
                        insert into employment_contract (staff_member_id, organisation_id, kato, position, contract_number,
                                                         contract_date, starts_on, dismissed_on, dismissal_order,
                                                         grades_taught)
                        values (:m, :o, :k, :p, :n, date '2020-08-20', date '2020-09-01', :d, :do, :g) returning id""")
                .param("m", member).param("o", organisation).param("k", kato).param("p", position)
                .param("n", "СТ-" + iin.value().substring(6)).param("d", dismissed)
                .param("do", dismissed == null ? null : "Б-1").param("g", gradesTaught).query(Long.class).single();
        if (staffMemberId == 0) {
            staffMemberId = member;
            contractId = contract;
        }
    }
}
