package kz.bilim.staff.internal;

import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditEntry;
import kz.bilim.audit.AuditTrail;
import kz.bilim.identity.Iin;
import kz.bilim.kernel.CurrentScope;
import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Paged;
import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.Role;
import kz.bilim.kernel.SignedIn;
import kz.bilim.organisation.Organisation;
import kz.bilim.organisation.OrganisationId;
import kz.bilim.organisation.Organisations;
import kz.bilim.staff.ContractId;
import kz.bilim.staff.Dismissal;
import kz.bilim.staff.EmploymentContract;
import kz.bilim.staff.FlaggedContract;
import kz.bilim.staff.Hiring;
import kz.bilim.staff.Position;
import kz.bilim.staff.StaffListing;
import kz.bilim.staff.StaffMember;
import kz.bilim.staff.StaffMemberId;
import kz.bilim.staff.StaffRegistry;
import kz.bilim.staff.StaffTasks;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hiring (HB-1), dismissal and the staff lists. A hire runs in one transaction: the person's hires in this
 * organisation are serialised by an advisory lock, the verdict check comes first, and a refusal leaves nothing — but a
 * refusal by a verdict commits its own audit record (the refused attempt is a fact the district office must see).
 */
@Service
@PreAuthorize(StaffDesk.READERS)
class StaffDesk implements StaffRegistry, StaffTasks {

    /** Roles that read staff records: the offices and the organisation's own head (not police, statistics, public). */
    static final String READERS = "hasAnyRole('MINISTRY_ADMIN', 'REGION_OFFICER', 'DISTRICT_OFFICER', 'ORGANISATION_ADMIN')";
    static final java.util.Set<Role> READING_ROLES = java.util.EnumSet.of(Role.MINISTRY_ADMIN, Role.REGION_OFFICER,
            Role.DISTRICT_OFFICER, Role.ORGANISATION_ADMIN);

    private final StaffRepository staff;
    private final Organisations organisations;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    StaffDesk(StaffRepository staff, Organisations organisations, AuditTrail audit,
              PlatformTransactionManager transactions, Clock clock) {
        this.staff = staff;
        this.organisations = organisations;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Position> positions() {
        return positionsNow();
    }

    /**
     * The classifier, read at most once a minute: every hire looks its position up, and the classifier is data the
     * ministry changes rarely (a change shows within a minute).
     */
    private List<Position> positionsNow() {
        var cached = positions;
        long now = System.nanoTime();
        if (cached == null || now - cached.readAt() > POSITIONS_FRESHNESS.toNanos()) {
            cached = new CachedPositions(staff.positions(), now);
            positions = cached;
        }
        return cached.positions();
    }

    private record CachedPositions(List<Position> positions, long readAt) {
    }

    private static final java.time.Duration POSITIONS_FRESHNESS = java.time.Duration.ofMinutes(1);
    private volatile CachedPositions positions;

    @Override
    public Outcome<StaffMember> hire(OrganisationId organisationId, Hiring hiring) {
        if (organisationId == null) return Refusal.invalid("organisationId", "error.field.required").outcome();
        return transaction.execute(status -> {
            var found = organisations.find(organisationId);
            if (found.isEmpty()) {
                status.setRollbackOnly();
                return Refusal.notFound("organisation", organisationId.value()).outcome();
            }
            Organisation organisation = found.get();
            var errors = new ArrayList<FieldError>();
            var checked = check(hiring, errors);
            if (!errors.isEmpty()) {
                status.setRollbackOnly();
                return Refusal.invalid(errors).outcome();
            }
            LocalDate from = HiringBanPolicy.checkedFrom(hiring.contractDate(), hiring.startsOn());
            var verdict = staff.hiringBan(checked.iin().value(), checked.position().code(), from, hiring.endsOn());
            if (verdict.isPresent()) {
                // HB-1: refused, and the attempt is on record (committed; nothing else was written)
                audit.record(AuditEntry.of(AuditAction.CREATE, "employment-contract", null, organisation.kato().value(),
                                organisation.id().value()).because("hiring-refused")
                        .with(Map.of("refused", "HIRING_BANNED", "clause", HiringBanPolicy.HB_1,
                                "courtBan", verdict.get().id().value(), "position", checked.position().code())));
                return HiringBanPolicy.banned(verdict.get()).outcome();
            }
            // from here on the person's hires in this organisation are one at a time (the overlap check below)
            staff.lock(organisation.id(), checked.iin().value());
            StaffMemberId member = staff.memberByIin(organisation.id(), checked.iin().value()).orElse(null);
            if (member != null && staff.overlapping(member, checked.position().code(), hiring.startsOn(), hiring.endsOn())) {
                status.setRollbackOnly();
                return Refusal.invalid(List.of(HiringBanPolicy.secondContract())).outcome();
            }
            if (member == null) {
                member = staff.insertMember(new StaffRepository.NewMember(organisation.id(), organisation.kato().value(),
                        checked.iin().value(), checked.lastName(), checked.firstName(), checked.patronymic(),
                        checked.iin().birthDate(), checked.iin().sex(), hiring.educationLevel(), checked.speciality(),
                        hiring.category(), hiring.experienceYears(), checked.nationality()));
                audit.record(AuditEntry.of(AuditAction.CREATE, "staff-member", member.value(), organisation.kato().value(),
                        organisation.id().value()));
            }
            ContractId contract;
            try {
                contract = staff.insertContract(new StaffRepository.NewContract(member, organisation.id(),
                        organisation.kato().value(), checked.position().code(), checked.subject(), hiring.weeklyHours(),
                        checked.contractNumber(), hiring.contractDate(), hiring.startsOn(), hiring.endsOn(),
                        hiring.gradesTaught()));
            } catch (DataIntegrityViolationException e) {
                if (!isViolation(e, "employment_contract_one_open")) throw e;
                status.setRollbackOnly();
                return Refusal.invalid(List.of(HiringBanPolicy.secondContract())).outcome();
            }
            audit.record(AuditEntry.of(AuditAction.CREATE, "employment-contract", contract.value(), organisation.kato().value(),
                    organisation.id().value()).with(Map.of("member", member.value(), "position", checked.position().code())));
            return Outcome.done(staff.find(member).orElseThrow());
        });
    }

    /** The hire's fields that need more than a look, once checked. */
    private record Checked(Iin iin, String lastName, String firstName, String patronymic, Position position,
                           String subject, String contractNumber, String speciality, String nationality) {
    }

    private Checked check(Hiring h, List<FieldError> errors) {
        Iin iin = StaffValidation.iin("iin", h.iin(), errors);
        String lastName = StaffValidation.name("lastName", h.lastName(), true, errors);
        String firstName = StaffValidation.name("firstName", h.firstName(), true, errors);
        String patronymic = StaffValidation.name("patronymic", h.patronymic(), false, errors);
        StaffValidation.agreesWithIin(iin, h.birthDate(), h.sex(), "", errors);
        Position position = null;
        String code = h.position() == null ? null : h.position().trim();
        if (code == null || code.isEmpty()) errors.add(new FieldError("position", "error.field.required"));
        else position = positionsNow().stream().filter(p -> p.code().equals(code)).findFirst().orElse(null);
        if (code != null && !code.isEmpty() && position == null)
            errors.add(new FieldError("position", "staff.position.unknown", code));
        String subject = StaffValidation.text("subject", h.subject(), false, StaffValidation.TEXT_MAX, errors);
        String number = StaffValidation.text("contractNumber", h.contractNumber(), true, StaffValidation.NUMBER_MAX, errors);
        String speciality = StaffValidation.text("speciality", h.speciality(), false, StaffValidation.TEXT_MAX, errors);
        if (h.contractDate() == null) errors.add(new FieldError("contractDate", "error.field.required"));
        if (h.startsOn() == null) errors.add(new FieldError("startsOn", "error.field.required"));
        HiringBanPolicy.contractDates(h.contractDate(), h.startsOn(), h.endsOn(), LocalDate.now(clock)).ifPresent(errors::add);
        if (iin != null) HiringBanPolicy.age(iin.birthDate(), h.startsOn()).ifPresent(errors::add);
        if (h.weeklyHours() != null && (h.weeklyHours().signum() <= 0 || h.weeklyHours().intValue() > 60))
            errors.add(new FieldError("weeklyHours", "staff.field.out-of-range", 0, 60));
        if (h.experienceYears() != null && (h.experienceYears() < 0 || h.experienceYears() > 70))
            errors.add(new FieldError("experienceYears", "staff.field.out-of-range", 0, 70));
        String nationality = StaffValidation.name("nationality", h.nationality(), false, errors);
        // SC-5: the grades taught are a teacher's (the band counts teachers of indicators 16 and 17 by grade)
        if (h.gradesTaught() != null && position != null && !"TEACHER".equals(position.code()))
            errors.add(new FieldError("gradesTaught", "staff.grades-taught.teacher-only"));
        return new Checked(iin, lastName, firstName, patronymic, position, subject, number, speciality, nationality);
    }

    @Override
    @Transactional
    public Optional<StaffMember> read(StaffMemberId id, String purpose) {
        var member = staff.find(id);
        member.ifPresent(m -> audit.record(AuditEntry.of(AuditAction.READ, "staff-member", m.id().value(), m.kato(),
                m.organisationId().value()).because(purpose)));
        return member;
    }

    @Override
    @Transactional
    public Paged<StaffListing> staff(OrganisationId organisation, String query, boolean current, int page, int size) {
        // an organisation outside the scope is missing, not empty
        var kato = organisations.find(organisation).map(o -> o.kato().value())
                .orElseThrow(() -> Refusal.notFound("organisation", organisation.value()).exception());
        LocalDate today = LocalDate.now(clock);
        long total = staff.count(organisation, query, current, today);
        var items = (long) page * size >= total ? List.<StaffListing>of()
                : staff.list(organisation, query, current, today, size, (long) page * size);
        var result = Paged.counted(items, page, size, total);
        if (!items.isEmpty()) {
            var details = new LinkedHashMap<String, Object>();
            details.put("rows", items.size());
            details.put("page", page);
            details.put("searched", query != null && !query.isBlank());
            audit.record(AuditEntry.of(AuditAction.READ, "staff-list", "organisation:" + organisation.value(), kato,
                    organisation.value()).because("list").with(details));
        }
        return result;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<EmploymentContract> contract(ContractId id) {
        return staff.findContract(id);
    }

    @Override
    public Outcome<EmploymentContract> dismiss(ContractId id, Dismissal dismissal) {
        return transaction.execute(status -> {
            var found = staff.findContract(id);
            if (found.isEmpty()) {
                status.setRollbackOnly();
                return Refusal.notFound("contract", id.value()).outcome();
            }
            var contract = found.get();
            var errors = new ArrayList<FieldError>();
            String order = StaffValidation.text("order", dismissal.order(), true, StaffValidation.NUMBER_MAX, errors);
            String reason = StaffValidation.text("reason", dismissal.reason(), true, StaffValidation.TEXT_MAX, errors);
            if (dismissal.date() == null) errors.add(new FieldError("date", "error.field.required"));
            else HiringBanPolicy.dismissalDate(dismissal.date(), contract.startsOn(), LocalDate.now(clock)).ifPresent(errors::add);
            if (!errors.isEmpty()) {
                status.setRollbackOnly();
                return Refusal.invalid(errors).outcome();
            }
            if (contract.dismissedOn() != null || !staff.dismiss(id, dismissal.date(), order, reason)) {
                status.setRollbackOnly();
                return HiringBanPolicy.alreadyDismissed(contract.dismissedOn()).outcome();
            }
            var details = new LinkedHashMap<String, Object>();
            details.put("change", "dismissal");
            if (contract.flagged()) details.put("courtBan", contract.bannedBy().id().value());
            audit.record(AuditEntry.of(AuditAction.UPDATE, "employment-contract", id.value(), contract.kato(),
                    contract.organisationId().value()).with(details));
            return Outcome.done(staff.findContract(id).orElseThrow());
        });
    }

    @Override
    @Transactional
    public Paged<FlaggedContract> flagged(int page, int size) {
        long total = staff.flaggedCount();
        var items = (long) page * size >= total ? List.<FlaggedContract>of() : staff.flagged(size, (long) page * size);
        if (!items.isEmpty()) {
            var first = items.get(0);
            boolean one = items.stream().allMatch(f -> f.organisationId().equals(first.organisationId()));
            audit.record(AuditEntry.of(AuditAction.READ, "staff-flagged-list", null, one ? first.kato() : "",
                    one ? first.organisationId().value() : null).because("list")
                    .with(Map.of("rows", items.size(), "page", page)));
        }
        return Paged.counted(items, page, size, total);
    }

    /** No personal data: a count; for roles that do not read staff records it is 0 (row-level security agrees). */
    @Override
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public long flaggedContracts() {
        boolean reader = SignedIn.role().filter(READING_ROLES::contains).isPresent();
        return reader && CurrentScope.get().personalData() ? staff.flaggedCount() : 0;
    }

    private static boolean isViolation(DataIntegrityViolationException e, String constraint) {
        return e.getMostSpecificCause() instanceof SQLException sql && "23505".equals(sql.getSQLState())
                && sql.getMessage() != null && sql.getMessage().contains(constraint);
    }
}
