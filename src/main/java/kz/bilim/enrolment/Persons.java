package kz.bilim.enrolment;

import java.util.Optional;

/** Persons' records. Reading one is an audited act with a stated purpose. */
public interface Persons {

    /** The record, or empty when missing or outside the caller's scope; the read is written to the audit trail. */
    Optional<Person> read(PersonId id, String purpose);
}
