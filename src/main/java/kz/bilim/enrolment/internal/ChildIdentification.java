package kz.bilim.enrolment.internal;

import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditEntry;
import kz.bilim.audit.AuditTrail;
import kz.bilim.enrolment.ChildLookup;
import kz.bilim.enrolment.Enrolment;
import kz.bilim.identity.Iin;
import kz.bilim.kernel.CurrentScope;
import kz.bilim.kernel.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@link ChildLookup}: a system run (the parent's own scope shows no one), its own transaction, the read audited under
 * the signed-in parent's name.
 */
@Service
class ChildIdentification implements ChildLookup {

    private static final Pattern PURPOSE = Pattern.compile("[a-z][a-z0-9:._-]{1,59}");

    private final PersonRepository persons;
    private final ChildRecords records;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    ChildIdentification(PersonRepository persons, ChildRecords records, AuditTrail audit,
                        TransactionTemplate transaction) {
        this.persons = persons;
        this.records = records;
        this.audit = audit;
        this.transaction = transaction;
    }

    @Override
    public Optional<ChildRecord> identify(Iin iin, String lastName, String purpose) {
        checkPurpose(purpose);
        if (iin == null || lastName == null || lastName.isBlank()) return Optional.empty();
        return CurrentScope.asSystem(() -> transaction.execute(status -> records.byIin(iin.value())
                .filter(c -> c.person().lastName().strip().toLowerCase(Locale.ROOT)
                        .equals(lastName.strip().toLowerCase(Locale.ROOT)))
                .map(c -> audited(c, purpose))));
    }

    @Override
    public List<ChildRecord> childrenOf(Iin parent, String purpose) {
        checkPurpose(purpose);
        if (parent == null) return List.of();
        return CurrentScope.asSystem(() -> transaction.execute(status -> persons.childrenOf(parent.value()).stream()
                .flatMap(id -> records.byId(id).stream()).map(c -> audited(c, purpose)).toList()));
    }

    private static void checkPurpose(String purpose) {
        if (purpose == null || !PURPOSE.matcher(purpose).matches())
            throw Refusal.invalid("purpose", "enrolment.person.purpose-format").exception();
    }

    /** The child, the read written to the audit trail in the territory of the child's school. */
    private ChildRecord audited(ChildRecord child, String purpose) {
        Enrolment current = child.current();
        String kato = current != null ? current.kato() : child.person().residenceKato().value();
        // written with the caller's other records when the transaction commits, before the record leaves the service
        audit.recordAtCommit(AuditEntry.of(AuditAction.READ, "person", child.person().id(), kato,
                current == null ? null : current.organisationId().value()).because(purpose));
        return child;
    }
}
