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
}
