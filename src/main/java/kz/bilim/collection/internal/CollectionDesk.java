package kz.bilim.collection.internal;

import kz.bilim.collection.AdditionalRequest;
import kz.bilim.collection.CollectedValues;
import kz.bilim.collection.Completeness;
import kz.bilim.collection.DataCollection;
import kz.bilim.collection.Draft;
import kz.bilim.collection.Form;
import kz.bilim.collection.NewForm;
import kz.bilim.collection.NewPeriod;
import kz.bilim.collection.PaperSubmission;
import kz.bilim.collection.Period;
import kz.bilim.collection.Submission;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Paged;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The collection's public face: each capability is its own class ({@link DefiningForms}, {@link Submitting},
 * {@link Approving}, {@link MarkingDistortion}, {@link GrantingLockExceptions}, {@link Consolidating},
 * {@link Reporting}). Each command is one transaction over a row locked {@code for update}: a refusal rolls everything
 * back (nothing half-written); every step writes the submission's history and the audit trail in the same transaction.
 */
@Service
@PreAuthorize(kz.bilim.kernel.CurrentScope.SIGNED_IN_OR_SYSTEM)
class CollectionDesk implements DataCollection, CollectedValues {

    private final DefiningForms forms;
    private final Submitting submitting;
    private final Approving approving;
    private final MarkingDistortion distortion;
    private final GrantingLockExceptions lockExceptions;
    private final Consolidating consolidating;
    private final Reporting reporting;

    CollectionDesk(DefiningForms forms, Submitting submitting, Approving approving, MarkingDistortion distortion,
                   GrantingLockExceptions lockExceptions, Consolidating consolidating, Reporting reporting) {
        this.forms = forms;
        this.submitting = submitting;
        this.approving = approving;
        this.distortion = distortion;
        this.lockExceptions = lockExceptions;
        this.consolidating = consolidating;
        this.reporting = reporting;
    }

    // ---- EIS-4, EIS-9: forms, periods, requests

    @Override
    public Outcome<Form> defineForm(NewForm form) {
        return forms.defineForm(form);
    }

    @Override
    public List<Form> forms(Integer year) {
        return forms.forms(year);
    }

    @Override
    public Optional<Form> form(long id) {
        return forms.form(id);
    }

    @Override
    public Optional<byte[]> formPdf(long formId, Locale locale) {
        return forms.formPdf(formId, locale);
    }

    @Override
    public Outcome<Period> openPeriod(long formId, NewPeriod period) {
        return forms.openPeriod(formId, period);
    }

    @Override
    public Optional<Period> period(long id) {
        return forms.period(id);
    }

    @Override
    public List<Period> periods(long formId) {
        return forms.periods(formId);
    }

    @Override
    public Outcome<Integer> publish(long periodId) {
        return forms.publish(periodId);
    }

    @Override
    public Outcome<Period> request(AdditionalRequest request) {
        return forms.request(request);
    }

    // ---- EIS-4…EIS-8: submissions

    @Override
    public Paged<Submission> submissions(Filter filter, int page, int size) {
        return submitting.submissions(filter, page, size);
    }

    @Override
    public Optional<Draft> submission(long id) {
        return submitting.submission(id);
    }

    @Override
    public Outcome<Draft> fill(long id, Map<String, Object> values, Map<String, String> explanations) {
        return submitting.fill(id, values, explanations);
    }

    @Override
    public Optional<byte[]> content(long id) {
        return submitting.content(id);
    }

    @Override
    public Outcome<Submission> submit(long id, byte[] signature) {
        return submitting.submit(id, signature);
    }

    @Override
    public Outcome<Submission> receivePaper(long id, PaperSubmission paper, Map<String, Object> values) {
        return submitting.receivePaper(id, paper, values);
    }

    // ---- EIS-6, EIS-8: the level above

    @Override
    public Outcome<Submission> accept(long id) {
        return approving.accept(id);
    }

    @Override
    public Outcome<Submission> giveBack(long id, String comment) {
        return approving.giveBack(id, comment);
    }

    @Override
    public Outcome<Submission> unapprove(long id, String reason) {
        return approving.unapprove(id, reason);
    }

    @Override
    public Outcome<Submission> markDistorted(long id, String reason) {
        return distortion.markDistorted(id, reason);
    }

    @Override
    public Outcome<Submission> grantLockException(long id, LocalDate until, String reason) {
        return lockExceptions.grantLockException(id, until, reason);
    }

    @Override
    public Outcome<Submission> consolidate(long periodId) {
        return consolidating.consolidate(periodId);
    }

    // ---- EIS-1, EIS-8, EIS-10, EIS-11

    @Override
    public List<Completeness> completeness(long periodId, String kato) {
        return reporting.completeness(periodId, kato);
    }

    @Override
    public Optional<byte[]> finalReportPdf(long periodId, Locale locale) {
        return reporting.finalReportPdf(periodId, locale);
    }

    @Override
    public Optional<byte[]> finalReportXlsx(long periodId, Locale locale) {
        return reporting.finalReportXlsx(periodId, locale);
    }

    @Override
    public List<Accepted> accepted(String formCode, int year, Collection<String> fieldCodes,
                                   Collection<Long> organisations) {
        return reporting.accepted(formCode, year, fieldCodes, organisations);
    }
}
