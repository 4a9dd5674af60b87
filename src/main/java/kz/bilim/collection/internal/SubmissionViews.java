package kz.bilim.collection.internal;

import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditEntry;
import kz.bilim.calendar.WorkingCalendar;
import kz.bilim.collection.Form;
import kz.bilim.collection.Period;
import kz.bilim.collection.Submission;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** How a submission row is shown: with its period's deadlines, values and history; and the forms, parsed once. */
@Component
class SubmissionViews {

    private static final String SUBJECT = "collection-submission";

    private final CollectionRepository repository;
    private final WorkingCalendar calendar;
    /** Forms by id: a form is never changed once defined (a new year is a new form), so its parsed definition is kept. */
    private final ConcurrentHashMap<Long, Form> formCache = new ConcurrentHashMap<>();
    /**
     * Published periods by id: a period changes only when it is published (once), so a published one is kept — a
     * submission's every step reads its period's deadlines, and a deadline-day burst pays no round trip for them.
     */
    private final ConcurrentHashMap<Long, Period> periodCache = new ConcurrentHashMap<>();

    SubmissionViews(CollectionRepository repository, WorkingCalendar calendar) {
        this.repository = repository;
        this.calendar = calendar;
    }

    Form formOf(Period period) {
        Form cached = formCache.get(period.formId());
        if (cached != null) return cached;
        Form form = repository.form(period.formId()).orElseThrow();
        formCache.put(form.id(), form);
        return form;
    }

    /** The period of a submission found (so it exists; a period is removed only with its submissions). */
    Period periodOf(CollectionRepository.SubmissionRow row) {
        Period cached = periodCache.get(row.periodId());
        if (cached != null) return cached;
        Period period = repository.period(row.periodId()).orElseThrow();
        if (period.publishedAt() != null) periodCache.put(period.id(), period);
        return period;
    }

    Submission view(CollectionRepository.SubmissionRow r, Period period, List<Submission.Value> values,
                            List<Submission.Step> history) {
        return new Submission(r.id(), r.periodId(), r.level(), r.organisationId(), r.kato(), r.addresseeKato(),
                r.status(), r.version(), r.channel(), r.arrivedAt(), r.late(), r.distorted(), r.distortions(),
                r.returns(), r.comment(), CollectionPolicy.deadline(calendar, period, r.level()),
                CollectionPolicy.entryClosesAt(calendar, period, r.level()), r.lockUntil(), values, history);
    }

    static AuditEntry entry(AuditAction action, CollectionRepository.SubmissionRow row) {
        return AuditEntry.of(action, SUBJECT, row.id(), row.kato(), row.organisationId());
    }
}
