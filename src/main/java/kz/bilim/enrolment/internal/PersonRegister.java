package kz.bilim.enrolment.internal;

import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditEntry;
import kz.bilim.audit.AuditTrail;
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
        var person = persons.find(id);
        person.ifPresent(p -> {
            var latest = enrolments.ofPerson(id).stream().findFirst();
            String kato = latest.map(e -> e.kato()).orElse(p.residenceKato());
            Long organisation = latest.map(e -> e.organisationId().value()).orElse(null);
            String why = purpose == null || purpose.isBlank() ? DEFAULT_PURPOSE : purpose.trim();
            audit.record(AuditEntry.of(AuditAction.READ, "person", id, kato, organisation)
                    .because(why.length() > 200 ? why.substring(0, 200) : why));
        });
        return person;
    }
}
