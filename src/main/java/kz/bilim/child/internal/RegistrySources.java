package kz.bilim.child.internal;

import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditEntry;
import kz.bilim.audit.AuditTrail;
import kz.bilim.child.ChildSource;
import kz.bilim.enrolment.EnrolledPupils;
import kz.bilim.enrolment.PupilAdmitted;
import kz.bilim.enrolment.PupilExpelled;
import kz.bilim.kernel.CurrentScope;
import kz.bilim.kernel.KatoRange;
import kz.bilim.organisation.Organisation;
import kz.bilim.organisation.OrganisationId;
import kz.bilim.organisation.Organisations;
import kz.bilim.platform.database.OwnerDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CA-1 sources 1–4 from this system's own enrolments, never re-entered: the active pupils of a territory's
 * organisations, each under the EMIS source of the organisation's kind and ownership ({@link ChildSource#of}), merged
 * as a full snapshot of that territory with origin REGISTRY — a pupil expelled and admitted nowhere loses the source.
 * Refreshed for the organisation's settlement after each admission and expulsion, and for any territory on demand.
 */
@Service
class RegistrySources {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RegistrySources.class);
    /** One refresh at a time, off the admitting request's thread (which is still inside its transaction's end). */
    private final java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "child-registry");
        thread.setDaemon(true);
        return thread;
    });

    private final EnrolledPupils pupils;
    private final Organisations organisations;
    private final ChildMerge merge;
    private final AuditTrail audit;
    private final TransactionTemplate ownerTransaction;

    RegistrySources(EnrolledPupils pupils, Organisations organisations, ChildMerge merge, AuditTrail audit,
                    OwnerDataSource owner) {
        this.pupils = pupils;
        this.organisations = organisations;
        this.merge = merge;
        this.audit = audit;
        this.ownerTransaction = new TransactionTemplate(new DataSourceTransactionManager(owner));
    }

    /** The registry's pupils of the territory's organisations, within the caller's scope; answers the rows read. */
    int refresh(String katoPrefix) {
        var bySource = new EnumMap<ChildSource, List<ChildMerge.Staged>>(ChildSource.class);
        var rows = new ArrayList<EnrolledPupils.EnrolledPupil>();
        pupils.forEachActive(katoPrefix, rows::add);
        Set<OrganisationId> ids = new HashSet<>();
        rows.forEach(p -> ids.add(p.organisationId()));
        Map<OrganisationId, Organisation> found = organisations.findAll(ids);
        int number = 0;
        for (var p : rows) {
            var organisation = found.get(p.organisationId());
            if (organisation == null) continue;
            var source = ChildSource.of(organisation.kind(), organisation.ownership());
            var row = new ChildRowPolicy.Row(++number, p.iin(), p.lastName(), p.firstName(), p.patronymic(),
                    p.birthDate(), p.sex().name(), p.citizenship() == null ? "KZ" : p.citizenship(),
                    p.residenceKato(), NameKey.of(p.lastName(), p.firstName()), organisation.bin().value(),
                    organisation.id().value(), p.grade());
            bySource.computeIfAbsent(source, s -> new ArrayList<>())
                    .add(new ChildMerge.Staged(row, p.organisationKato(), p.personId().value()));
        }
        var range = KatoRange.under(katoPrefix);
        var counts = new LinkedHashMap<String, Object>();
        ownerTransaction.executeWithoutResult(status -> {
            for (var source : List.of(ChildSource.EMIS_PRESCHOOL, ChildSource.EMIS_SCHOOL, ChildSource.EMIS_TVET,
                    ChildSource.EMIS_NON_STATE)) {
                try (var staging = merge.staging()) {
                    bySource.getOrDefault(source, List.of()).forEach(staging::add);
                }
                var merged = merge.merge(source, ChildMerge.REGISTRY, range, null);
                counts.put(source.name(), merged.inserted() + merged.updated() + merged.withdrawn());
            }
        });
        counts.put("rows", rows.size());
        audit.record(AuditEntry.of(AuditAction.IMPORT, "child-registry", katoPrefix, katoPrefix.length() == 9
                ? katoPrefix : (katoPrefix + "000000000").substring(0, 9), null).because("child-registry").with(counts));
        return rows.size();
    }

    /** After an admission is committed, the organisation's settlement again (a system run: the pupil's data). */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(PupilAdmitted event) {
        refreshOrganisation(event.organisationId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(PupilExpelled event) {
        refreshOrganisation(event.organisationId());
    }

    /** Waits for the refreshes queued so far (tests). */
    void settle() {
        try {
            worker.submit(() -> { }).get();
        } catch (Exception e) {
            Thread.currentThread().interrupt();
        }
    }

    private void refreshOrganisation(OrganisationId id) {
        worker.execute(() -> {
            try {
                CurrentScope.asSystem(() -> organisations.find(id).ifPresent(o -> refresh(o.kato().value())));
            } catch (RuntimeException e) {
                log.warn("Child registry refresh after an enrolment change failed: {}", e.getClass().getSimpleName());
            }
        });
    }
}
