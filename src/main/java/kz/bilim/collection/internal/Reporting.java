package kz.bilim.collection.internal;

import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditEntry;
import kz.bilim.audit.AuditTrail;
import kz.bilim.collection.CollectedValues.Accepted;
import kz.bilim.collection.Completeness;
import kz.bilim.collection.Form;
import kz.bilim.collection.Level;
import kz.bilim.collection.Texts;
import kz.bilim.kernel.Refusal;
import kz.bilim.organisation.OrganisationId;
import kz.bilim.organisation.Organisations;
import kz.bilim.territory.Territories;
import kz.bilim.territory.Territory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** EIS-1, EIS-8, EIS-10, EIS-11: completeness and timeliness with drill-down, the final report, and the accepted values
 * other modules read. */
@Component
class Reporting {

    private final CollectionRepository repository;
    private final Organisations organisations;
    private final Territories territories;
    private final AuditTrail audit;
    private final Clock clock;
    private final SubmissionViews views;
    private final CollectionDocuments documents;

    Reporting(CollectionRepository repository, Organisations organisations, Territories territories, AuditTrail audit,
              Clock clock, SubmissionViews views, CollectionDocuments documents) {
        this.repository = repository;
        this.organisations = organisations;
        this.territories = territories;
        this.audit = audit;
        this.clock = clock;
        this.views = views;
        this.documents = documents;
    }

    List<Completeness> completeness(long periodId, String kato) {
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

    static Completeness named(Completeness r, Texts name) {
        return new Completeness(r.kato(), r.organisationId(), name, r.expected(), r.submitted(), r.accepted(), r.late(),
                r.returned(), r.distorted());
    }

    Optional<byte[]> finalReportPdf(long periodId, Locale locale) {
        return report(periodId).map(r -> documents.reportPdf(r, locale));
    }

    Optional<byte[]> finalReportXlsx(long periodId, Locale locale) {
        return report(periodId).map(r -> documents.reportXlsx(r, locale));
    }

    Optional<CollectionDocuments.Report> report(long periodId) {
        return repository.period(periodId).map(period -> {
            Form form = views.formOf(period);
            var national = repository.territorySubmission(periodId, Level.MINISTRY, Level.NATIONAL, false)
                    .map(r -> views.view(r, period, List.of(), List.of())).orElse(null);
            audit.record(AuditEntry.of(AuditAction.EXPORT, "collection-report", periodId, "", null)
                    .with(Map.of("clause", "EIS-10")));
            return new CollectionDocuments.Report(form, period, repository.acceptedSums(periodId),
                    completeness(periodId, ""), national, clock.instant());
        });
    }

    List<Accepted> accepted(String formCode, int year, java.util.Collection<String> fieldCodes,
                                   java.util.Collection<Long> organisations) {
        return repository.accepted(formCode, year, fieldCodes, organisations).stream()
                .map(v -> new Accepted(v.organisationId(), v.kato(), v.field(), v.row(), v.number(), v.text())).toList();
    }
}
