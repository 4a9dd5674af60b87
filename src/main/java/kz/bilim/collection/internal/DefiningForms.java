package kz.bilim.collection.internal;

import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditEntry;
import kz.bilim.audit.AuditTrail;
import kz.bilim.calendar.WorkingCalendar;
import kz.bilim.collection.AdditionalRequest;
import kz.bilim.collection.Form;
import kz.bilim.collection.Level;
import kz.bilim.collection.NewForm;
import kz.bilim.collection.NewPeriod;
import kz.bilim.collection.Period;
import kz.bilim.kernel.Caller;
import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.SignedIn;
import kz.bilim.organisation.Organisation;
import kz.bilim.organisation.OrganisationFilter;
import kz.bilim.organisation.OrganisationId;
import kz.bilim.organisation.Organisations;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** EIS-4, EIS-9: the ministry defines the year's forms, opens their periods with a deadline per level, publishes them to
 * the organisations of the forms' kinds, and sends additional requests to chosen organisations. */
@Component
class DefiningForms {

    private static final Pattern FORM_CODE = Pattern.compile("[A-Z][A-Z0-9_-]{1,39}");
    /** Fields of an additional request's form are named under it. */
    private static final String REQUEST_FORM = "form.";

    private final CollectionRepository repository;
    private final Organisations organisations;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final CollectionDocuments documents;

    DefiningForms(CollectionRepository repository, Organisations organisations, AuditTrail audit,
                  PlatformTransactionManager transactions, Clock clock, CollectionDocuments documents) {
        this.repository = repository;
        this.organisations = organisations;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.documents = documents;
    }

    Outcome<Form> defineForm(NewForm form) {
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

    List<FieldError> checkNewForm(NewForm form) {
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

    List<Form> forms(Integer year) {
        return repository.forms(year);
    }

    Optional<Form> form(long id) {
        return repository.form(id);
    }

    Optional<byte[]> formPdf(long formId, Locale locale) {
        return repository.form(formId).map(form -> documents.formPdf(form, repository.periods(formId), locale));
    }

    Outcome<Period> openPeriod(long formId, NewPeriod period) {
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

    List<FieldError> checkPeriod(NewPeriod period) {
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

    Optional<Period> period(long id) {
        return repository.period(id);
    }

    List<Period> periods(long formId) {
        return repository.periods(formId);
    }

    Outcome<Integer> publish(long periodId) {
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

    Outcome<Period> request(AdditionalRequest request) {
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
}
