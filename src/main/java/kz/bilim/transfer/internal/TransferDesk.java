package kz.bilim.transfer.internal;

import kz.bilim.access.AccountPositions;
import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditEntry;
import kz.bilim.audit.AuditTrail;
import kz.bilim.calendar.Term;
import kz.bilim.calendar.WorkingCalendar;
import kz.bilim.enrolment.Admission;
import kz.bilim.enrolment.Enrolment;
import kz.bilim.enrolment.EnrolmentId;
import kz.bilim.enrolment.Enrolments;
import kz.bilim.enrolment.Expulsion;
import kz.bilim.enrolment.PersonId;
import kz.bilim.kernel.Caller;
import kz.bilim.kernel.CurrentScope;
import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Paged;
import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.RefusedException;
import kz.bilim.kernel.Role;
import kz.bilim.kernel.SignedIn;
import kz.bilim.kernel.Text;
import kz.bilim.organisation.Organisation;
import kz.bilim.organisation.OrganisationId;
import kz.bilim.organisation.Organisations;
import kz.bilim.organisation.SchoolClass;
import kz.bilim.organisation.SchoolClassId;
import kz.bilim.identity.Iin;
import kz.bilim.signature.SignatureCheck;
import kz.bilim.signature.Signatures;
import kz.bilim.transfer.ApplicationForm;
import kz.bilim.transfer.DocumentKind;
import kz.bilim.transfer.IssuedDocument;
import kz.bilim.transfer.RefusalGround;
import kz.bilim.transfer.Route;
import kz.bilim.transfer.TransferApplication;
import kz.bilim.transfer.TransferId;
import kz.bilim.transfer.TransferStage;
import kz.bilim.transfer.TransferState;
import kz.bilim.transfer.TransferStatus;
import kz.bilim.transfer.Transfers;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The transfer service. Who may knock is checked in the caller's own scope (the application must be theirs, or of
 * the school they administer); the work itself is a system run in one transaction of its own — the enrolment move
 * touches both schools, which no school's scope covers — so that a refusal at any step leaves nothing written.
 */
@Service
class TransferDesk implements Transfers {

    static final String PROVIDERS = "hasRole('ORGANISATION_ADMIN')";
    static final String READERS = "hasAnyRole('MINISTRY_ADMIN', 'REGION_OFFICER', 'DISTRICT_OFFICER', 'ORGANISATION_ADMIN', 'APPLICANT')";
    static final String MONITORS = "hasAnyRole('MINISTRY_ADMIN', 'REGION_OFFICER', 'DISTRICT_OFFICER', 'ORGANISATION_ADMIN')";
    static final String STATUS_READERS = "hasAnyRole('MINISTRY_ADMIN', 'REGION_OFFICER', 'DISTRICT_OFFICER', 'ORGANISATION_ADMIN', 'CONTACT_CENTRE', 'APPLICANT')";
    static final int ORDER_MAX = 50;
    /** The registry's place names go into the signed text in Kazakh whatever the page's language: one text to sign. */
    static final java.util.Locale PLACE_NAMES = java.util.Locale.forLanguageTag("kk");

    private final TransferRepository repository;
    private final FormChecks checks;
    private final Signatures signatures;
    private final WorkingCalendar calendar;
    private final Organisations organisations;
    private final Enrolments enrolments;
    private final TransferDocuments documents;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final AccountPositions positions;
    private final Clock clock;

    TransferDesk(TransferRepository repository, FormChecks checks, Signatures signatures, WorkingCalendar calendar,
                 Organisations organisations, Enrolments enrolments, TransferDocuments documents, AuditTrail audit,
                 TransactionTemplate transaction, AccountPositions positions, Clock clock) {
        this.repository = repository;
        this.checks = checks;
        this.signatures = signatures;
        this.calendar = calendar;
        this.organisations = organisations;
        this.enrolments = enrolments;
        this.documents = documents;
        this.audit = audit;
        this.transaction = transaction;
        this.positions = positions;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------- applying

    @Override
    @PreAuthorize("hasRole('APPLICANT')")
    public Outcome<byte[]> applicationText(ApplicationForm form) {
        Caller caller = SignedIn.required();
        if (caller.iin() == null) return Refusal.forbidden("TR-17", "transfer.applicant.no-iin").outcome();
        return inOneTransaction(() -> {
            var checked = checks.check(form, false, new Iin(caller.iin()), "transfer-application", PLACE_NAMES);
            if (checked instanceof Refusal refusal) return refusal.outcome();
            return Outcome.done(ApplicationText.of(caller.iin(), (Checked) checked));
        });
    }

    @Override
    @PreAuthorize("hasRole('APPLICANT')")
    public Outcome<TransferApplication> submit(ApplicationForm form) {
        Caller caller = SignedIn.required();
        if (caller.iin() == null) return Refusal.forbidden("TR-17", "transfer.applicant.no-iin").outcome();
        boolean onServer = Boolean.TRUE.equals(SERVER_SIGNED.get());
        // one system transaction for the whole submission: the school, the child (its read audited), the place
        // names, the signature and the write; a refusal before the write commits only the audit of the read
        return inOneTransaction(() -> {
            var result = checks.check(form, false, new Iin(caller.iin()), "transfer-application", PLACE_NAMES);
            if (result instanceof Refusal refusal) return refusal.outcome();
            Checked c = (Checked) result;
            if (c.signature() == null) return Refusal.invalid("signature", "error.field.required").outcome();
            byte[] content = ApplicationText.of(caller.iin(), c);
            var signer = signatures.verify(content, c.signature(),
                    SignatureCheck.byPerson("TR-17", new Iin(caller.iin())).inField("signature"));
            if (signer instanceof Outcome.Refused<?> refused) return refused.refusal().outcome();
            return register(c, Route.PORTAL, caller.id(), caller.iin(), caller.fullName(), content, c.signature(), onServer);
        });
    }

    /** Set by the demo page while it submits what it signed on the server with the demo applicant's test key. */
    static final ThreadLocal<Boolean> SERVER_SIGNED = new ThreadLocal<>();

    @Override
    @PreAuthorize(PROVIDERS)
    public Outcome<TransferApplication> registerPaper(ApplicationForm form, long receivingOrganisationId) {
        Caller caller = SignedIn.required();
        if (!caller.administers(receivingOrganisationId))
            return Refusal.forbidden("TR-2", "transfer.not-your-school").outcome();
        var withSchool = new ApplicationForm(form.childIin(), form.childLastName(), form.grade(), form.parentPhone(),
                form.settlement(), form.district(), form.city(), form.region(), form.registeredAddress(),
                Long.toString(receivingOrganisationId), form.consent(), form.date(), form.exceptionGround(),
                form.supportingDocument(), null, form.applicantIin(), form.applicantName(), form.documents(),
                form.residenceDocument());
        return inOneTransaction(() -> {
            var result = checks.check(withSchool, true, null, "transfer-paper", PLACE_NAMES);
            if (result instanceof Refusal refusal) return refusal.outcome();
            Checked c = (Checked) result;
            return register(c, Route.PAPER, null, c.applicantIin(), c.applicantName(), null, null, false);
        });
    }

    /** Inside the submission's system transaction. */
    private Outcome<TransferApplication> register(Checked c, Route route, Long userId, String applicantIin,
                                                  String applicantName, byte[] content, byte[] signature,
                                                  boolean onServer) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        if (!c.date().equals(today)) return Refusal.invalid("date", "transfer.date.not-today", today).outcome();
        var consent = TransferPolicy.consent(c.consent());
        if (consent.isPresent()) return consent.get().outcome();
        var window = TransferPolicy.window(calendar, today, c.grade(), c.exception(), c.supportingDocument());
        if (window.isPresent()) return window.get().outcome();
        Term term = calendar.term(now, route.workingDays());
        Enrolment current = c.child().current();
        var person = c.child().person();
        var row = new TransferRepository.NewApplication(route, userId, applicantIin, applicantName, c.phone(),
                person.id().value(), person.iin().value(), person.fullName(), person.birthDate(),
                person.citizenship() == null ? "" : person.citizenship(), TransferPolicy.foreign(person.citizenship()),
                c.grade(), c.settlement(), c.district(), c.city(), c.region(), c.address(), true, c.date(),
                c.exception(), c.supportingDocument(), c.documents(),
                current == null ? null : current.organisationId().value(), current == null ? null : current.kato(),
                current == null ? null : current.id().value(), c.organisation().id().value(),
                c.organisation().kato().value(), term.received(), term.registered(), term.due(), content, signature,
                onServer, c.residenceDocument());
        TransferApplication created;
        try {
            created = repository.insert(row, SignedIn.actor(), SignedIn.actorRole(),
                    route == Route.PORTAL ? (onServer ? "portal, demo signature" : "portal") : "paper");
        } catch (DuplicateKeyException e) {
            throw Refusal.conflict("transfer.already-open").exception();
        }
        // with the read of the child in one statement at the commit
        audit.recordAtCommit(AuditEntry.of(AuditAction.CREATE, "transfer", created.id(), c.organisation().kato().value(),
                c.organisation().id().value()).with(Map.of("route", route.name())));
        return Outcome.done(created);
    }

    // ------------------------------------------------------------------------------------------- deciding

    @Override
    @PreAuthorize(PROVIDERS)
    public Outcome<TransferApplication> accept(TransferId id, long classId, String admissionOrder) {
        var found = receiving(id);
        if (found instanceof Outcome.Refused<TransferApplication> r) return r;
        TransferApplication a = found.orElseThrow();
        var refusal = TransferPolicy.onRoute(a.route(), Route.PORTAL).or(() -> TransferPolicy.inState(a.state(), TransferState.SUBMITTED));
        if (refusal.isPresent()) return refusal.get().outcome();
        var moved = move(a, classId, admissionOrder, TransferState.SUBMITTED, TransferState.ACCEPTED, DocumentKind.NOTICE);
        return afterMove(a, moved);
    }

    @Override
    @PreAuthorize(PROVIDERS)
    public Outcome<TransferApplication> admit(TransferId id, long classId, String admissionOrder) {
        var found = receiving(id);
        if (found instanceof Outcome.Refused<TransferApplication> r) return r;
        TransferApplication a = found.orElseThrow();
        var refusal = TransferPolicy.onRoute(a.route(), Route.PAPER)
                .or(() -> TransferPolicy.inState(a.state(), TransferState.DEPARTURE_COUPON_ISSUED));
        if (refusal.isPresent()) return refusal.get().outcome();
        var moved = move(a, classId, admissionOrder, TransferState.DEPARTURE_COUPON_ISSUED, TransferState.ADMITTED, null);
        return afterMove(a, moved);
    }

    /** TR-10, TR-16 (7): a full class refuses the application on ground 7, recorded with its receipt. */
    private Outcome<TransferApplication> afterMove(TransferApplication a, Outcome<TransferApplication> moved) {
        if (moved instanceof Outcome.Refused<TransferApplication> r && "TR-10".equals(r.refusal().clause())) {
            var args = r.refusal().args();
            Refusal full = TransferPolicy.classFull(String.valueOf(args.isEmpty() ? "" : args.get(0)),
                    args.size() > 1 ? ((Number) args.get(1)).intValue() : 0);
            decideRefusal(a, a.state(), RefusalGround.CLASS_FULL, message(full));
            return full.outcome();
        }
        return moved;
    }

    private Outcome<TransferApplication> move(TransferApplication a, long classId, String admissionOrder,
                                              TransferState from, TransferState to, DocumentKind document) {
        String order = Text.blankToNull(admissionOrder) == null ? "TR-" + a.id() : admissionOrder.strip();
        if (order.length() > ORDER_MAX)
            return Refusal.invalid("admissionOrder", "transfer.field.too-long", ORDER_MAX).outcome();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        String actor = SignedIn.actor();
        // TR-4: the notification is rendered and signed before the transaction, so that the application and the
        // class stay locked (and a connection held) for the move alone, not for the PDF's layout (≈ 80 % of an
        // acceptance's CPU); a move refused inside throws it away
        Outcome<TransferDocuments.Signed> rendered = document == null ? Outcome.done(null)
                : CurrentScope.asSystem(() -> Outcome.attempt(() -> organisations.findClass(new SchoolClassId(classId))
                .filter(k -> k.organisationId().value() == a.receivingOrganisationId())
                .map(k -> render(document, a, k, Map.of("decidedAt", now.atZone(clock.getZone())))).orElse(null)));
        if (rendered instanceof Outcome.Refused<TransferDocuments.Signed> r) return r.refusal().outcome();
        TransferDocuments.Signed signed = rendered.orElseThrow();
        return inTransaction(() -> {
            var locked = repository.lock(a.id()).orElseThrow();
            TransferPolicy.inState(locked.state(), from).ifPresent(r -> {
                throw r.exception();
            });
            SchoolClass schoolClass = organisations.findClass(new SchoolClassId(classId))
                    .filter(k -> k.organisationId().value() == a.receivingOrganisationId())
                    .orElseThrow(() -> Refusal.invalid("classId", "transfer.class.not-of-school").exception());
            if (schoolClass.grade() != a.grade())
                throw Refusal.invalid("classId", "transfer.class.wrong-grade", a.grade()).exception();
            // TR-7: the departing school's expulsion and the receiving school's admission, in this one transaction
            if (a.departingEnrolmentId() != null) {
                var current = enrolments.find(new EnrolmentId(a.departingEnrolmentId()));
                if (current.isPresent() && current.get().active()) {
                    LocalDate last = today.minusDays(1);
                    if (last.isBefore(current.get().enrolledFrom())) last = current.get().enrolledFrom();
                    enrolments.expel(current.get().id(), new Expulsion(last, "TR-" + a.id())).orElseThrow();
                }
            }
            Enrolment admitted = enrolments.admit(new Admission(new PersonId(a.childPersonId()), null,
                    new OrganisationId(a.receivingOrganisationId()), schoolClass.id(), today, order)).orElseThrow();
            Map<String, Object> columns = new HashMap<>();
            columns.put("class_id", schoolClass.id().value());
            columns.put("enrolment_id", admitted.id().value());
            columns.put("decided_at", OffsetDateTime.ofInstant(now, clock.getZone()));
            columns.put("decided_by", actor);
            if (!repository.advance(a.id(), from, to, columns))
                throw Refusal.conflict("transfer.refused.decided-meanwhile").exception();
            stage(a.id(), to.name(), now, a.kato(), "class " + schoolClass.label() + ", order " + order);
            var updated = repository.find(a.id()).orElseThrow();
            if (document != null) store(document, updated, signed != null ? signed
                    : render(document, updated, schoolClass, Map.of("decidedAt", updated.decidedAt())), now);
            audit.record(AuditEntry.of(AuditAction.UPDATE, "transfer", a.id(), a.kato(), a.receivingOrganisationId())
                    .with(Map.of("state", to.name(), "enrolment", admitted.id().value())));
            return updated;
        });
    }

    @Override
    @PreAuthorize(PROVIDERS)
    public Outcome<TransferApplication> refuse(TransferId id, String groundText, String reason) {
        var found = receiving(id);
        if (found instanceof Outcome.Refused<TransferApplication> r) return r;
        TransferApplication a = found.orElseThrow();
        var errors = new java.util.ArrayList<FieldError>();
        RefusalGround ground = RefusalGround.parse(groundText);
        if (Text.blankToNull(groundText) == null) errors.add(new FieldError("ground", "error.field.required"));
        else if (ground == null || ground == RefusalGround.TERM_MISSED)
            errors.add(new FieldError("ground", "transfer.ground.unknown"));
        String motivation = Text.blankToNull(reason);
        if (motivation == null) errors.add(new FieldError("reason", "error.field.required"));
        else if (motivation.length() > FormChecks.LONG_TEXT_MAX)
            errors.add(new FieldError("reason", "transfer.field.too-long", FormChecks.LONG_TEXT_MAX));
        if (!errors.isEmpty()) return Refusal.invalid(errors).outcome();
        if (!a.state().open()) return Refusal.conflict("transfer.refused.wrong-state", a.state().name(), "SUBMITTED").outcome();
        return decideRefusal(a, a.state(), ground, motivation.strip());
    }

    private Outcome<TransferApplication> decideRefusal(TransferApplication a, TransferState from, RefusalGround ground,
                                                       String reason) {
        Instant now = clock.instant();
        String actor = SignedIn.actor();
        return inTransaction(() -> {
            Map<String, Object> columns = new HashMap<>();
            columns.put("refusal_ground", ground.name());
            columns.put("refusal_reason", reason);
            columns.put("decided_at", OffsetDateTime.ofInstant(now, clock.getZone()));
            columns.put("decided_by", actor);
            if (!repository.advance(a.id(), from, TransferState.REFUSED, columns))
                throw Refusal.conflict("transfer.refused.decided-meanwhile").exception();
            stage(a.id(), "REFUSED", now, a.kato(), ground.clause() + " " + ground.name());
            var updated = repository.find(a.id()).orElseThrow();
            issue(DocumentKind.REFUSAL_RECEIPT, updated, null, now, Map.of("representative", representative(actor)));
            audit.record(AuditEntry.of(AuditAction.UPDATE, "transfer", a.id(), a.kato(), a.receivingOrganisationId())
                    .with(Map.of("state", "REFUSED", "ground", ground.name())));
            return updated;
        });
    }

    // ------------------------------------------------------------------------------------------- paper route

    @Override
    @PreAuthorize(PROVIDERS)
    public Outcome<TransferApplication> issueArrivalCoupon(TransferId id) {
        var found = receiving(id);
        if (found instanceof Outcome.Refused<TransferApplication> r) return r;
        TransferApplication a = found.orElseThrow();
        var refusal = TransferPolicy.onRoute(a.route(), Route.PAPER).or(() -> TransferPolicy.inState(a.state(), TransferState.SUBMITTED));
        if (refusal.isPresent()) return refusal.get().outcome();
        if (a.abroad()) return Refusal.byRule("TR-15", "transfer.abroad.no-coupon").outcome();
        Instant now = clock.instant();
        LocalDate today = calendar.processingDay(now);
        var validTo = TransferPolicy.couponValidTo(calendar, today);
        return inTransaction(() -> {
            Map<String, Object> columns = new HashMap<>();
            columns.put("arrival_coupon_issued_on", today);
            columns.put("arrival_coupon_valid_to", validTo.toOffsetDateTime());
            if (!repository.advance(a.id(), TransferState.SUBMITTED, TransferState.ARRIVAL_COUPON_ISSUED, columns))
                throw Refusal.conflict("transfer.refused.decided-meanwhile").exception();
            stage(a.id(), "ARRIVAL_COUPON_ISSUED", now, a.kato(), "valid to " + validTo.toOffsetDateTime());
            var updated = repository.find(a.id()).orElseThrow();
            issue(DocumentKind.ARRIVAL_COUPON, updated, null, now, Map.of());
            return updated;
        });
    }

    @Override
    @PreAuthorize(PROVIDERS)
    public Outcome<TransferApplication> issueDepartureCoupon(TransferId id) {
        Caller caller = SignedIn.required();
        var found = repository.find(id);
        if (found.isEmpty()) return Refusal.notFound("transfer", id.value()).outcome();
        TransferApplication a = found.get();
        if (a.departingOrganisationId() == null || !caller.administers(a.departingOrganisationId()))
            return Refusal.forbidden("TR-6", "transfer.not-departing-school").outcome();
        var refusal = TransferPolicy.onRoute(a.route(), Route.PAPER)
                .or(() -> TransferPolicy.inState(a.state(), TransferState.ARRIVAL_COUPON_ISSUED));
        if (refusal.isPresent()) return refusal.get().outcome();
        Instant now = clock.instant();
        var late = TransferPolicy.couponInTime(a.arrivalCouponValidTo(), now);
        if (late.isPresent()) {
            decideRefusal(a, TransferState.ARRIVAL_COUPON_ISSUED, RefusalGround.TERM_MISSED, message(late.get()));
            return late.get().outcome();
        }
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        return inTransaction(() -> {
            if (!repository.advance(a.id(), TransferState.ARRIVAL_COUPON_ISSUED, TransferState.DEPARTURE_COUPON_ISSUED,
                    Map.of("departure_coupon_issued_on", today)))
                throw Refusal.conflict("transfer.refused.decided-meanwhile").exception();
            stage(a.id(), "DEPARTURE_COUPON_ISSUED", now, a.kato(), "personal file handed over");
            var updated = repository.find(a.id()).orElseThrow();
            issue(DocumentKind.DEPARTURE_COUPON, updated, null, now, Map.of());
            return updated;
        });
    }

    @Override
    @PreAuthorize(PROVIDERS)
    public Outcome<TransferApplication> departAbroad(TransferId id, String expulsionOrder) {
        var found = receiving(id);
        if (found instanceof Outcome.Refused<TransferApplication> r) return r;
        TransferApplication a = found.orElseThrow();
        if (!a.abroad()) return Refusal.byRule("TR-15", "transfer.abroad.not-abroad").outcome();
        var refusal = TransferPolicy.inState(a.state(), TransferState.SUBMITTED);
        if (refusal.isPresent()) return refusal.get().outcome();
        String order = Text.blankToNull(expulsionOrder);
        if (order == null) return Refusal.invalid("expulsionOrder", "error.field.required").outcome();
        if (order.strip().length() > ORDER_MAX)
            return Refusal.invalid("expulsionOrder", "transfer.field.too-long", ORDER_MAX).outcome();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        String actor = SignedIn.actor();
        return inTransaction(() -> {
            var locked = repository.lock(a.id()).orElseThrow();
            TransferPolicy.inState(locked.state(), TransferState.SUBMITTED).ifPresent(r -> {
                throw r.exception();
            });
            if (a.departingEnrolmentId() != null) {
                var current = enrolments.find(new EnrolmentId(a.departingEnrolmentId()));
                if (current.isPresent() && current.get().active()) {
                    LocalDate last = today.minusDays(1);
                    if (last.isBefore(current.get().enrolledFrom())) last = current.get().enrolledFrom();
                    enrolments.expel(current.get().id(), new Expulsion(last, order.strip())).orElseThrow();
                }
            }
            Map<String, Object> columns = new HashMap<>();
            columns.put("decided_at", OffsetDateTime.ofInstant(now, clock.getZone()));
            columns.put("decided_by", actor);
            if (!repository.advance(a.id(), TransferState.SUBMITTED, TransferState.DEPARTED_ABROAD, columns))
                throw Refusal.conflict("transfer.refused.decided-meanwhile").exception();
            stage(a.id(), TransferState.DEPARTED_ABROAD.name(), now, a.kato(),
                    "order " + order.strip() + ", document: " + a.supportingDocument());
            audit.record(AuditEntry.of(AuditAction.UPDATE, "transfer", a.id(), a.kato(), a.receivingOrganisationId())
                    .with(Map.of("state", TransferState.DEPARTED_ABROAD.name())));
            return repository.find(a.id()).orElseThrow();
        });
    }

    // ------------------------------------------------------------------------------------------- reading

    @Override
    @PreAuthorize(READERS)
    public Optional<TransferApplication> find(TransferId id) {
        Caller caller = SignedIn.required();
        Optional<TransferApplication> found = caller.role() == Role.APPLICANT
                ? CurrentScope.asSystem(() -> repository.findOwn(id, caller.id()))
                : repository.find(id);
        found.ifPresent(a -> inTransaction(() -> {
            audit.record(AuditEntry.of(AuditAction.READ, "transfer", id, a.kato(), a.receivingOrganisationId())
                    .because("transfer"));
            return a;
        }));
        return found;
    }

    @Override
    @PreAuthorize(STATUS_READERS)
    public Optional<TransferStatus> status(TransferId id) {
        Caller caller = SignedIn.required();
        Optional<TransferApplication> found = switch (caller.role()) {
            case APPLICANT -> CurrentScope.asSystem(() -> repository.findOwn(id, caller.id()));
            case CONTACT_CENTRE -> CurrentScope.asSystem(() -> repository.find(id));
            default -> repository.find(id);
        };
        return found.map(a -> {
            var school = CurrentScope.asSystem(() -> organisations.find(new OrganisationId(a.receivingOrganisationId())));
            var stages = CurrentScope.asSystem(() -> repository.stages(id)).stream()
                    .map(s -> new TransferStatus.StageTime(s.stage(), s.at())).toList();
            return new TransferStatus(a.id(), a.route(), a.state(), a.receivingOrganisationId(),
                    school.map(o -> o.name(LocaleContextHolder.getLocale())).orElse(""), a.receivedAt(), a.dueAt(),
                    a.overdueAt(clock.instant()), a.refusalGround(), stages);
        });
    }

    @Override
    @PreAuthorize("hasRole('APPLICANT')")
    public List<TransferApplication> mine() {
        Caller caller = SignedIn.required();
        return CurrentScope.asSystem(() -> repository.ofApplicant(caller.id()));
    }

    @Override
    @PreAuthorize(MONITORS)
    public Paged<TransferApplication> desk(boolean openOnly, int page, int size) {
        long total = repository.countDesk(openOnly);
        var items = (long) page * size >= total ? List.<TransferApplication>of()
                : repository.desk(openOnly, size, (long) page * size);
        if (!items.isEmpty()) inTransaction(() -> {
            var first = items.get(0);
            audit.record(AuditEntry.of(AuditAction.READ, "transfer-list", null, first.kato(),
                    SignedIn.caller().map(Caller::organisationId).orElse(null)).because("list")
                    .with(Map.of("rows", items.size(), "page", page)));
            return first;
        });
        return Paged.counted(items, page, size, total);
    }

    @Override
    @PreAuthorize(READERS)
    public List<TransferStage> stages(TransferId id) {
        Caller caller = SignedIn.required();
        boolean visible = caller.role() == Role.APPLICANT
                ? CurrentScope.asSystem(() -> repository.findOwn(id, caller.id())).isPresent()
                : repository.find(id).isPresent();
        if (!visible) return List.of();
        return CurrentScope.asSystem(() -> repository.stages(id));
    }

    @Override
    @PreAuthorize(READERS)
    public List<DocumentKind> documents(TransferId id) {
        Caller caller = SignedIn.required();
        boolean visible = caller.role() == Role.APPLICANT
                ? CurrentScope.asSystem(() -> repository.findOwn(id, caller.id())).isPresent()
                : repository.find(id).isPresent();
        if (!visible) return List.of();
        return CurrentScope.asSystem(() -> repository.documentKinds(id));
    }

    @Override
    @PreAuthorize(READERS)
    public Optional<IssuedDocument> document(TransferId id, DocumentKind kind) {
        Caller caller = SignedIn.required();
        boolean visible = caller.role() == Role.APPLICANT
                ? CurrentScope.asSystem(() -> repository.findOwn(id, caller.id())).isPresent()
                : repository.find(id).isPresent();
        if (!visible) return Optional.empty();
        var found = CurrentScope.asSystem(() -> repository.document(id, kind));
        // the documents carry the child's and the applicant's personal data: reading one is audited like the record
        found.ifPresent(d -> inTransaction(() -> {
            audit.record(AuditEntry.of(AuditAction.READ, "transfer-document", id, caller.kato(), caller.organisationId())
                    .because("transfer").with(Map.of("kind", kind.name())));
            return d;
        }));
        return found;
    }

    @Override
    @PreAuthorize(MONITORS)
    public Map<String, Long> monitoring() {
        return repository.counts(clock.instant());
    }

    @Override
    @PreAuthorize(MONITORS)
    public String monitoringExport(LocalDate from, LocalDate to) {
        StringBuilder csv = new StringBuilder("application_id,route,stage,at,actor_role,receiving_organisation_id,kato,due_at\n");
        for (String[] row : repository.stageExport(from, to)) csv.append(String.join(",", row)).append('\n');
        inTransaction(() -> {
            Caller caller = SignedIn.required();
            audit.record(AuditEntry.of(AuditAction.EXPORT, "transfer-stages", null, caller.kato(),
                    caller.organisationId()).with(Map.of("from", from.toString(), "to", to.toString())));
            return csv;
        });
        return csv.toString();
    }

    // ------------------------------------------------------------------------------------------- helpers

    /** The application, when the caller administers its receiving school. */
    private Outcome<TransferApplication> receiving(TransferId id) {
        Caller caller = SignedIn.required();
        var found = repository.find(id);
        if (found.isEmpty()) return Refusal.notFound("transfer", id.value()).outcome();
        if (!caller.administers(found.get().receivingOrganisationId()))
            return Refusal.forbidden("TR-4", "transfer.not-your-school").outcome();
        return Outcome.done(found.get());
    }

    private void issue(DocumentKind kind, TransferApplication a, SchoolClass schoolClass, Instant now,
                       Map<String, Object> extra) {
        store(kind, a, render(kind, a, schoolClass, extra), now);
    }

    /** The document as rendered and signed by its school; {@code extra}: more template variables. */
    private TransferDocuments.Signed render(DocumentKind kind, TransferApplication a, SchoolClass schoolClass,
                                            Map<String, Object> extra) {
        Organisation receiving = organisations.find(new OrganisationId(a.receivingOrganisationId())).orElseThrow();
        Organisation departing = a.departingOrganisationId() == null ? null
                : organisations.find(new OrganisationId(a.departingOrganisationId())).orElse(null);
        SchoolClass k = schoolClass != null ? schoolClass
                : a.classId() == null ? null : organisations.findClass(new SchoolClassId(a.classId())).orElse(null);
        return documents.render(kind, a, receiving, departing, k, extra);
    }

    private void store(DocumentKind kind, TransferApplication a, TransferDocuments.Signed signed, Instant now) {
        repository.document(a.id(), kind, a.kato(), signed.pdf(), signed.signature(), now);
    }

    /** TR-18: the provider's representative on the receipt — the signed-in name and, when recorded, the position. */
    private String representative(String actor) {
        var caller = SignedIn.caller();
        if (caller.isEmpty()) return actor;
        return caller.get().fullName() + positions.of(caller.get().id()).map(p -> ", " + p).orElse("");
    }

    private void stage(TransferId id, String stage, Instant at, String kato, String note) {
        repository.stage(id, stage, at, SignedIn.actor(), SignedIn.actorRole(), kato, note);
    }

    private String message(Refusal refusal) {
        return documents.new Bilingual().ru(refusal.reasonKey(), refusal.args().toArray());
    }

    /**
     * A system run in one transaction of its own for work that answers with an outcome: a refusal returned as a value
     * commits what was done before it (the audit of a read), a refusal raised rolls everything back.
     */
    private <T> Outcome<T> inOneTransaction(Supplier<Outcome<T>> work) {
        Outcome<Outcome<T>> outer = inTransaction(work);
        if (outer instanceof Outcome.Refused<Outcome<T>> refused) return refused.refusal().outcome();
        return outer.orElseThrow();
    }

    /** A system run in a transaction of its own; a refusal raised inside rolls it back and comes out as a value. */
    private <T> Outcome<T> inTransaction(Supplier<T> work) {
        return CurrentScope.asSystem(() -> Outcome.attempt(() -> transaction.execute(status -> {
            try {
                return work.get();
            } catch (RefusedException e) {
                status.setRollbackOnly();
                throw e;
            }
        })));
    }
}
