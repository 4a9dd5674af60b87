package kz.bilim.organisation.internal;

import java.time.Clock;
import kz.bilim.kernel.CurrentScope;
import kz.bilim.kernel.Role;
import kz.bilim.kernel.SignedIn;
import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditEntry;
import kz.bilim.audit.AuditTrail;
import kz.bilim.organisation.AcademicYear;
import kz.bilim.organisation.ClassDraft;
import kz.bilim.organisation.Organisation;
import kz.bilim.organisation.OrganisationDraft;
import kz.bilim.organisation.OrganisationFilter;
import kz.bilim.organisation.OrganisationId;
import kz.bilim.organisation.OrganisationRelocated;
import kz.bilim.organisation.Organisations;
import kz.bilim.kernel.Paged;
import kz.bilim.organisation.SchoolClass;
import kz.bilim.organisation.SchoolClassId;
import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry: validation, scope and rights, audit of every change. Reads are scoped by the caller's territory or
 * organisation; writes are open to the ministry and territory officers within their scope, and to an organisation's
 * administrator for its own contacts and classes.
 */
@Service
class OrganisationRegistry implements Organisations {

    static final String WRITERS = "hasAnyRole('MINISTRY_ADMIN', 'REGION_OFFICER', 'DISTRICT_OFFICER', 'ORGANISATION_ADMIN')";
    static final String REGISTRARS = "hasAnyRole('MINISTRY_ADMIN', 'REGION_OFFICER', 'DISTRICT_OFFICER')";

    private final OrganisationRepository organisations;
    private final ClassRepository classes;
    private final OrganisationValidation validation;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    private final Clock clock;
    private final TransactionTemplate transaction;


    OrganisationRegistry(OrganisationRepository organisations, ClassRepository classes,
                         OrganisationValidation validation, AuditTrail audit, ApplicationEventPublisher events, Clock clock,
                         TransactionTemplate transaction) {
        this.transaction = transaction;

        this.clock = clock;
        this.organisations = organisations;
        this.classes = classes;
        this.validation = validation;
        this.audit = audit;
        this.events = events;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Organisation> find(OrganisationId id) {
        return organisations.find(id);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<OrganisationId, Organisation> findAll(java.util.Collection<OrganisationId> ids) {
        return organisations.findAll(ids).stream()
                .collect(java.util.stream.Collectors.toMap(Organisation::id, o -> o));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<SchoolClassId, SchoolClass> findClasses(java.util.Collection<SchoolClassId> ids) {
        return classes.findAll(ids).stream().collect(java.util.stream.Collectors.toMap(SchoolClass::id, c -> c));
    }

    @Override
    @Transactional(readOnly = true)
    public Paged<Organisation> list(OrganisationFilter filter, int page, int size) {
        boolean kazakh = "kk".equals(LocaleContextHolder.getLocale().getLanguage());
        long total = organisations.count(filter);
        var items = (long) page * size >= total ? List.<Organisation>of() : organisations.page(filter, kazakh, page, size);
        return Paged.counted(items, page, size, total);
    }

    @Override
    @PreAuthorize(REGISTRARS)
    public Outcome<Organisation> create(OrganisationDraft draft) {
        return Outcome.attempt(() -> transaction.execute(status -> {
            var organisation = validation.organisation(null, draft, CurrentScope.get());
            long id;
            try {
                id = organisations.insert(organisation);
            } catch (DuplicateKeyException e) {
                throw Refusal.invalid("bin", "organisation.bin.duplicate").exception();
            }
            audit.record(AuditEntry.of(AuditAction.CREATE, "organisation", id, organisation.kato().value(), id));
            return organisations.find(new OrganisationId(id)).orElseThrow();
        }));
    }

    @Override
    @PreAuthorize(WRITERS)
    public Outcome<Organisation> update(OrganisationId id, OrganisationDraft draft, Long expectedVersion) {
        return Outcome.attempt(() -> transaction.execute(status -> {
            var current = existing(id);
            if (expectedVersion != null && expectedVersion != current.version())
                throw Refusal.stale(current, current.version()).exception();
            Organisation changed;
            if (registrar()) {
                changed = validation.organisation(id, draft, CurrentScope.get());
                keepsClassesValid(changed);
            } else {
                if (!onlyContactsDiffer(current, draft)) throw Refusal.forbidden(null, "organisation.contacts-only").exception();
                var errors = new ArrayList<FieldError>();
                var contacts = validation.contacts(draft.contacts(), errors);
                if (!errors.isEmpty()) throw Refusal.invalid(errors).exception();
                changed = new Organisation(id, current.bin(), current.nameKk(), current.nameRu(), current.kind(),
                        current.ownership(), current.kato(), current.urban(), current.languages(), current.shifts(),
                        contacts, current.occupancyNorm());
            }
            changed = changed.atVersion(current.version());
            try {
                if (!organisations.update(changed))
                    throw movedOn(organisations.find(id), "organisation", id.value(), expectedVersion, Organisation::version);
            } catch (DuplicateKeyException e) {
                throw Refusal.invalid("bin", "organisation.bin.duplicate").exception();
            }
            if (!changed.kato().equals(current.kato())) {
                classes.relocate(id, changed.kato().value());
                events.publishEvent(new OrganisationRelocated(id, current.kato().value(), changed.kato().value()));
            }
            audit.record(AuditEntry.of(AuditAction.UPDATE, "organisation", id, changed.kato().value(), id.value()));
            return organisations.find(id).orElseThrow();
        }));
    }

    /**
     * An update that found its record no longer at the version it read: a concurrent edit saved first (its row lock
     * held this one back until it committed). The caller gets the record as it is now: 412 when it named a version,
     * 409 when it did not. Gone meanwhile (or moved out of scope): not found.
     */
    private static <T> RuntimeException movedOn(Optional<T> now, String resource, Object id, Long expectedVersion,
                                                java.util.function.ToLongFunction<T> version) {
        if (now.isEmpty()) return Refusal.notFound(resource, id).exception();
        if (expectedVersion != null) return Refusal.stale(now.get(), version.applyAsLong(now.get())).exception();
        return Refusal.conflict("error.conflict.changed-meanwhile").withCurrent(now.get()).exception();
    }

    /** An organisation's administrator may send the registration data back unchanged, or leave it out (null). */
    private static boolean onlyContactsDiffer(Organisation current, OrganisationDraft draft) {
        return same(draft.bin(), current.bin()) && same(draft.nameKk(), current.nameKk())
                && same(draft.nameRu(), current.nameRu()) && same(draft.kind(), current.kind())
                && same(draft.ownership(), current.ownership()) && same(draft.kato(), current.kato())
                && same(draft.urban(), current.urban()) && same(draft.shifts(), current.shifts())
                && same(draft.occupancyNorm(), current.occupancyNorm())
                && (draft.languages() == null || draft.languages().isEmpty()
                    || draft.languages().equals(current.languages()));
    }

    private static boolean same(Object submitted, Object current) {
        if (submitted instanceof String s) return s.isBlank() || s.trim().equals(current);
        return submitted == null || Objects.equals(submitted, current);
    }

    /** Fewer shifts or languages than the organisation's classes use would leave those classes invalid. */
    private void keepsClassesValid(Organisation changed) {
        var errors = new ArrayList<FieldError>();
        int highest = classes.highestShift(changed.id());
        if (highest > changed.shifts())
            errors.add(new FieldError("shifts", "organisation.shifts.below-classes", highest));
        var missing = classes.languagesUsed(changed.id()).stream().filter(l -> !changed.languages().contains(l)).toList();
        if (!missing.isEmpty())
            errors.add(new FieldError("languages", "organisation.languages.used-by-classes", String.join(", ", missing)));
        if (!errors.isEmpty()) throw Refusal.invalid(errors).exception();
    }

    @Override
    @Transactional(readOnly = true)
    public Permissions permissions(OrganisationId id) {
        boolean visible = organisations.find(id).isPresent();
        boolean registrar = registrar();
        boolean ownAdmin = SignedIn.caller().map(c -> c.administers(id.value())).orElse(false);
        return new Permissions(registrar, visible && registrar, visible && (registrar || ownAdmin),
                visible && (registrar || ownAdmin));
    }

    @Override
    @Transactional(readOnly = true)
    public List<SchoolClass> classes(OrganisationId id, Integer academicYear) {
        existing(id);
        return classes.ofOrganisation(id, academicYear);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<SchoolClass> findClass(SchoolClassId id) {
        return classes.find(id);
    }

    @Override
    @PreAuthorize(WRITERS)
    public Outcome<SchoolClass> addClass(OrganisationId id, ClassDraft draft) {
        return Outcome.attempt(() -> transaction.execute(status -> {
            var organisation = existing(id);
            var schoolClass = validation.schoolClass(null, organisation, draft, AcademicYear.current(clock).startYear());
            unique(schoolClass, -1);
            long classId;
            try {
                classId = classes.insert(schoolClass);
            } catch (DuplicateKeyException e) {
                throw Refusal.invalid("letter", "organisation.class.duplicate").exception();
            }
            audit.record(AuditEntry.of(AuditAction.CREATE, "school_class", classId, organisation.kato().value(), id.value())
                    .with(Map.of("organisation", id.value())));
            return classes.find(new SchoolClassId(classId)).orElseThrow();
        }));
    }

    @Override
    @PreAuthorize(WRITERS)
    public Outcome<SchoolClass> updateClass(SchoolClassId id, ClassDraft draft, Long expectedVersion) {
        return Outcome.attempt(() -> transaction.execute(status -> {
            var current = classes.find(id).orElseThrow(() -> Refusal.notFound("class", id).exception());
            if (expectedVersion != null && expectedVersion != current.version())
                throw Refusal.stale(current, current.version()).exception();
            var organisation = existing(current.organisationId());
            var changed = validation.schoolClass(id, organisation, draft, current.academicYear())
                    .atVersion(current.version());
            unique(changed, id.value());
            try {
                if (!classes.update(changed))
                    throw movedOn(classes.find(id), "class", id.value(), expectedVersion, SchoolClass::version);
            } catch (DuplicateKeyException e) {
                throw Refusal.invalid("letter", "organisation.class.duplicate").exception();
            }
            audit.record(AuditEntry.of(AuditAction.UPDATE, "school_class", id, organisation.kato().value(),
                    organisation.id().value()));
            return classes.find(id).orElseThrow();
        }));
    }

    private void unique(SchoolClass c, long exceptId) {
        if (classes.exists(c.organisationId(), c.academicYear(), c.grade(), c.letter(), exceptId))
            throw Refusal.invalid("letter", "organisation.class.duplicate").exception();
    }

    private Organisation existing(OrganisationId id) {
        return organisations.find(id).orElseThrow(() -> Refusal.notFound("organisation", id).exception());
    }

    private static boolean registrar() {
        return SignedIn.role().map(Role::registersOrganisations).orElse(false);
    }
}
