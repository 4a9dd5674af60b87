package kz.bilim.enrolment.internal;

import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditEntry;
import kz.bilim.audit.AuditTrail;
import kz.bilim.enrolment.Enrolment;
import kz.bilim.enrolment.EnrolmentId;
import kz.bilim.enrolment.PupilRecords;
import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.ScopeCondition;
import kz.bilim.kernel.SignedIn;
import kz.bilim.organisation.AcademicYear;
import kz.bilim.organisation.OrganisationId;
import kz.bilim.organisation.OrganisationKind;
import kz.bilim.organisation.Organisations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The pupils' marks, study form and graduations (SC-5 inputs): checked, written in the enrolment's scope (row-level
 * security as on enrolment), audited. Nothing is written when a field is refused.
 */
@Service
class PupilRecordsDesk implements PupilRecords {

    private final EnrolmentRepository enrolments;
    private final Organisations organisations;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    PupilRecordsDesk(EnrolmentRepository enrolments, Organisations organisations, JdbcClient jdbc, AuditTrail audit,
                     Clock clock) {
        this.enrolments = enrolments;
        this.organisations = organisations;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    @PreAuthorize(EnrolmentDesk.WRITERS)
    public Outcome<Long> mark(EnrolmentId id, Mark mark, String basis, LocalDate from) {
        var enrolment = enrolments.find(id).orElse(null);
        if (enrolment == null) return Refusal.notFound("enrolment", id.value()).outcome();
        var errors = new ArrayList<FieldError>();
        if (mark == null) errors.add(new FieldError("mark", "error.field.required"));
        if (basis == null || basis.isBlank())
            errors.add(new FieldError("basis", mark == Mark.SPECIAL_NEEDS ? "enrolment.mark.pmpk-required"
                    : "error.field.required"));
        if (from == null) errors.add(new FieldError("from", "error.field.required"));
        else if (from.isAfter(LocalDate.now(clock))) errors.add(new FieldError("from", "enrolment.mark.future"));
        if (!errors.isEmpty()) return Refusal.invalid(errors).outcome();
        long markId = ScopeCondition.current().sql(jdbc, """
                        insert into pupil_mark (person_id, organisation_id, kato, mark, basis, valid_from, recorded_by)
                        select e.person_id, e.organisation_id, e.kato, :mark, :basis, :from, :by from enrolment e
                         where e.id = :id and {scope: kato=e.kato, organisation=e.organisation_id}
                        returning id""")
                .param("mark", mark.name()).param("basis", basis.trim()).param("from", from)
                .param("by", SignedIn.required().username()).param("id", id.value()).query(Long.class).single();
        audit.record(AuditEntry.of(AuditAction.UPDATE, "enrolment", id, enrolment.kato(),
                enrolment.organisationId().value()).with(Map.of("change", "mark", "mark", mark.name())));
        return Outcome.done(markId);
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Set<Mark> marks(EnrolmentId id, LocalDate on) {
        var found = java.util.EnumSet.noneOf(Mark.class);
        ScopeCondition.current().sql(jdbc, """
                        select distinct m.mark from enrolment e join pupil_mark m on m.person_id = e.person_id
                         where e.id = :id and {scope: kato=e.kato, organisation=e.organisation_id}
                           and m.valid_from <= :on and (m.valid_to is null or m.valid_to >= :on)""")
                .param("id", id.value()).param("on", on).query(String.class).list()
                .forEach(m -> found.add(Mark.valueOf(m)));
        return found;
    }

    @Override
    @Transactional
    @PreAuthorize(EnrolmentDesk.WRITERS)
    public Outcome<EnrolmentId> studyForm(EnrolmentId id, StudyForm form) {
        var enrolment = enrolments.find(id).orElse(null);
        if (enrolment == null) return Refusal.notFound("enrolment", id.value()).outcome();
        if (form == null) return Refusal.invalid("studyForm", "error.field.required").outcome();
        ScopeCondition.current().sql(jdbc, """
                        update enrolment e set study_form = :form
                         where e.id = :id and {scope: kato=e.kato, organisation=e.organisation_id}""")
                .param("form", form.name()).param("id", id.value()).update();
        audit.record(AuditEntry.of(AuditAction.UPDATE, "enrolment", id, enrolment.kato(),
                enrolment.organisationId().value()).with(Map.of("change", "studyForm", "studyForm", form.name())));
        return Outcome.done(id);
    }

    @Override
    @Transactional
    @PreAuthorize(EnrolmentDesk.WRITERS)
    public Outcome<EnrolmentId> preschoolGroup(EnrolmentId id, PreschoolGroup group) {
        var enrolment = enrolments.find(id).orElse(null);
        if (enrolment == null) return Refusal.notFound("enrolment", id.value()).outcome();
        if (group == null) return Refusal.invalid("group", "error.field.required").outcome();
        var organisation = organisations.find(enrolment.organisationId()).orElse(null);
        if (organisation == null || organisation.kind() != OrganisationKind.PRESCHOOL)
            return Refusal.invalid("group", "enrolment.preschool-group.not-preschool").outcome();
        if (!enrolment.active()) return Refusal.conflict("enrolment.preschool-group.ended").outcome();
        ScopeCondition.current().sql(jdbc, """
                        update enrolment e set preschool_group = :group
                         where e.id = :id and {scope: kato=e.kato, organisation=e.organisation_id}""")
                .param("group", group.name()).param("id", id.value()).update();
        audit.record(AuditEntry.of(AuditAction.UPDATE, "enrolment", id, enrolment.kato(),
                enrolment.organisationId().value()).with(Map.of("change", "preschoolGroup", "group", group.name())));
        return Outcome.done(id);
    }

    @Override
    @Transactional
    @PreAuthorize(EnrolmentDesk.WRITERS)
    public Outcome<EnrolmentId> yearEnd(EnrolmentId id, YearEnd outcome, LocalDate on, String basis) {
        Enrolment enrolment = enrolments.find(id).orElse(null);
        if (enrolment == null) return Refusal.notFound("enrolment", id.value()).outcome();
        var errors = new ArrayList<FieldError>();
        if (outcome == null) errors.add(new FieldError("outcome", "error.field.required"));
        dayAndBasis(on, basis, errors);
        if (on != null && !on.isAfter(LocalDate.now(clock)) && outside(enrolment, on))
            errors.add(new FieldError("on", "enrolment.year-end.day"));
        if (!errors.isEmpty()) return Refusal.invalid(errors).outcome();
        if (enrolment.grade() == null) return Refusal.invalid("grade", "enrolment.year-end.no-grade").outcome();
        int schoolYear = kz.bilim.organisation.AcademicYear.containing(on).startYear();
        int written = ScopeCondition.current().sql(jdbc, """
                        insert into pupil_year_end (enrolment_id, school_year, organisation_id, kato, grade, outcome,
                                                    decided_on, basis, recorded_by)
                        select e.id, :year, e.organisation_id, e.kato, e.grade, :outcome, :on, :basis, :by
                          from enrolment e where e.id = :id and {scope: kato=e.kato, organisation=e.organisation_id}
                        on conflict (enrolment_id, school_year) do nothing""")
                .param("year", schoolYear).param("outcome", outcome.name()).param("on", on)
                .param("basis", basis.trim()).param("by", SignedIn.required().username()).param("id", id.value())
                .update();
        if (written == 0) return Refusal.conflict("enrolment.year-end.recorded").outcome();
        audit.record(AuditEntry.of(AuditAction.UPDATE, "enrolment", id, enrolment.kato(),
                enrolment.organisationId().value()).with(Map.of("change", "yearEnd", "outcome", outcome.name())));
        return Outcome.done(id);
    }

    /** The longest council decision (its number, date, what it says) a year-end record holds. */
    static final int BASIS_MAX = 500;

    private void dayAndBasis(LocalDate on, String basis, List<FieldError> errors) {
        if (basis == null || basis.isBlank()) errors.add(new FieldError("basis", "error.field.required"));
        else if (basis.strip().length() > BASIS_MAX) errors.add(new FieldError("basis", "enrolment.year-end.basis-long", BASIS_MAX));
        if (on == null) errors.add(new FieldError("on", "error.field.required"));
        else if (on.isAfter(LocalDate.now(clock))) errors.add(new FieldError("on", "enrolment.year-end.day"));
    }

    /** Whether the day of the decision falls outside the enrolment (before the admission, after its end). */
    private static boolean outside(Enrolment enrolment, LocalDate on) {
        return on.isBefore(enrolment.enrolledFrom()) || (enrolment.enrolledTo() != null && on.isAfter(enrolment.enrolledTo()));
    }

    @Override
    @Transactional
    @PreAuthorize(EnrolmentDesk.WRITERS)
    public Outcome<Integer> yearEnds(OrganisationId organisation, LocalDate on, String basis, List<YearEndLine> lines) {
        if (organisation == null || organisations.find(organisation).isEmpty())
            return Refusal.notFound("organisation", organisation == null ? null : organisation.value()).outcome();
        var errors = new ArrayList<FieldError>();
        dayAndBasis(on, basis, errors);
        if (lines == null || lines.isEmpty()) errors.add(new FieldError("lines", "enrolment.year-end.no-lines"));
        var list = lines == null ? List.<YearEndLine>of() : lines;
        int schoolYear = on == null ? 0 : AcademicYear.containing(on).startYear();
        var ids = list.stream().filter(l -> l != null && l.enrolment() != null).map(YearEndLine::enrolment).toList();
        var recorded = on == null ? Map.<EnrolmentId, YearEnd>of() : yearEndsRecorded(ids, schoolYear);
        var found = new ArrayList<Enrolment>();
        var seen = new HashSet<EnrolmentId>();
        for (int i = 0; i < list.size(); i++) {
            var line = list.get(i);
            String field = "lines[" + i + "]";
            // a school records its own pupils only: another school's enrolment, or one out of scope, is not one of them
            Enrolment e = line == null || line.enrolment() == null ? null : enrolments.find(line.enrolment()).orElse(null);
            if (e == null || !e.organisationId().equals(organisation)) {
                errors.add(new FieldError(field + ".enrolment", "enrolment.year-end.not-of-organisation"));
                continue;
            }
            if (!seen.add(e.id())) errors.add(new FieldError(field + ".enrolment", "enrolment.year-end.twice"));
            if (line.outcome() == null) errors.add(new FieldError(field + ".outcome", "error.field.required"));
            if (e.grade() == null) errors.add(new FieldError(field + ".enrolment", "enrolment.year-end.no-grade"));
            else if (on != null && outside(e, on)) errors.add(new FieldError(field + ".enrolment", "enrolment.year-end.day"));
            if (recorded.containsKey(e.id())) errors.add(new FieldError(field + ".enrolment", "enrolment.year-end.recorded"));
            found.add(e);
        }
        if (!errors.isEmpty()) return Refusal.invalid(errors).outcome();
        int written = ScopeCondition.current().sql(jdbc, """
                        insert into pupil_year_end (enrolment_id, school_year, organisation_id, kato, grade, outcome,
                                                    decided_on, basis, recorded_by)
                        select e.id, :year, e.organisation_id, e.kato, e.grade, l.outcome, :on, :basis, :by
                          from unnest(cast(:ids as bigint[]), cast(:outcomes as text[])) as l(id, outcome)
                          join enrolment e on e.id = l.id
                         where e.organisation_id = :organisation and {scope: kato=e.kato, organisation=e.organisation_id}
                        on conflict (enrolment_id, school_year) do nothing""")
                .param("year", schoolYear).param("on", on).param("basis", basis.strip())
                .param("by", SignedIn.required().username()).param("organisation", organisation.value())
                .param("ids", list.stream().map(l -> l.enrolment().value()).toArray(Long[]::new))
                .param("outcomes", list.stream().map(l -> l.outcome().name()).toArray(String[]::new))
                .update();
        if (written != list.size()) {
            // recorded by someone else meanwhile: nothing of this record stays
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return Refusal.conflict("enrolment.year-end.recorded").outcome();
        }
        for (int i = 0; i < found.size(); i++) {
            var e = found.get(i);
            audit.record(AuditEntry.of(AuditAction.UPDATE, "enrolment", e.id(), e.kato(), e.organisationId().value())
                    .with(Map.of("change", "yearEnd", "outcome", list.get(i).outcome().name())));
        }
        return Outcome.done(written);
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize(EnrolmentDesk.READERS)
    public Map<EnrolmentId, YearEnd> yearEndsRecorded(Collection<EnrolmentId> ids, int schoolYear) {
        var out = new HashMap<EnrolmentId, YearEnd>();
        if (ids.isEmpty()) return out;
        ScopeCondition.current().sql(jdbc, """
                        select y.enrolment_id, y.outcome from pupil_year_end y
                         where y.enrolment_id = any (cast(:ids as bigint[])) and y.school_year = :year
                           and {scope: kato=y.kato, organisation=y.organisation_id}""")
                .param("ids", ids.stream().map(EnrolmentId::value).toArray(Long[]::new)).param("year", schoolYear)
                .query(rs -> {
                    out.put(new EnrolmentId(rs.getLong(1)), YearEnd.valueOf(rs.getString(2)));
                });
        return out;
    }

    @Override
    @Transactional
    @PreAuthorize(EnrolmentDesk.WRITERS)
    public Outcome<EnrolmentId> graduate(EnrolmentId id, Graduation graduation) {
        Enrolment enrolment = enrolments.find(id).orElse(null);
        if (enrolment == null) return Refusal.notFound("enrolment", id.value()).outcome();
        var errors = new ArrayList<FieldError>();
        LocalDate on = graduation == null ? null : graduation.on();
        if (on == null) errors.add(new FieldError("on", "error.field.required"));
        else if (on.isAfter(LocalDate.now(clock)) || on.isBefore(enrolment.enrolledFrom()))
            errors.add(new FieldError("on", "enrolment.graduation.day"));
        if (graduation == null || graduation.certificate() == null)
            errors.add(new FieldError("certificate", "error.field.required"));
        if (graduation == null || graduation.certificateNumber() == null || graduation.certificateNumber().isBlank())
            errors.add(new FieldError("certificateNumber", "error.field.required"));
        if (graduation != null && graduation.distinction() == Distinction.ALTYN_BELGI
                && graduation.certificate() != Certificate.GENERAL)
            errors.add(new FieldError("distinction", "enrolment.graduation.altyn-belgi"));
        if (!errors.isEmpty()) return Refusal.invalid(errors).outcome();
        if (!enrolment.active()) return Refusal.conflict("enrolment.graduation.ended").outcome();
        var next = graduation.nextStep() == null ? NextStep.UNKNOWN : graduation.nextStep();
        if (!enrolments.expel(id, on, "GRADUATION " + graduation.certificateNumber().trim()))
            return Refusal.conflict("enrolment.graduation.ended").outcome();
        ScopeCondition.current().sql(jdbc, """
                        insert into pupil_graduation (enrolment_id, organisation_id, kato, graduated_on, certificate_kind,
                                                      certificate_number, distinction, next_step, recorded_by)
                        select e.id, e.organisation_id, e.kato, :on, :kind, :number, :distinction, :next, :by
                          from enrolment e where e.id = :id and {scope: kato=e.kato, organisation=e.organisation_id}""")
                .param("on", on).param("kind", graduation.certificate().name())
                .param("number", graduation.certificateNumber().trim())
                .param("distinction", graduation.distinction() == null ? null : graduation.distinction().name())
                .param("next", next.name()).param("by", SignedIn.required().username()).param("id", id.value())
                .update();
        audit.record(AuditEntry.of(AuditAction.UPDATE, "enrolment", id, enrolment.kato(),
                enrolment.organisationId().value()).with(Map.of("change", "graduation",
                "certificate", graduation.certificate().name())));
        return Outcome.done(id);
    }
}
