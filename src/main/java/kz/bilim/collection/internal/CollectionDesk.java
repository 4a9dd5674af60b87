package kz.bilim.collection.internal;

import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditEntry;
import kz.bilim.audit.AuditTrail;
import kz.bilim.calendar.WorkingCalendar;
import kz.bilim.collection.AdditionalRequest;
import kz.bilim.collection.CollectedValues;
import kz.bilim.collection.Completeness;
import kz.bilim.collection.DataCollection;
import kz.bilim.collection.Draft;
import kz.bilim.collection.Form;
import kz.bilim.collection.FormDefinition;
import kz.bilim.collection.Level;
import kz.bilim.collection.NewForm;
import kz.bilim.collection.NewPeriod;
import kz.bilim.collection.PaperSubmission;
import kz.bilim.collection.Period;
import kz.bilim.collection.RegistryQuery;
import kz.bilim.collection.Submission;
import kz.bilim.collection.SubmissionStatus;
import kz.bilim.collection.Texts;
import kz.bilim.enrolment.EnrolmentStatistics;
import kz.bilim.kernel.Almaty;
import kz.bilim.kernel.Caller;
import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Paged;
import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.SignedIn;
import kz.bilim.organisation.AcademicYear;
import kz.bilim.organisation.Organisation;
import kz.bilim.organisation.OrganisationFilter;
import kz.bilim.organisation.OrganisationId;
import kz.bilim.organisation.Organisations;
import kz.bilim.signature.SignatureCheck;
import kz.bilim.signature.Signatures;
import kz.bilim.signature.Signer;
import kz.bilim.staff.StaffFigures;
import kz.bilim.territory.Territories;
import kz.bilim.territory.Territory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The collection's commands and queries. Each command is one transaction over a row locked {@code for update}: a
 * refusal rolls everything back (nothing half-written); every step writes the submission's history and the audit
 * trail in the same transaction.
 */
@Service
@PreAuthorize("isAuthenticated()")
class CollectionDesk implements DataCollection, CollectedValues {

    private static final Pattern FORM_CODE = Pattern.compile("[A-Z][A-Z0-9_-]{1,39}");
    private static final Set<String> SCAN_TYPES = Set.of("application/pdf", "image/jpeg", "image/png");
    private static final int MAX_SCAN = 10 * 1024 * 1024;
    private static final String SUBJECT = "collection-submission";
    /** Fields of an additional request's form are named under it. */
    private static final String REQUEST_FORM = "form.";

    private final CollectionRepository repository;
    private final Organisations organisations;
    private final Territories territories;
    private final EnrolmentStatistics pupils;
    private final StaffFigures staff;
    private final Signatures signatures;
    private final WorkingCalendar calendar;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final JsonMapper json;
    private final CollectionDocuments documents;
    /** Forms by id: a form is never changed once defined (a new year is a new form), so its parsed definition is kept. */
    private final java.util.concurrent.ConcurrentHashMap<Long, Form> formCache = new java.util.concurrent.ConcurrentHashMap<>();

    CollectionDesk(CollectionRepository repository, Organisations organisations, Territories territories,
                   EnrolmentStatistics pupils, StaffFigures staff, Signatures signatures, WorkingCalendar calendar,
                   AuditTrail audit, PlatformTransactionManager transactions, Clock clock, JsonMapper json,
                   CollectionDocuments documents) {
        this.repository = repository;
        this.organisations = organisations;
        this.territories = territories;
        this.pupils = pupils;
        this.staff = staff;
        this.signatures = signatures;
        this.calendar = calendar;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.json = json;
        this.documents = documents;
    }

    // ---- EIS-4: forms of the year

    @Override
    public Outcome<Form> defineForm(NewForm form) {
        Caller caller = SignedIn.required();
        if (!CollectionPolicy.setsForms(caller))
            return Refusal.forbidden(FormValidation.EIS_4, "collection.forbidden.ministry").outcome();
        var errors = checkNewForm(form);
        if (!errors.isEmpty()) return Refusal.invalid(errors).outcome();
        return Outcome.attempt(() -> transaction.execute(status -> {
            if (repository.formExists(form.code(), form.year()))
                throw Refusal.invalid("code", "collection.form.exists", form.code(), form.year()).exception();
            long id = repository.insertForm(form.code(), form.year(), form.kind(), form.periodicity(), form.name(),
                    form.orderRef(), form.appliesTo(), form.definition(), caller.username());
            audit.record(AuditEntry.of(AuditAction.CREATE, "collection-form", id, "", null)
                    .with(Map.of("code", form.code(), "year", form.year(), "clause", FormValidation.EIS_4)));
            return repository.form(id).orElseThrow();
        }));
    }

    private List<FieldError> checkNewForm(NewForm form) {
        var errors = new ArrayList<FieldError>();
        if (form == null) return List.of(new FieldError("code", "error.field.required"));
        if (form.code() == null || !FORM_CODE.matcher(form.code()).matches())
            errors.add(new FieldError("code", "collection.definition.form-code"));
        if (form.year() == null || form.year() < 2018 || form.year() > 2100)
            errors.add(new FieldError("year", "error.field.range", 2018, 2100));
        if (form.kind() == null) errors.add(new FieldError("kind", "error.field.required"));
        if (form.periodicity() == null) errors.add(new FieldError("periodicity", "error.field.required"));
        if (form.name() == null || !form.name().complete()) errors.add(new FieldError("name", "collection.definition.texts"));
        if (form.appliesTo() == null || form.appliesTo().isEmpty())
            errors.add(new FieldError("appliesTo", "error.field.required"));
        if (form.definition() == null) errors.add(new FieldError("sections", "error.field.required"));
        else errors.addAll(FormValidation.checkDefinition(form.definition()));
        return errors;
    }

    @Override
    public List<Form> forms(Integer year) {
        return repository.forms(year);
    }

    @Override
    public Optional<Form> form(long id) {
        return repository.form(id);
    }

    @Override
    public Optional<byte[]> formPdf(long formId, Locale locale) {
        return repository.form(formId).map(form -> documents.formPdf(form, repository.periods(formId), locale));
    }

    @Override
    public Outcome<Period> openPeriod(long formId, NewPeriod period) {
        Caller caller = SignedIn.required();
        if (!CollectionPolicy.setsForms(caller))
            return Refusal.forbidden(FormValidation.EIS_4, "collection.forbidden.ministry").outcome();
        var form = repository.form(formId).orElse(null);
        if (form == null) return Refusal.notFound("form", formId).outcome();
        var errors = checkPeriod(period);
        if (!errors.isEmpty()) return Refusal.invalid(errors).outcome();
        return Outcome.attempt(() -> transaction.execute(status -> {
            if (repository.periodExists(formId, period.label()))
                throw Refusal.invalid("label", "collection.period.exists", period.label()).exception();
            long id = repository.insertPeriod(formId, period.label(), period.startsOn(), period.endsOn(), period.due());
            audit.record(AuditEntry.of(AuditAction.CREATE, "collection-period", id, "", null)
                    .with(Map.of("form", form.code(), "label", period.label())));
            return repository.period(id).orElseThrow();
        }));
    }

    private List<FieldError> checkPeriod(NewPeriod period) {
        var errors = new ArrayList<FieldError>();
        if (period == null) return List.of(new FieldError("label", "error.field.required"));
        if (period.label() == null || period.label().isBlank() || period.label().length() > 40)
            errors.add(new FieldError("label", "error.field.required"));
        if (period.startsOn() == null) errors.add(new FieldError("startsOn", "error.field.required"));
        if (period.endsOn() == null) errors.add(new FieldError("endsOn", "error.field.required"));
        if (period.startsOn() != null && period.endsOn() != null && period.endsOn().isBefore(period.startsOn()))
            errors.add(new FieldError("endsOn", "collection.period.ends-before-start"));
        var due = period.due();
        if (due == null) {
            errors.add(new FieldError("due.organisation", "error.field.required"));
            return errors;
        }
        LocalDate previous = null;
        for (Level level : Level.values()) {
            LocalDate day = due.of(level);
            String field = "due." + level.name().toLowerCase(Locale.ROOT);
            if (day == null) errors.add(new FieldError(field, "error.field.required"));
            else if (!WorkingCalendar.covers(day)) errors.add(new FieldError(field, "collection.period.outside-calendar"));
            else if (previous != null && day.isBefore(previous))
                errors.add(new FieldError(field, "collection.period.deadline-order"));
            if (day != null) previous = day;
        }
        return errors;
    }

    @Override
    public Optional<Period> period(long id) {
        return repository.period(id);
    }

    @Override
    public List<Period> periods(long formId) {
        return repository.periods(formId);
    }

    @Override
    public Outcome<Integer> publish(long periodId) {
        Caller caller = SignedIn.required();
        if (!CollectionPolicy.setsForms(caller))
            return Refusal.forbidden(FormValidation.EIS_4, "collection.forbidden.ministry").outcome();
        var period = repository.period(periodId).orElse(null);
        if (period == null) return Refusal.notFound("period", periodId).outcome();
        var form = repository.form(period.formId()).orElseThrow();
        if (form.kind() == Form.Kind.ADDITIONAL)
            return Refusal.conflict("collection.publish.additional").outcome();
        var ids = new ArrayList<Long>();
        var katos = new ArrayList<String>();
        for (var kind : form.appliesTo()) {
            for (int page = 0; ; page++) {
                var found = organisations.list(new OrganisationFilter(null, kind, null, null, null, null), page, 200);
                found.items().forEach(o -> {
                    ids.add(o.id().value());
                    katos.add(o.kato().value());
                });
                if (!found.hasNext()) break;
            }
        }
        return Outcome.attempt(() -> transaction.execute(status -> {
            int added = repository.insertParticipants(periodId, ids, katos);
            repository.markPublished(periodId, clock.instant());
            audit.record(AuditEntry.of(AuditAction.UPDATE, "collection-period", periodId, "", null)
                    .because("published").with(Map.of("participants", added, "clause", "EIS-4")));
            return added;
        }));
    }

    @Override
    public Outcome<Period> request(AdditionalRequest request) {
        Caller caller = SignedIn.required();
        if (!CollectionPolicy.setsForms(caller))
            return Refusal.forbidden(CollectionPolicy.EIS_9, "collection.forbidden.ministry").outcome();
        var errors = new ArrayList<FieldError>();
        if (request == null || request.form() == null) return Refusal.invalid("form", "error.field.required").outcome();
        NewForm form = new NewForm(request.form().code(), request.form().year(), Form.Kind.ADDITIONAL,
                Form.Periodicity.ONE_OFF, request.form().name(), request.form().orderRef(), request.form().appliesTo(),
                request.form().definition());
        errors.addAll(checkNewForm(form).stream().map(e -> new FieldError(REQUEST_FORM + e.field(), e.reasonKey(), e.args())).toList());
        LocalDate today = LocalDate.now(clock);
        if (request.due() == null) errors.add(new FieldError("due", "error.field.required"));
        else if (request.due().isBefore(today) || !WorkingCalendar.covers(request.due()))
            errors.add(new FieldError("due", "collection.request.due-past"));
        if (request.organisations() == null || request.organisations().isEmpty())
            errors.add(new FieldError("organisations", "error.field.required"));
        if (!errors.isEmpty()) return Refusal.invalid(errors).outcome();
        // EIS-9: within their competence — each chosen organisation exists and is of a kind the request applies to
        var ids = request.organisations().stream().distinct().map(OrganisationId::of).toList();
        Map<OrganisationId, Organisation> found = organisations.findAll(ids);
        for (int i = 0; i < ids.size(); i++) {
            Organisation o = found.get(ids.get(i));
            if (o == null) errors.add(new FieldError("organisations[" + i + "]", "collection.request.unknown-organisation"));
            else if (!form.appliesTo().contains(o.kind()))
                errors.add(new FieldError("organisations[" + i + "]", "collection.request.not-competent",
                        o.kind().name()));
        }
        if (!errors.isEmpty())
            return new Refusal(Refusal.Code.INVALID_INPUT, CollectionPolicy.EIS_9, "error.invalid-input.detail",
                    List.of(), errors).outcome();
        LocalDate due = request.due();
        return Outcome.attempt(() -> transaction.execute(status -> {
            if (repository.formExists(form.code(), form.year()))
                throw Refusal.invalid(REQUEST_FORM + "code", "collection.form.exists", form.code(), form.year()).exception();
            long formId = repository.insertForm(form.code(), form.year(), form.kind(), form.periodicity(), form.name(),
                    form.orderRef(), form.appliesTo(), form.definition(), caller.username());
            long periodId = repository.insertPeriod(formId, "R-" + formId, today, due,
                    new Period.Deadlines(due, due, due, due));
            int added = repository.insertParticipants(periodId, ids.stream().map(OrganisationId::value).toList(),
                    ids.stream().map(id -> found.get(id).kato().value()).toList());
            repository.markPublished(periodId, clock.instant());
            audit.record(AuditEntry.of(AuditAction.CREATE, "collection-request", periodId, "", null)
                    .with(Map.of("form", form.code(), "participants", added, "clause", CollectionPolicy.EIS_9)));
            return repository.period(periodId).orElseThrow();
        }));
    }

    // ---- submissions

    @Override
    public Paged<Submission> submissions(Filter filter, int page, int size) {
        var rows = repository.submissions(new CollectionRepository.Filter(filter.periodId(), filter.level(),
                filter.status(), filter.late(), filter.katoPrefix()), page, size);
        boolean more = rows.size() > size;
        var periods = new java.util.HashMap<Long, Period>();
        var items = rows.stream().limit(size)
                .map(r -> view(r, periods.computeIfAbsent(r.periodId(), id -> repository.period(id).orElseThrow()),
                        List.of(), List.of()))
                .toList();
        return new Paged<>(items, page, size, null, more);
    }

    @Override
    public Optional<Draft> submission(long id) {
        return repository.submission(id, false).map(row -> {
            Period period = repository.period(row.periodId()).orElseThrow();
            Form form = formOf(period);
            List<Submission.Value> values = repository.values(id);
            List<RegistryQuery> queries = List.of();
            if (row.level() == Level.ORGANISATION && row.status().editable()) {
                var checked = FormValidation.check(form.definition(), raw(values), registry(row),
                        explanations(values));
                if (values.isEmpty()) values = checked.values(); // enter once: what the registries know, marked
                queries = checked.queries();
            }
            return new Draft(view(row, period, values, repository.history(id)), queries);
        });
    }

    @Override
    public Outcome<Draft> fill(long id, Map<String, Object> values, Map<String, String> explanations) {
        Caller caller = SignedIn.required();
        return Outcome.attempt(() -> transaction.execute(status -> {
            var row = repository.submission(id, true).orElseThrow(() -> Refusal.notFound("submission", id).exception());
            if (!CollectionPolicy.isParticipant(caller, row.level(), row.organisationId(), row.kato())
                    || row.level() != Level.ORGANISATION)
                throw Refusal.forbidden(CollectionPolicy.EIS_6, "collection.forbidden.participant").exception();
            if (!row.status().editable())
                throw Refusal.conflict("collection.locked", row.status().name()).exception();
            Period period = repository.period(row.periodId()).orElseThrow();
            Form form = formOf(period);
            var checked = FormValidation.check(form.definition(), values, registry(row), explanations);
            if (!checked.errors().isEmpty())
                throw new Refusal(Refusal.Code.INVALID_INPUT, FormValidation.EIS_4, "error.invalid-input.detail",
                        List.of(), checked.errors()).exception();
            repository.replaceValues(row, checked.values());
            audit.record(entry(AuditAction.UPDATE, row).because("filled"));
            return new Draft(view(row, period, repository.values(id), repository.history(id)), checked.queries());
        }));
    }

    @Override
    public Optional<byte[]> content(long id) {
        return repository.submission(id, false).map(row -> {
            Period period = repository.period(row.periodId()).orElseThrow();
            Form form = formOf(period);
            return canonical(form, period, row, currentValues(row, form), row.version() + 1);
        });
    }

    @Override
    public Outcome<Submission> submit(long id, byte[] signature) {
        Caller caller = SignedIn.required();
        return Outcome.attempt(() -> transaction.execute(status -> {
            var row = repository.submission(id, true).orElseThrow(() -> Refusal.notFound("submission", id).exception());
            if (!CollectionPolicy.isParticipant(caller, row.level(), row.organisationId(), row.kato()))
                throw Refusal.forbidden(CollectionPolicy.EIS_6, "collection.forbidden.participant").exception();
            Period period = repository.period(row.periodId()).orElseThrow();
            Form form = formOf(period);
            Instant now = clock.instant();
            checkSubmittable(row, period, now);
            List<Submission.Value> values;
            Signer signer = null;
            String channel;
            if (row.level() == Level.ORGANISATION) {
                values = checkedValues(row, form);
                Organisation organisation = organisations.find(OrganisationId.of(row.organisationId()))
                        .orElseThrow(() -> Refusal.notFound("organisation", row.organisationId()).exception());
                byte[] content = canonical(form, period, row, values, row.version() + 1);
                if (signature == null || signature.length == 0)
                    throw new Refusal(Refusal.Code.INVALID_INPUT, CollectionPolicy.EIS_5, "error.invalid-input.detail",
                            List.of(), List.of(new FieldError("signature", "error.field.required"))).exception();
                // EIS-5: the head's signature over exactly these data; a signature over other data is "tampered"
                signer = signatures.verify(content, signature,
                        SignatureCheck.byOrganisation(CollectionPolicy.EIS_5, organisation.bin())).orElseThrow();
                channel = "ELECTRONIC";
                record(row, values, content, now, period, channel, signature, signer, null, caller);
            } else {
                var participation = repository.participation(row.periodId(), row.level(), row.kato());
                if (participation.expected() == 0 || participation.accepted() < participation.expected())
                    throw Refusal.byRule(CollectionPolicy.EIS_6, "collection.consolidate.missing",
                            participation.expected() - participation.accepted(), participation.expected()).exception();
                values = repository.values(id);
                if (values.isEmpty())
                    throw Refusal.byRule(CollectionPolicy.EIS_6, "collection.submit.not-consolidated").exception();
                byte[] content = canonical(form, period, row, values, row.version() + 1);
                record(row, values, content, now, period, "CONSOLIDATED", null, null, null, caller);
            }
            return reload(id);
        }));
    }

    @Override
    public Outcome<Submission> receivePaper(long id, PaperSubmission paper, Map<String, Object> values) {
        Caller caller = SignedIn.required();
        var errors = new ArrayList<FieldError>();
        LocalDate today = LocalDate.now(clock);
        if (paper == null || paper.scan() == null || paper.scan().length == 0)
            errors.add(new FieldError("scan", "error.field.required"));
        else if (paper.scan().length > MAX_SCAN) errors.add(new FieldError("scan", "collection.paper.scan-too-large"));
        else if (paper.scanType() == null || !SCAN_TYPES.contains(paper.scanType()))
            errors.add(new FieldError("scan", "collection.paper.scan-type"));
        if (paper == null || paper.arrivedOn() == null) errors.add(new FieldError("arrivedOn", "error.field.required"));
        else if (paper.arrivedOn().isAfter(today)) errors.add(new FieldError("arrivedOn", "collection.paper.arrived-future"));
        if (paper == null || paper.reference() == null || paper.reference().isBlank())
            errors.add(new FieldError("reference", "error.field.required"));
        if (!errors.isEmpty())
            return new Refusal(Refusal.Code.INVALID_INPUT, CollectionPolicy.EIS_7, "error.invalid-input.detail",
                    List.of(), errors).outcome();
        return Outcome.attempt(() -> transaction.execute(status -> {
            var row = repository.submission(id, true).orElseThrow(() -> Refusal.notFound("submission", id).exception());
            if (row.level() != Level.ORGANISATION || !CollectionPolicy.isAddressee(caller, row.level(), row.addresseeKato()))
                throw Refusal.forbidden(CollectionPolicy.EIS_6, "collection.forbidden.addressee").exception();
            Period period = repository.period(row.periodId()).orElseThrow();
            Form form = formOf(period);
            if (paper.arrivedOn().isBefore(period.startsOn()))
                throw Refusal.invalid("arrivedOn", "collection.paper.arrived-before-period", period.startsOn()).exception();
            // EIS-7: the submission date is the day the paper reached the addressee
            Instant arrived = paper.arrivedOn().atStartOfDay(Almaty.ZONE).toInstant();
            checkSubmittable(row, period, arrived);
            if (values != null) {
                var checked = FormValidation.check(form.definition(), values, registry(row), Map.of());
                if (!checked.errors().isEmpty())
                    throw new Refusal(Refusal.Code.INVALID_INPUT, FormValidation.EIS_4, "error.invalid-input.detail",
                            List.of(), checked.errors()).exception();
                repository.replaceValues(row, checked.values());
            }
            var stored = checkedValues(row, form);
            byte[] content = canonical(form, period, row, stored, row.version() + 1);
            record(row, stored, content, arrived, period, "PAPER", null, null, paper, caller);
            return reload(id);
        }));
    }

    private void checkSubmittable(CollectionRepository.SubmissionRow row, Period period, Instant at) {
        if (!row.status().editable())
            throw Refusal.conflict("collection.locked", row.status().name()).exception();
        Instant closes = CollectionPolicy.entryClosesAt(calendar, period, row.level());
        if (!CollectionPolicy.entryOpen(at, closes, row.lockUntil(), LocalDate.ofInstant(at, Almaty.ZONE)))
            throw Refusal.byRule(CollectionPolicy.EIS_6, "collection.entry.closed",
                    closes.atZone(Almaty.ZONE).toLocalDate()).exception();
    }

    /** The stored values (or what the registries pre-fill), checked: errors and unexplained queries refuse. */
    private List<Submission.Value> checkedValues(CollectionRepository.SubmissionRow row, Form form) {
        var stored = repository.values(row.id());
        var checked = FormValidation.check(form.definition(), raw(stored), registry(row), explanations(stored));
        var errors = new ArrayList<>(checked.errors());
        errors.addAll(FormValidation.unexplained(checked.queries()));
        if (!errors.isEmpty())
            throw new Refusal(Refusal.Code.INVALID_INPUT, FormValidation.EIS_4, "error.invalid-input.detail",
                    List.of(), errors).exception();
        if (stored.isEmpty()) repository.replaceValues(row, checked.values());
        return checked.values();
    }

    private List<Submission.Value> currentValues(CollectionRepository.SubmissionRow row, Form form) {
        var stored = repository.values(row.id());
        if (!stored.isEmpty() || row.level() != Level.ORGANISATION) return stored;
        return FormValidation.check(form.definition(), Map.of(), registry(row), Map.of()).values();
    }

    /** EIS-7, EIS-8: a version reaches the addressee: kept with its proof, dated, late or not, on record. */
    private void record(CollectionRepository.SubmissionRow row, List<Submission.Value> values, byte[] content,
                        Instant arrived, Period period, String channel, byte[] signature, Signer signer,
                        PaperSubmission paper, Caller caller) {
        int version = row.version() + 1;
        boolean late = CollectionPolicy.late(arrived, CollectionPolicy.deadline(calendar, period, row.level()));
        repository.insertVersion(new CollectionRepository.NewVersion(row.id(), row.kato(), row.organisationId(), version,
                channel, arrived, late, content, signature, signer == null ? null : signer.commonName(),
                signer == null || signer.bin() == null ? null : signer.bin().value(),
                signer == null ? null : signer.certificateSerial(), paper == null ? null : paper.scan(),
                paper == null ? null : paper.scanType(), paper == null ? null : paper.reference(), caller.username()));
        repository.submitted(row.id(), version, channel, arrived, late);
        repository.event(row, "SUBMITTED", version, caller.username(), clock.instant(),
                paper == null ? null : paper.reference());
        audit.record(entry(AuditAction.UPDATE, row).because("submitted")
                .with(Map.of("version", version, "channel", channel, "late", late, "clause", CollectionPolicy.EIS_7)));
    }

    @Override
    public Outcome<Submission> accept(long id) {
        return step(id, SubmissionStatus.SUBMITTED, null, "ACCEPTED", (row, caller) -> {
            repository.update(row.id(), SubmissionStatus.ACCEPTED, null);
            return null;
        });
    }

    @Override
    public Outcome<Submission> giveBack(long id, String comment) {
        if (comment == null || comment.isBlank()) return Refusal.invalid("comment", "error.field.required").outcome();
        return step(id, SubmissionStatus.SUBMITTED, comment.strip(), "RETURNED", (row, caller) -> {
            repository.returned(row.id(), comment.strip(), false);
            return null;
        });
    }

    @Override
    public Outcome<Submission> unapprove(long id, String reason) {
        if (reason == null || reason.isBlank()) return Refusal.invalid("reason", "error.field.required").outcome();
        return step(id, SubmissionStatus.ACCEPTED, reason.strip(), "UNAPPROVED", (row, caller) -> {
            notYetGoneUp(row);
            repository.update(row.id(), SubmissionStatus.SUBMITTED, reason.strip());
            return null;
        });
    }

    @Override
    public Outcome<Submission> markDistorted(long id, String reason) {
        if (reason == null || reason.isBlank()) return Refusal.invalid("reason", "error.field.required").outcome();
        return step(id, SubmissionStatus.ACCEPTED, reason.strip(), "DISTORTED", (row, caller) -> {
            notYetGoneUp(row);
            repository.returned(row.id(), reason.strip(), true);
            return null;
        });
    }

    @Override
    public Outcome<Submission> grantLockException(long id, LocalDate until, String reason) {
        var errors = new ArrayList<FieldError>();
        if (until == null) errors.add(new FieldError("until", "error.field.required"));
        else if (until.isBefore(LocalDate.now(clock))) errors.add(new FieldError("until", "collection.lock.until-past"));
        if (reason == null || reason.isBlank()) errors.add(new FieldError("reason", "error.field.required"));
        if (!errors.isEmpty()) return Refusal.invalid(errors).outcome();
        return step(id, null, reason.strip(), "LOCK_EXCEPTION", (row, caller) -> {
            repository.lockException(row, until, reason.strip(), caller.username(), clock.instant());
            return null;
        });
    }

    /** EIS-6: an approval the level gave cannot be withdrawn under a consolidation that already went up. */
    private void notYetGoneUp(CollectionRepository.SubmissionRow row) {
        Level above = row.level().above();
        repository.territorySubmission(row.periodId(), above, row.addresseeKato(), false)
                .filter(t -> t.status() == SubmissionStatus.SUBMITTED || t.status() == SubmissionStatus.ACCEPTED)
                .ifPresent(t -> {
                    throw Refusal.byRule(CollectionPolicy.EIS_6, "collection.unapprove.gone-up", t.status().name())
                            .exception();
                });
    }

    private Outcome<Submission> step(long id, SubmissionStatus from, String comment, String action,
                                     java.util.function.BiFunction<CollectionRepository.SubmissionRow, Caller, Void> change) {
        Caller caller = SignedIn.required();
        return Outcome.attempt(() -> transaction.execute(status -> {
            var row = repository.submission(id, true).orElseThrow(() -> Refusal.notFound("submission", id).exception());
            if (!CollectionPolicy.isAddressee(caller, row.level(), row.addresseeKato()))
                throw Refusal.forbidden(CollectionPolicy.EIS_6, "collection.forbidden.addressee").exception();
            if (from != null && row.status() != from)
                throw Refusal.conflict("collection.step.wrong-status", action, row.status().name()).exception();
            change.apply(row, caller);
            repository.event(row, action, row.version(), caller.username(), clock.instant(), comment);
            audit.record(entry(AuditAction.UPDATE, row).because(action.toLowerCase(Locale.ROOT))
                    .with(Map.of("version", row.version(), "clause", action.equals("DISTORTED") ? "EIS-8" : "EIS-6")));
            return reload(id);
        }));
    }

    @Override
    public Outcome<Submission> consolidate(long periodId) {
        Caller caller = SignedIn.required();
        var own = CollectionPolicy.ownParticipant(caller).orElse(null);
        if (own == null) return Refusal.forbidden(CollectionPolicy.EIS_6, "collection.forbidden.territory").outcome();
        return Outcome.attempt(() -> transaction.execute(status -> {
            Period period = repository.period(periodId).orElseThrow(() -> Refusal.notFound("period", periodId).exception());
            var participation = repository.participation(periodId, own.level(), own.kato());
            if (participation.expected() == 0 || participation.accepted() < participation.expected())
                throw Refusal.byRule(CollectionPolicy.EIS_6, "collection.consolidate.missing",
                        participation.expected() - participation.accepted(), participation.expected()).exception();
            String addressee = own.level() == Level.MINISTRY ? null : own.level().above().participantKato(own.kato());
            var row = repository.territorySubmission(periodId, own.level(), own.kato(), true).orElse(null);
            if (row == null) {
                long id = repository.insertTerritorySubmission(periodId, own.level(), own.kato(), addressee);
                row = repository.submission(id, true).orElseThrow();
            }
            if (!row.status().editable()) throw Refusal.conflict("collection.locked", row.status().name()).exception();
            int written = repository.consolidate(row.id(), own.kato(), periodId);
            repository.event(row, "CONSOLIDATED", row.version(), caller.username(), clock.instant(), null);
            audit.record(entry(AuditAction.UPDATE, row).because("consolidated")
                    .with(Map.of("participants", participation.expected(), "values", written, "clause", "EIS-6")));
            return view(repository.submission(row.id(), false).orElseThrow(), period, repository.values(row.id()),
                    repository.history(row.id()));
        }));
    }

    // ---- completeness and the final report

    @Override
    public List<Completeness> completeness(long periodId, String kato) {
        String prefix;
        int childLength;
        if (kato == null || kato.isBlank() || kato.equals(Level.NATIONAL)) {
            prefix = "";
            childLength = 2;
        } else {
            if (!kato.matches("[0-9]{9}")) throw Refusal.invalid("kato", "collection.kato").exception();
            if (kato.endsWith("0000000")) {
                prefix = kato.substring(0, 2);
                childLength = 4;
            } else {
                prefix = kato.substring(0, 4);
                childLength = 9;
            }
        }
        var rows = repository.completeness(periodId, prefix, childLength);
        if (childLength == 9) {
            var names = organisations.findAll(rows.stream().map(r -> OrganisationId.of(r.organisationId())).toList());
            return rows.stream().map(r -> named(r, Optional.ofNullable(names.get(OrganisationId.of(r.organisationId())))
                    .map(o -> new Texts(o.nameKk(), o.nameRu(), o.nameRu())).orElse(null))).toList();
        }
        String pad = childLength == 2 ? "0000000" : "00000";
        var names = territories.findAll(rows.stream().map(r -> r.kato() + pad).toList());
        return rows.stream().map(r -> {
            Territory t = names.get(r.kato() + pad);
            var named = named(r, t == null ? null : new Texts(t.nameKk(), t.nameRu(), t.nameRu()));
            return new Completeness(r.kato() + pad, null, named.name(), r.expected(), r.submitted(), r.accepted(),
                    r.late(), r.returned(), r.distorted());
        }).toList();
    }

    private static Completeness named(Completeness r, Texts name) {
        return new Completeness(r.kato(), r.organisationId(), name, r.expected(), r.submitted(), r.accepted(), r.late(),
                r.returned(), r.distorted());
    }

    @Override
    public Optional<byte[]> finalReportPdf(long periodId, Locale locale) {
        return report(periodId).map(r -> documents.reportPdf(r, locale));
    }

    @Override
    public Optional<byte[]> finalReportXlsx(long periodId, Locale locale) {
        return report(periodId).map(r -> documents.reportXlsx(r, locale));
    }

    private Optional<CollectionDocuments.Report> report(long periodId) {
        return repository.period(periodId).map(period -> {
            Form form = formOf(period);
            var national = repository.territorySubmission(periodId, Level.MINISTRY, Level.NATIONAL, false)
                    .map(r -> view(r, period, List.of(), List.of())).orElse(null);
            audit.record(AuditEntry.of(AuditAction.EXPORT, "collection-report", periodId, "", null)
                    .with(Map.of("clause", "EIS-10")));
            return new CollectionDocuments.Report(form, period, repository.acceptedSums(periodId),
                    completeness(periodId, ""), national, clock.instant());
        });
    }

    // ---- the public API for statistics

    @Override
    public List<Accepted> accepted(String formCode, int year, java.util.Collection<String> fieldCodes,
                                   java.util.Collection<Long> organisations) {
        return repository.accepted(formCode, year, fieldCodes, organisations).stream()
                .map(v -> new Accepted(v.organisationId(), v.kato(), v.field(), v.row(), v.number(), v.text())).toList();
    }

    // ---- helpers

    /** EIS-4, "enter once": what the registries hold about the organisation. */
    private Map<FormDefinition.Registry, Long> registry(CollectionRepository.SubmissionRow row) {
        var known = new EnumMap<FormDefinition.Registry, Long>(FormDefinition.Registry.class);
        if (row.level() != Level.ORGANISATION) return known;
        long org = row.organisationId();
        known.put(FormDefinition.Registry.PUPILS, pupils.activePupils(List.of(org)).getOrDefault(org, 0L));
        known.put(FormDefinition.Registry.CLASSES,
                (long) organisations.classes(OrganisationId.of(org), AcademicYear.current(clock).startYear()).size());
        long all = 0, pedagogues = 0;
        for (var count : staff.counts(new StaffFigures.Query(row.kato(), LocalDate.now(clock),
                Set.of(StaffFigures.Dimension.ORGANISATION, StaffFigures.Dimension.PEDAGOGICAL), 9))) {
            if (!String.valueOf(org).equals(count.key().get(StaffFigures.Dimension.ORGANISATION))) continue;
            all += count.staff();
            if ("true".equals(count.key().get(StaffFigures.Dimension.PEDAGOGICAL))) pedagogues += count.staff();
        }
        known.put(FormDefinition.Registry.STAFF, all);
        known.put(FormDefinition.Registry.PEDAGOGUES, pedagogues);
        return known;
    }

    static Map<String, Object> raw(List<Submission.Value> values) {
        var raw = new LinkedHashMap<String, Object>();
        for (var v : values) {
            Object value = v.number() != null ? v.number() : v.text();
            if (v.row().isEmpty()) {
                if (!v.prefilled()) raw.put(v.field(), value);
            } else {
                @SuppressWarnings("unchecked")
                var table = (Map<String, Object>) raw.computeIfAbsent(v.field(), k -> new LinkedHashMap<String, Object>());
                table.put(v.row(), value);
            }
        }
        return raw;
    }

    private static Map<String, String> explanations(List<Submission.Value> values) {
        var explained = new LinkedHashMap<String, String>();
        values.stream().filter(v -> v.explanation() != null).forEach(v -> explained.put(v.field(), v.explanation()));
        return explained;
    }

    /**
     * EIS-5: the bytes a submission's signature covers: the form, period, participant, version and every value, as
     * JSON with a fixed order of keys and values (numbers in plain notation).
     */
    private byte[] canonical(Form form, Period period, CollectionRepository.SubmissionRow row,
                             List<Submission.Value> values, int version) {
        var document = new LinkedHashMap<String, Object>();
        document.put("form", form.code());
        document.put("year", form.year());
        document.put("period", period.label());
        document.put("level", row.level().name());
        document.put("kato", row.kato());
        document.put("organisationId", row.organisationId());
        document.put("submission", row.id());
        document.put("version", version);
        var list = new ArrayList<Map<String, Object>>();
        values.stream().sorted(java.util.Comparator.comparing(Submission.Value::field).thenComparing(Submission.Value::row))
                .forEach(v -> {
                    var value = new LinkedHashMap<String, Object>();
                    value.put("field", v.field());
                    value.put("row", v.row());
                    value.put("value", v.number() != null ? v.number().stripTrailingZeros().toPlainString() : v.text());
                    list.add(value);
                });
        document.put("values", list);
        return json.writeValueAsString(document).getBytes(StandardCharsets.UTF_8);
    }

    private Form formOf(Period period) {
        Form cached = formCache.get(period.formId());
        if (cached != null) return cached;
        Form form = repository.form(period.formId()).orElseThrow();
        formCache.put(form.id(), form);
        return form;
    }

    private Submission reload(long id) {
        var row = repository.submission(id, false).orElseThrow();
        return view(row, repository.period(row.periodId()).orElseThrow(), repository.values(id), repository.history(id));
    }

    private Submission view(CollectionRepository.SubmissionRow r, Period period, List<Submission.Value> values,
                            List<Submission.Step> history) {
        return new Submission(r.id(), r.periodId(), r.level(), r.organisationId(), r.kato(), r.addresseeKato(),
                r.status(), r.version(), r.channel(), r.arrivedAt(), r.late(), r.distorted(), r.distortions(),
                r.returns(), r.comment(), CollectionPolicy.deadline(calendar, period, r.level()),
                CollectionPolicy.entryClosesAt(calendar, period, r.level()), r.lockUntil(), values, history);
    }

    private static AuditEntry entry(AuditAction action, CollectionRepository.SubmissionRow row) {
        return AuditEntry.of(action, SUBJECT, row.id(), row.kato(), row.organisationId());
    }
}
