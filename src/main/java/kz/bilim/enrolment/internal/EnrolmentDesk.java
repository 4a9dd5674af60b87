package kz.bilim.enrolment.internal;

import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Refusal;
import java.time.Clock;
import kz.bilim.kernel.Text;

import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditEntry;
import kz.bilim.audit.AuditTrail;
import kz.bilim.enrolment.Admission;
import kz.bilim.enrolment.Enrolment;
import kz.bilim.enrolment.EnrolmentId;
import kz.bilim.enrolment.Enrolments;
import kz.bilim.enrolment.Expulsion;
import kz.bilim.enrolment.PersonDraft;
import kz.bilim.enrolment.PersonId;
import kz.bilim.enrolment.Pupil;
import kz.bilim.enrolment.PupilAdmitted;
import kz.bilim.enrolment.PupilExpelled;
import kz.bilim.enrolment.PupilFilter;
import kz.bilim.identity.Iin;
import kz.bilim.organisation.AcademicYear;
import kz.bilim.organisation.Organisation;
import kz.bilim.organisation.Organisations;
import kz.bilim.kernel.Paged;
import kz.bilim.organisation.SchoolClass;
import kz.bilim.kernel.FieldError;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Admission and expulsion by order (TR-7, TR-10) and the lists of pupils. A refusal rolls the whole step back —
 * a person registered on the way included — so the database is as it was.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize(EnrolmentDesk.READERS)
class EnrolmentDesk implements Enrolments {

    /** Roles that read personal data; statistics analysts and applicants do not (SC-3). */
    static final String READERS = "hasAnyRole('MINISTRY_ADMIN', 'REGION_OFFICER', 'DISTRICT_OFFICER', "
            + "'ORGANISATION_ADMIN', 'POLICE_LIAISON')";
    static final String WRITERS = "hasAnyRole('MINISTRY_ADMIN', 'REGION_OFFICER', 'DISTRICT_OFFICER', 'ORGANISATION_ADMIN')";
    static final int ORDER_MAX = 50;

    private final EnrolmentRepository enrolments;
    private final PersonRepository persons;
    private final PersonValidation validation;
    private final Organisations organisations;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    private final Clock clock;


    EnrolmentDesk(EnrolmentRepository enrolments, PersonRepository persons, PersonValidation validation,
                  Organisations organisations, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {

        this.clock = clock;
        this.enrolments = enrolments;
        this.persons = persons;
        this.validation = validation;
        this.organisations = organisations;
        this.audit = audit;
        this.events = events;
    }

    @Override
    @Transactional
    @PreAuthorize(WRITERS)
    public Outcome<Enrolment> admit(Admission admission) {
        var errors = new ArrayList<FieldError>();
        if (admission.organisationId() == null) return refused(Refusal.invalid("organisationId", "error.field.required"));
        var found = organisations.find(admission.organisationId());
        if (found.isEmpty()) return refused(Refusal.notFound("organisation", admission.organisationId().value()));
        Organisation organisation = found.get();
        SchoolClass schoolClass = schoolClass(admission, organisation, errors);
        String order = order("admissionOrder", admission.admissionOrder(), errors);
        PersonRef person = person(admission, errors);
        LocalDate from = admission.from();
        if (from == null) errors.add(new FieldError("from", "error.field.required"));
        else if (schoolClass != null)
            EnrolmentPolicy.admissionDate(from, person == null ? null : person.birthDate(), schoolClass.academicYear(),
                    LocalDate.now(clock)).ifPresent(errors::add);
        if (person != null && schoolClass != null)
            EnrolmentPolicy.ageForGrade(person.birthDate(), schoolClass, organisation.kind()).ifPresent(errors::add);
        if (!errors.isEmpty()) return refused(Refusal.invalid(errors));

        PersonId personId = person.id() != null ? person.id() : register(person.draft());
        enrolments.lockPerson(personId);
        enrolments.lockClass(schoolClass.id());
        var refusal = EnrolmentPolicy.occupancy(schoolClass, enrolments.activeInClass(schoolClass.id()))
                .or(() -> enrolments.overlapsAnywhere(personId, from)
                        ? Optional.of(EnrolmentPolicy.alreadyEnrolled()) : Optional.empty());
        if (refusal.isPresent()) return refused(refusal.get());
        EnrolmentId id;
        try {
            id = enrolments.insert(personId, organisation.id(), schoolClass.id(), organisation.kato().value(),
                    schoolClass.grade(), from, order);
        } catch (DataIntegrityViolationException e) {
            if (!isOpenEnrolmentViolation(e)) throw e;
            return refused(EnrolmentPolicy.alreadyEnrolled());
        }
        audit.record(AuditEntry.of(AuditAction.CREATE, "enrolment", id, organisation.kato().value(), organisation.id().value())
                .with(Map.of("person", personId.value(), "class", schoolClass.id().value())));
        if (person.homeKato() != null && !person.homeKato().equals(organisation.kato().value()))
            // the child's home territory sees who admitted its child, and where (CA-2: it accounts for the child)
            audit.record(AuditEntry.of(AuditAction.UPDATE, "person", personId, person.homeKato(), null)
                    .because("admission").with(Map.of("enrolment", id.value(), "organisation", organisation.id().value())));
        events.publishEvent(new PupilAdmitted(id, personId, organisation.id(), schoolClass.id(), schoolClass.grade(),
                from, order));
        return Outcome.done(enrolments.find(id).orElseThrow());
    }

    @Override
    @Transactional
    @PreAuthorize(WRITERS)
    public Outcome<Enrolment> expel(EnrolmentId id, Expulsion expulsion) {
        var found = enrolments.find(id);
        if (found.isEmpty()) return refused(Refusal.notFound("enrolment", id.value()));
        Enrolment enrolment = found.get();
        var errors = new ArrayList<FieldError>();
        String order = order("expulsionOrder", expulsion.expulsionOrder(), errors);
        LocalDate date = expulsion.date();
        if (date == null) errors.add(new FieldError("date", "error.field.required"));
        else EnrolmentPolicy.expulsionDate(date, enrolment, LocalDate.now(clock)).ifPresent(errors::add);
        if (!errors.isEmpty()) return refused(Refusal.invalid(errors));
        var refusal = EnrolmentPolicy.expulsion(enrolment);
        if (refusal.isPresent()) return refused(refusal.get());
        if (!enrolments.expel(id, date, order)) return refused(EnrolmentPolicy.expelledMeanwhile());
        audit.record(AuditEntry.of(AuditAction.UPDATE, "enrolment", id, enrolment.kato(),
                enrolment.organisationId().value()).with(Map.of("change", "expulsion")));
        events.publishEvent(new PupilExpelled(id, enrolment.personId(), enrolment.organisationId(), date, order));
        return Outcome.done(enrolments.find(id).orElseThrow());
    }

    @Override
    public Optional<Enrolment> find(EnrolmentId id) {
        return enrolments.find(id);
    }

    @Override
    @Transactional
    public Paged<Pupil> pupils(PupilFilter filter, int page, int size) {
        boolean counted = filter.organisation() != null || filter.schoolClass() != null;
        Paged<Pupil> result;
        if (counted) {
            long total = enrolments.count(filter);
            var items = (long) page * size >= total ? List.<Pupil>of() : enrolments.pupils(filter, size, (long) page * size);
            result = Paged.counted(items, page, size, total);
        } else {
            var items = enrolments.pupils(filter, size + 1, (long) page * size);
            boolean more = items.size() > size;
            result = new Paged<>(more ? items.subList(0, size) : items, page, size, null, more);
        }
        auditListRead(filter, page, result.items());
        return result;
    }

    /**
     * A list of pupils shows names and IINs: its reading is audited like a person's record, once per page shown, in the
     * territory of the pupils listed. The search text itself is not kept (it may be an IIN or a surname).
     */
    private void auditListRead(PupilFilter filter, int page, List<Pupil> shown) {
        if (shown.isEmpty()) return;
        var first = shown.get(0).enrolment();
        boolean oneOrganisation = shown.stream().allMatch(p -> p.enrolment().organisationId().equals(first.organisationId()));
        Object subject = filter.schoolClass() != null ? "class:" + filter.schoolClass().value()
                : filter.organisation() != null ? "organisation:" + filter.organisation().value() : null;
        var details = new java.util.LinkedHashMap<String, Object>();
        details.put("rows", shown.size());
        details.put("page", page);
        details.put("searched", filter.query() != null && !filter.query().isBlank());
        if (filter.grade() != null) details.put("grade", filter.grade());
        audit.record(AuditEntry.of(AuditAction.READ, "pupil-list", subject, first.kato(),
                oneOrganisation ? first.organisationId().value() : null).because("list").with(details));
    }

    @Override
    public List<Enrolment> history(PersonId person) {
        return enrolments.ofPerson(person);
    }

    /** A person to admit: one already registered (by id or IIN), or a new one to register. */
    private record PersonRef(PersonId id, PersonDraft draft, LocalDate birthDate, String homeKato) {
    }

    private PersonRef person(Admission admission, List<FieldError> errors) {
        if (admission.personId() != null) {
            var existing = persons.find(admission.personId());
            if (existing.isEmpty()) {
                errors.add(new FieldError("personId", "enrolment.person.unknown"));
                return null;
            }
            return new PersonRef(existing.get().id(), null, existing.get().birthDate(), null);
        }
        if (admission.person() == null) {
            errors.add(new FieldError("person", "error.field.required"));
            return null;
        }
        Iin iin = validation.iin("person.", admission.person().iin(), errors);
        var draft = validation.person("person.", admission.person(), iin, errors);
        if (iin != null) persons.lockIin(iin.value()); // a concurrent admission of this IIN goes first, or waits
        if (iin != null && persons.idByIin(iin.value()).isPresent()) return registered(admission.person(), draft, errors);
        return draft == null ? null : new PersonRef(null, draft, draft.birthDate(), null);
    }

    /**
     * An IIN already registered links that person only when the typed surname, first name and birth date agree with
     * the record; otherwise the admission is refused without saying what the record holds.
     */
    private PersonRef registered(PersonDraft typed, PersonDraft draft, List<FieldError> errors) {
        if (typed.birthDate() == null) errors.add(new FieldError("person.birthDate", "error.field.required"));
        if (draft == null || typed.birthDate() == null) return null;
        var identified = persons.identified(draft.iin(), draft.lastName(), draft.firstName(), draft.birthDate());
        if (identified.isEmpty()) {
            errors.add(new FieldError("person.iin", "enrolment.person.not-identified"));
            return null;
        }
        return new PersonRef(identified.get().id(), null, draft.birthDate(), identified.get().residenceKato());
    }

    private PersonId register(PersonDraft draft) {
        var id = persons.insert(draft);
        audit.record(AuditEntry.of(AuditAction.CREATE, "person", id, draft.residenceKato(), null));
        return id;
    }

    private SchoolClass schoolClass(Admission admission, Organisation organisation, List<FieldError> errors) {
        if (admission.classId() == null) {
            errors.add(new FieldError("classId", "error.field.required"));
            return null;
        }
        var found = organisations.findClass(admission.classId())
                .filter(c -> c.organisationId().equals(organisation.id()));
        if (found.isEmpty()) errors.add(new FieldError("classId", "enrolment.class.not-of-organisation"));
        return found.orElse(null);
    }

    private static String order(String field, String text, List<FieldError> errors) {
        String value = Text.blankToNull(text);
        if (value == null) errors.add(new FieldError(field, "error.field.required"));
        else if (value.length() > ORDER_MAX) errors.add(new FieldError(field, "enrolment.field.too-long", ORDER_MAX));
        return value;
    }

    /** Nothing of a refused step stays: the person registered on the way is rolled back too. */
    private static <T> Outcome<T> refused(Refusal refusal) {
        TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        return refusal.outcome();
    }

    /** PostgreSQL's unique_violation on enrolment_one_open: the person already has an open enrolment elsewhere. */
    private static boolean isOpenEnrolmentViolation(DataIntegrityViolationException e) {
        return e.getMostSpecificCause() instanceof SQLException sql && "23505".equals(sql.getSQLState())
                && sql.getMessage() != null && sql.getMessage().contains("enrolment_one_open");
    }
}
