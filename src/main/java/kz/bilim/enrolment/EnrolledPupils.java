package kz.bilim.enrolment;

import kz.bilim.identity.Sex;
import kz.bilim.organisation.OrganisationId;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.Collection;
import java.util.function.Consumer;

/**
 * The active enrolments of a territory with the person's data, streamed — what child accounting reads as its sources
 * 1–4 (CA-1: EMIS data are this system's own registry, never re-entered). Within the caller's scope (the
 * organisation's territory); a system run reads the whole country. Reading it is the child module's bulk
 * reconciliation, audited there once per run, not per person.
 */
public interface EnrolledPupils {

    /** Every active enrolment in organisations whose settlement lies in the KATO subtree of {@code katoPrefix}. */
    void forEachActive(String katoPrefix, Consumer<EnrolledPupil> each);

    /**
     * The same set-based, for the child module's merge: creates the temporary table {@code pg_temp.<table>} (dropped
     * at commit) on the connection of the transaction running on {@code owner} and fills it with the active
     * enrolments of the subtree — or, when {@code persons} is not null, of those persons wherever they are enrolled.
     * Columns: person_id, iin, last_name, first_name, patronymic, birth_date, sex (MALE/FEMALE), citizenship,
     * residence_kato, organisation_id, kato (the organisation's settlement), grade. Within the caller's scope.
     * Answers the rows staged.
     */
    long stageActive(DataSource owner, String katoPrefix, Collection<PersonId> persons, String table);

    /**
     * Every registered person within the caller's scope (by residence), set-based, for the child module's demo
     * sources: creates {@code pg_temp.<table>} (dropped at commit) in the transaction running on {@code owner}.
     * Columns: person_id, iin, last_name, first_name, patronymic, birth_date, sex, citizenship, residence_kato.
     * Answers the rows staged.
     */
    long stagePersons(DataSource owner, String table);

    record EnrolledPupil(PersonId personId, String iin, String lastName, String firstName, String patronymic,
                         LocalDate birthDate, Sex sex, String citizenship, String residenceKato,
                         OrganisationId organisationId, String organisationKato, Integer grade) {
    }
}
