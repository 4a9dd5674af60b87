package kz.bilim.child.lost;

import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditEntry;
import kz.bilim.audit.AuditTrail;
import kz.bilim.enrolment.EnrolledPupils;
import kz.bilim.enrolment.PersonId;
import kz.bilim.enrolment.PupilAdmitted;
import kz.bilim.enrolment.PupilExpelled;
import kz.bilim.kernel.CurrentScope;
import kz.bilim.organisation.OrganisationId;
import kz.bilim.organisation.Organisations;
import kz.bilim.platform.database.OwnerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Issue 9 item 5: the departures, from the enrolment module's events. After an expulsion from a school is committed,
 * a departure is recorded; after an admission anywhere, the person's open departures close by themselves
 * ({@code ADMITTED}). Both run in order on one worker thread, off the request (which is still inside its
 * transaction's end), as a system run writing as the schema owner: the school that expels may lie outside the
 * child's district, whose row-level security the departure follows. Should an admission ever be handled before
 * the expulsion it follows, the departure is closed at once: it is checked against the person's open enrolments.
 */
@Service
class RecordingDepartures {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RecordingDepartures.class);
    private static final String ACTIVE = "lost_pupil_active";

    private static final String INSERT = """
            insert into pupil_departure (enrolment_id, person_id, organisation_id, school_kato, left_on)
            values (:enrolment, :person, :organisation, :kato, :leftOn)
            on conflict (enrolment_id) do nothing
            """;

    /** The person's open departures closed by an admission; answers each with the child's residence (audit). */
    private static final String ARRIVED = """
            update pupil_departure d
               set closed_at = now(), closed_by = 'system', close_reason = 'ADMITTED', admitted_organisation_id = :organisation
             where d.person_id = :person and d.closed_at is null
            returning d.id, (select c.kato from child c where c.person_id = d.person_id order by c.id limit 1) as kato
            """;

    private static final String STILL_ENROLLED = """
            select organisation_id from pg_temp.lost_pupil_active order by organisation_id limit 1
            """;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "lost-pupils");
        thread.setDaemon(true);
        return thread;
    });

    private final Organisations organisations;
    private final EnrolledPupils pupils;
    private final AuditTrail audit;
    private final OwnerDataSource owner;
    private final JdbcClient jdbc;
    private final TransactionTemplate ownerTransaction;

    RecordingDepartures(Organisations organisations, EnrolledPupils pupils, AuditTrail audit, OwnerDataSource owner) {
        this.organisations = organisations;
        this.pupils = pupils;
        this.audit = audit;
        this.owner = owner;
        this.jdbc = JdbcClient.create(owner);
        this.ownerTransaction = new TransactionTemplate(new DataSourceTransactionManager(owner));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(PupilExpelled event) {
        later(() -> departed(event));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(PupilAdmitted event) {
        later(() -> arrived(event.personId(), event.organisationId()));
    }

    /** A departure from a school (not a preschool or a college); closed at once if the person is enrolled again. */
    void departed(PupilExpelled event) {
        var school = organisations.find(event.organisationId()).filter(o -> o.kind().isSchool());
        if (school.isEmpty()) return;
        var closed = ownerTransaction.execute(status -> {
            jdbc.sql(INSERT).param("enrolment", event.enrolmentId().value()).param("person", event.personId().value())
                    .param("organisation", event.organisationId().value()).param("kato", school.get().kato().value())
                    .param("leftOn", event.date()).update();
            pupils.stageActive(owner, "", List.of(event.personId()), ACTIVE);
            var enrolledAt = jdbc.sql(STILL_ENROLLED).query(Long.class).optional();
            return enrolledAt.isEmpty() ? List.<Map<String, Object>>of() : close(event.personId(), enrolledAt.get());
        });
        audited(closed);
    }

    void arrived(PersonId person, OrganisationId organisation) {
        audited(ownerTransaction.execute(status -> close(person, organisation.value())));
    }

    private List<Map<String, Object>> close(PersonId person, long organisation) {
        return jdbc.sql(ARRIVED).param("person", person.value()).param("organisation", organisation).query().listOfRows();
    }

    private void audited(List<Map<String, Object>> closed) {
        for (var row : closed)
            audit.record(AuditEntry.of(AuditAction.UPDATE, "lost-pupil", row.get("id"), (String) row.get("kato"), null)
                    .because("admission").with(Map.of("closed", "ADMITTED")));
    }

    private void later(Runnable work) {
        worker.execute(() -> {
            try {
                CurrentScope.asSystem(work);
            } catch (RuntimeException e) {
                log.warn("Recording a pupil's departure or arrival failed: {}", e.getClass().getSimpleName());
            }
        });
    }

    /** Waits for the events queued so far (tests). */
    void settle() {
        try {
            worker.submit(() -> { }).get();
        } catch (Exception e) {
            Thread.currentThread().interrupt();
        }
    }
}
