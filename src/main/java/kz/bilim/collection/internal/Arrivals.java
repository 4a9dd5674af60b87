package kz.bilim.collection.internal;

import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditTrail;
import kz.bilim.calendar.WorkingCalendar;
import kz.bilim.collection.Form;
import kz.bilim.collection.PaperSubmission;
import kz.bilim.collection.Period;
import kz.bilim.collection.Submission;
import kz.bilim.collection.SubmissionStatus;
import kz.bilim.kernel.Almaty;
import kz.bilim.kernel.Caller;
import kz.bilim.kernel.Refusal;
import kz.bilim.signature.Signer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EIS-5, EIS-7, EIS-8: a version reaching the addressee — the bytes its signature covers, whether entry is still open,
 * and its record: kept with its proof, dated on arrival, late or not, in the history and the audit trail.
 */
@Component
class Arrivals {

    private final CollectionRepository repository;
    private final WorkingCalendar calendar;
    private final AuditTrail audit;
    private final Clock clock;
    private final JsonMapper json;

    Arrivals(CollectionRepository repository, WorkingCalendar calendar, AuditTrail audit, Clock clock, JsonMapper json) {
        this.repository = repository;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
    }

    /**
     * EIS-5: the bytes a submission's signature covers: the form, period, participant, version and every value, as
     * JSON with a fixed order of keys and values (numbers in plain notation).
     */
    byte[] canonical(Form form, Period period, CollectionRepository.SubmissionRow row,
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

    void checkSubmittable(CollectionRepository.SubmissionRow row, Period period, Instant at) {
        if (!row.status().editable())
            throw Refusal.conflict("collection.locked", row.status().name()).exception();
        Instant closes = CollectionPolicy.entryClosesAt(calendar, period, row.level());
        if (!CollectionPolicy.entryOpen(at, closes, row.lockUntil(), LocalDate.ofInstant(at, Almaty.ZONE)))
            throw Refusal.byRule(CollectionPolicy.EIS_6, "collection.entry.closed",
                    closes.atZone(Almaty.ZONE).toLocalDate()).exception();
    }

    /** A version that arrived: the submission's row and history as they now stand. */
    record Arrived(CollectionRepository.SubmissionRow row, List<Submission.Step> history) {
    }

    /**
     * EIS-7, EIS-8: a version reaches the addressee: kept with its proof, dated, late or not, on record. Returns the
     * row and history as they now stand (so that the answer needs no read-back).
     */
    Arrived record(CollectionRepository.SubmissionRow row, byte[] content, Instant arrived, Period period, String channel,
                   byte[] signature, Signer signer, PaperSubmission paper, Caller caller) {
        int version = row.version() + 1;
        boolean late = CollectionPolicy.late(arrived, CollectionPolicy.deadline(calendar, period, row.level()));
        var history = repository.arrived(new CollectionRepository.NewVersion(row.id(), row.kato(), row.organisationId(),
                version, channel, arrived, late, content, signature, signer == null ? null : signer.commonName(),
                signer == null || signer.bin() == null ? null : signer.bin().value(),
                signer == null ? null : signer.certificateSerial(), paper == null ? null : paper.scan(),
                paper == null ? null : paper.scanType(), paper == null ? null : paper.reference(), caller.username()),
                clock.instant(), paper == null ? null : paper.reference());
        audit.record(SubmissionViews.entry(AuditAction.UPDATE, row).because("submitted")
                .with(Map.of("version", version, "channel", channel, "late", late, "clause", CollectionPolicy.EIS_7)));
        return new Arrived(new CollectionRepository.SubmissionRow(row.id(), row.periodId(), row.level(),
                row.organisationId(), row.kato(), row.addresseeKato(), SubmissionStatus.SUBMITTED, version, channel,
                arrived, row.late() != null ? row.late() : late, row.distorted(), row.distortions(), row.returns(), null,
                row.lockUntil(), row.basis()), history);
    }
}
