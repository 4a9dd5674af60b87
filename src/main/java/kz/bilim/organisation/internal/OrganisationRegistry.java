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
import kz.bilim.platform.web.InvalidInputException;
import kz.bilim.platform.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
@Transactional(readOnly = true)
class OrganisationRegistry implements Organisations {

    static final String WRITERS = "hasAnyRole('MINISTRY_ADMIN', 'REGION_OFFICER', 'DISTRICT_OFFICER', 'ORGANISATION_ADMIN')";
    static final String REGISTRARS = "hasAnyRole('MINISTRY_ADMIN', 'REGION_OFFICER', 'DISTRICT_OFFICER')";

    private final OrganisationRepository organisations;
    private final ClassRepository classes;
    private final OrganisationValidation validation;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    private final Clock clock;


    OrganisationRegistry(OrganisationRepository organisations, ClassRepository classes,
                         OrganisationValidation validation, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {

        this.clock = clock;
        this.organisations = organisations;
        this.classes = classes;
        this.validation = validation;
        this.audit = audit;
        this.events = events;
    }

    @Override
    public Optional<Organisation> find(OrganisationId id) {
        return organisations.find(id);
    }

    @Override
    public Paged<Organisation> list(OrganisationFilter filter, int page, int size) {
        boolean kazakh = "kk".equals(LocaleContextHolder.getLocale().getLanguage());
        long total = organisations.count(filter);
        var items = (long) page * size >= total ? List.<Organisation>of() : organisations.page(filter, kazakh, page, size);
        return Paged.counted(items, page, size, total);
    }

    @Override
    @Transactional
    @PreAuthorize(REGISTRARS)
    public Organisation create(OrganisationDraft draft) {
        var organisation = validation.organisation(null, draft, CurrentScope.get());
        long id;
        try {
            id = organisations.insert(organisation);
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("bin", "organisation.bin.duplicate");
        }
        audit.record(AuditEntry.of(AuditAction.CREATE, "organisation", id, organisation.kato(), id));
        return organisations.find(new OrganisationId(id)).orElseThrow();
    }

    @Override
    @Transactional
    @PreAuthorize(WRITERS)
    public Organisation update(OrganisationId id, OrganisationDraft draft) {
        var current = existing(id);
        Organisation changed;
        if (registrar()) {
            changed = validation.organisation(id, draft, CurrentScope.get());
            keepsClassesValid(changed);
        } else {
            if (!onlyContactsDiffer(current, draft)) throw new AccessDeniedException("contacts only");
            var errors = new ArrayList<FieldError>();
            var contacts = validation.contacts(draft.contacts(), errors);
            if (!errors.isEmpty()) throw new InvalidInputException(errors);
            changed = new Organisation(id, current.bin(), current.nameKk(), current.nameRu(), current.kind(),
                    current.ownership(), current.kato(), current.urban(), current.languages(), current.shifts(),
                    contacts, current.occupancyNorm());
        }
        try {
            if (!organisations.update(changed)) throw new NotFoundException("organisation", id);
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("bin", "organisation.bin.duplicate");
        }
        if (!changed.kato().equals(current.kato())) {
            classes.relocate(id, changed.kato());
            events.publishEvent(new OrganisationRelocated(id, current.kato(), changed.kato()));
        }
        audit.record(AuditEntry.of(AuditAction.UPDATE, "organisation", id, changed.kato(), id.value()));
        return organisations.find(id).orElseThrow();
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
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
    }

    @Override
    public Permissions permissions(OrganisationId id) {
        boolean visible = organisations.find(id).isPresent();
        boolean registrar = registrar();
        boolean ownAdmin = SignedIn.caller().map(c -> c.administers(id.value())).orElse(false);
        return new Permissions(registrar, visible && registrar, visible && (registrar || ownAdmin),
                visible && (registrar || ownAdmin));
    }

    @Override
    public List<SchoolClass> classes(OrganisationId id, Integer academicYear) {
        existing(id);
        return classes.ofOrganisation(id, academicYear);
    }

    @Override
    public Optional<SchoolClass> findClass(SchoolClassId id) {
        return classes.find(id);
    }

    @Override
    @Transactional
    @PreAuthorize(WRITERS)
    public SchoolClass addClass(OrganisationId id, ClassDraft draft) {
        var organisation = existing(id);
        var schoolClass = validation.schoolClass(null, organisation, draft, AcademicYear.current(clock).startYear());
        unique(schoolClass, -1);
        long classId;
        try {
            classId = classes.insert(schoolClass);
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("letter", "organisation.class.duplicate");
        }
        audit.record(AuditEntry.of(AuditAction.CREATE, "school_class", classId, organisation.kato(), id.value())
                .with(Map.of("organisation", id.value())));
        return classes.find(new SchoolClassId(classId)).orElseThrow();
    }

    @Override
    @Transactional
    @PreAuthorize(WRITERS)
    public SchoolClass updateClass(SchoolClassId id, ClassDraft draft) {
        var current = classes.find(id).orElseThrow(() -> new NotFoundException("class", id));
        var organisation = existing(current.organisationId());
        var changed = validation.schoolClass(id, organisation, draft, current.academicYear());
        unique(changed, id.value());
        try {
            if (!classes.update(changed)) throw new NotFoundException("class", id);
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("letter", "organisation.class.duplicate");
        }
        audit.record(AuditEntry.of(AuditAction.UPDATE, "school_class", id, organisation.kato(),
                organisation.id().value()));
        return classes.find(id).orElseThrow();
    }

    private void unique(SchoolClass c, long exceptId) {
        if (classes.exists(c.organisationId(), c.academicYear(), c.grade(), c.letter(), exceptId))
            throw new InvalidInputException("letter", "organisation.class.duplicate");
    }

    private Organisation existing(OrganisationId id) {
        return organisations.find(id).orElseThrow(() -> new NotFoundException("organisation", id));
    }

    private static boolean registrar() {
        return SignedIn.role().map(Role::registersOrganisations).orElse(false);
    }
}
