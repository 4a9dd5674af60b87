package kz.bilim.enrolment;

import kz.bilim.platform.database.BulkTable;

/**
 * The person and enrolment tables for bulk loads (the demo generator, a restore): {@link Person} and {@link Enrolment}
 * records written with binary COPY as the schema owner, with their ids (the identity sequences are continued after
 * the load). Both tables are national-scale (millions of rows): their keys, indexes, the foreign keys referring to
 * them and — for persons — the check constraints are dropped before the copy and rebuilt after, so PostgreSQL checks
 * every row once, in bulk (the IIN pattern, one open enrolment per person, TR-7). Nothing here audits or applies the
 * admission rules: for synthetic or restored data only, never for a person a user registers.
 */
public final class BulkEnrolments {

    public static final BulkTable<Person> PERSONS = BulkTable.<Person>of("person",
            "id, iin, last_name, first_name, patronymic, birth_date, sex, nationality, citizenship, residence_kato", "id",
            (p, out) -> out.int8(p.id().value()).text(p.iin().value()).text(p.lastName()).text(p.firstName())
                    .text(p.patronymic()).date(p.birthDate()).text(p.sex().name()).text(p.nationality())
                    .text(p.citizenship()).text(p.residenceKato().value()))
            .withIdentity("id").rebuilding(BulkTable.Rebuild.KEYS_INDEXES_AND_CHECKS);

    public static final BulkTable<Enrolment> ENROLMENTS = BulkTable.<Enrolment>of("enrolment",
            "id, person_id, organisation_id, class_id, kato, grade, enrolled_from, enrolled_to, admission_order, "
                    + "expulsion_order", "id",
            (e, out) -> out.int8(e.id().value()).int8(e.personId().value()).int8(e.organisationId().value())
                    .int8(e.classId() == null ? null : e.classId().value()).text(e.kato()).int2(e.grade())
                    .date(e.enrolledFrom()).date(e.enrolledTo()).text(e.admissionOrder()).text(e.expulsionOrder()))
            .withIdentity("id").rebuilding(BulkTable.Rebuild.KEYS_AND_INDEXES);

    private BulkEnrolments() {
    }

    /**
     * SC-5 (indicators 31, 32, 37, 38): puts the children of these preschool organisations, open on 1 September of
     * {@code schoolYear}, into their groups by birth year — born six years before it: pre-school preparation, five:
     * senior, four: middle, three: junior, younger: nursery — with about one child in fifty (chosen by enrolment id
     * and {@code seed}) in a special group, and in the {@code mixedAge} ones (small kindergartens) one mixed-age group
     * beside the preparation group. One set-based statement as the schema owner; answers the enrolments given a group.
     * For synthetic data only (no audit, no check).
     */
    public static long assignPreschoolGroups(javax.sql.DataSource owner, int schoolYear,
                                             java.util.Collection<Long> preschools, java.util.Collection<Long> mixedAge,
                                             long seed) {
        if (preschools.isEmpty()) return 0;
        return org.springframework.jdbc.core.simple.JdbcClient.create(owner).sql("""
                        update enrolment e
                           set preschool_group = case
                                   when (e.id + :seed) % 50 = 0 then 'SPECIAL'
                                   when :year - extract(year from p.birth_date) >= 6 then 'PREPARATION'
                                   when e.organisation_id = any (:mixed) then 'MIXED'
                                   when :year - extract(year from p.birth_date) = 5 then 'SENIOR'
                                   when :year - extract(year from p.birth_date) = 4 then 'MIDDLE'
                                   when :year - extract(year from p.birth_date) = 3 then 'JUNIOR'
                                   else 'NURSERY' end
                          from person p
                         where p.id = e.person_id and e.organisation_id = any (:preschools) and e.enrolled_to is null""")
                .param("seed", Math.floorMod(seed, 50L)).param("year", schoolYear)
                .param("mixed", mixedAge.toArray(Long[]::new)).param("preschools", preschools.toArray(Long[]::new))
                .update();
    }

    /**
     * Links the first current pupil of {@code grade} to a parent's IIN (V105), taking the schools in the order given
     * (nearest first) and the lowest person id within one, so that the same load links the same child. As the schema
     * owner, for synthetic data only (no audit); answers the links written (0 or 1).
     */
    public static long linkFirstPupilToParent(javax.sql.DataSource owner, String parentIin, Long[] schools, int grade) {
        return org.springframework.jdbc.core.simple.JdbcClient.create(owner).sql("""
                        insert into person_parent (person_id, parent_iin)
                        select e.person_id, :parent from enrolment e
                         where e.organisation_id = any(:schools) and e.grade = :grade and e.enrolled_to is null
                         order by array_position(:schools, e.organisation_id), e.person_id limit 1
                        """).param("parent", parentIin).param("schools", schools).param("grade", grade).update();
    }

    /**
     * SC-5 (indicator 19): the year-end outcome of the school year before {@code schoolYear} for the pupils of these
     * schools who were there in it (open on 1 September of {@code schoolYear}, admitted before it, in grade 1 or
     * above): promoted from the grade below, decided on 25 May by the pedagogical council. One set-based statement as
     * the schema owner; answers the outcomes written. For synthetic data only (no audit, no check).
     */
    public static long recordYearEnds(javax.sql.DataSource owner, int schoolYear, java.util.Collection<Long> schools) {
        if (schools.isEmpty()) return 0;
        var first = java.time.LocalDate.of(schoolYear, 9, 1);
        return org.springframework.jdbc.core.simple.JdbcClient.create(owner).sql("""
                        insert into pupil_year_end (enrolment_id, school_year, organisation_id, kato, grade, outcome,
                                                    decided_on, basis, recorded_by)
                        select e.id, :year - 1, e.organisation_id, e.kato, e.grade - 1, 'PROMOTED', :decided,
                               'Педагогикалық кеңестің шешімі (демо)', 'demo'
                          from enrolment e
                         where e.organisation_id = any (:schools) and e.enrolled_to is null and e.enrolled_from < :first
                           and e.grade >= 1
                        on conflict do nothing""")
                .param("year", schoolYear).param("decided", java.time.LocalDate.of(schoolYear, 5, 25))
                .param("first", first).param("schools", schools.toArray(Long[]::new)).update();
    }

    /** Removes the year-end outcomes of these organisations' enrolments (before the enrolments themselves go). */
    public static void removeYearEnds(javax.sql.DataSource owner, long organisationIdAfter, long organisationIdUpTo) {
        org.springframework.jdbc.core.simple.JdbcClient.create(owner)
                .sql("delete from pupil_year_end where organisation_id > :after and organisation_id <= :upTo")
                .param("after", organisationIdAfter).param("upTo", organisationIdUpTo).update();
    }
}
