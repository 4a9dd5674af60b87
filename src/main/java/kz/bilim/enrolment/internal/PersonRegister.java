package kz.bilim.enrolment.internal;

import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditEntry;
import kz.bilim.audit.AuditTrail;
import kz.bilim.kernel.Refusal;
import kz.bilim.enrolment.Person;
import kz.bilim.enrolment.PersonId;
import kz.bilim.enrolment.Persons;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/**
 * Reading a person's record: scoped, and audited before the data leave — with the purpose, and placed in the
 * territory of the person's (latest visible) enrolment so that the organisation's district sees who read it.
 */
@Service
class PersonRegister implements Persons {

    /**
     * A purpose is a short code such as {@code transfer:1234} or {@code parent-request}, never free text: free text
     * invites names and IINs into the audit trail, which must hold no personal data. A run of five or more digits
     * (an IIN, a birth date) is refused for the same reason.
     */
    private static final java.util.regex.Pattern PURPOSE = java.util.regex.Pattern.compile("[a-z][a-z0-9:._-]{1,59}");
    private static final java.util.regex.Pattern DIGIT_RUN = java.util.regex.Pattern.compile("[0-9]{5}");

    static final String DEFAULT_PURPOSE = "record";

    private final PersonRepository persons;
    private final EnrolmentRepository enrolments;
    private final AuditTrail audit;

    PersonRegister(PersonRepository persons, EnrolmentRepository enrolments, AuditTrail audit) {
        this.persons = persons;
        this.enrolments = enrolments;
        this.audit = audit;
    }

    @Override
    @Transactional
    @PreAuthorize(EnrolmentDesk.READERS)
    public Optional<Person> read(PersonId id, String purpose) {
        String why = purpose == null || purpose.isBlank() ? DEFAULT_PURPOSE : purpose.trim();
        if (!PURPOSE.matcher(why).matches() || DIGIT_RUN.matcher(why).find())
            throw Refusal.invalid("purpose", "enrolment.person.purpose-format").exception();
        var person = persons.find(id);
        person.ifPresent(p -> {
            var latest = enrolments.ofPerson(id).stream().findFirst();
            String kato = latest.map(e -> e.kato()).orElse(p.residenceKato().value());
            Long organisation = latest.map(e -> e.organisationId().value()).orElse(null);
            audit.record(AuditEntry.of(AuditAction.READ, "person", id, kato, organisation).because(why));
        });
        return person;
    }
}
