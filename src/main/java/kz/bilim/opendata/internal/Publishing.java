package kz.bilim.opendata.internal;

import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditEntry;
import kz.bilim.audit.AuditTrail;
import kz.bilim.kernel.CurrentScope;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.SignedIn;
import kz.bilim.kernel.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publishing the open datasets (OD-1…OD-3): a release is accepted for a period the dataset has and that has opened,
 * only after {@link DatasetFile} found no personal data in it; it is stored whole with its SHA-256 and audited in one
 * transaction, as the period's next version (a correction never overwrites what readers already took). A generated
 * dataset's file is made before that transaction, as a system run over the whole country.
 */
@Service
class Publishing {

    static final String SUBJECT = "open-dataset-release";

    private final Catalogue catalogue;
    private final ReleaseSchedule schedule;
    private final RegistryDatasets registry;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transaction;

    Publishing(Catalogue catalogue, ReleaseSchedule schedule, RegistryDatasets registry, AuditTrail audit, Clock clock,
               PlatformTransactionManager transactions) {
        this.catalogue = catalogue;
        this.schedule = schedule;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Every dataset's standing today, in the appendix's order. */
    List<DatasetStatus> statuses() {
        LocalDate today = LocalDate.now(clock);
        var events = catalogue.events();
        var releases = catalogue.latestReleases();
        return catalogue.datasets().stream().map(d -> status(d, today, events.getOrDefault(d.number(), List.of()),
                releases.getOrDefault(d.number(), List.of()))).toList();
    }

    Optional<DatasetStatus> status(int number) {
        LocalDate today = LocalDate.now(clock);
        return catalogue.dataset(number).map(d -> status(d, today, catalogue.events(number),
                catalogue.latestReleases().getOrDefault(number, List.of())));
    }

    private DatasetStatus status(Dataset d, LocalDate today, List<LocalDate> events, List<Release> releases) {
        var current = schedule.current(d, today, events).orElse(null);
        boolean published = current != null && releases.stream().anyMatch(r -> r.period().equals(current.period()));
        return new DatasetStatus(d, current, DatasetStatus.state(current, published, today),
                schedule.next(d, today, events).orElse(null), releases);
    }

    /** OD-2: the ministry uploads the file of a dataset for a period (the portal's workstation takes it as it is). */
    Outcome<Release> upload(int number, String period, byte[] content) {
        var dataset = catalogue.dataset(number).orElse(null);
        if (dataset == null) return Refusal.notFound("open-dataset", number).outcome();
        var refused = openPeriod(dataset, period);
        if (refused.isPresent()) return refused.get().outcome();
        return store(dataset, period.trim(), "UPLOAD", content);
    }

    /**
     * OD-3: generates a dataset this system holds from its registries and publishes it; {@code period} null: the
     * period it is measured by today.
     */
    Outcome<Release> generate(int number, String period) {
        var dataset = catalogue.dataset(number).orElse(null);
        if (dataset == null) return Refusal.notFound("open-dataset", number).outcome();
        if (!dataset.generated()) return Refusal.invalid("dataset", "opendata.dataset.uploaded-only", number).outcome();
        String asked = Text.blankToNull(period);
        if (asked == null) {
            var current = schedule.current(dataset, LocalDate.now(clock), catalogue.events(number));
            if (current.isEmpty()) return Refusal.invalid("period", "opendata.period.none-open").outcome();
            asked = current.get().period();
        }
        var refused = openPeriod(dataset, asked);
        if (refused.isPresent()) return refused.get().outcome();
        String chosen = asked.trim();
        byte[] content = CurrentScope.asSystem(() -> registry.generate(dataset.producer(), chosen));
        return store(dataset, chosen, "REGISTRY", content);
    }

    /**
     * OD-1: records the event that opens a period of a dataset published on events — an approval of the register of
     * state services (No. 30, at most twice a year) or a charity action's set date (No. 50).
     */
    Outcome<LocalDate> recordEvent(int number, String occursOn, String note) {
        var dataset = catalogue.dataset(number).orElse(null);
        if (dataset == null) return Refusal.notFound("open-dataset", number).outcome();
        if (!dataset.periodicity().byEvent())
            return Refusal.invalid("dataset", "opendata.event.not-on-events", number).outcome();
        LocalDate day;
        try {
            day = LocalDate.parse(Text.blankToNull(occursOn) == null ? "" : occursOn.trim());
        } catch (java.time.format.DateTimeParseException e) {
            return Refusal.invalid("occursOn", "opendata.event.date-format").outcome();
        }
        if (!kz.bilim.calendar.WorkingCalendar.covers(day))
            return Refusal.invalid("occursOn", "opendata.event.outside-calendar").outcome();
        String text = Text.blankToNull(note);
        if (text == null) return Refusal.invalid("note", "error.field.required").outcome();
        if (text.length() > 500) return Refusal.invalid("note", "opendata.event.note-long", 500).outcome();
        var events = catalogue.events(number);
        if (events.contains(day)) return Refusal.conflict("opendata.event.exists", day).outcome();
        if (dataset.periodicity() == Periodicity.AT_MOST_TWICE_A_YEAR
                && events.stream().filter(e -> e.getYear() == day.getYear()).count() >= ReleaseSchedule.APPROVALS_PER_YEAR)
            return Refusal.byRule("OD-1", "opendata.event.twice-a-year", ReleaseSchedule.APPROVALS_PER_YEAR).outcome();
        transaction.executeWithoutResult(s -> {
            catalogue.addEvent(number, day, text.trim(), SignedIn.actor(), clock.instant());
            audit.record(AuditEntry.of(AuditAction.CREATE, "open-dataset-event", number + "/" + day, null, null)
                    .with(Map.of("dataset", number)));
        });
        return Outcome.done(day);
    }

    /** A refusal when the period is not one of the dataset's or has not opened yet. */
    private Optional<Refusal> openPeriod(Dataset dataset, String period) {
        String asked = Text.blankToNull(period);
        if (asked == null) return Optional.of(Refusal.invalid("period", "error.field.required"));
        var obligation = schedule.obligation(dataset, asked.trim(), catalogue.events(dataset.number()));
        if (obligation.isEmpty())
            return Optional.of(Refusal.invalid("period", "opendata.period.unknown", asked.trim(), dataset.number()));
        if (!obligation.get().openOn(LocalDate.now(clock)))
            return Optional.of(Refusal.invalid("period", "opendata.period.not-open", asked.trim(),
                    obligation.get().opens()));
        return Optional.empty();
    }

    private Outcome<Release> store(Dataset dataset, String period, String origin, byte[] content) {
        var checked = DatasetFile.check(content);
        if (checked instanceof Outcome.Refused<DatasetFile.Checked> refused) return refused.refusal().outcome();
        var file = checked.orElseThrow();
        return Outcome.done(transaction.execute(s -> {
            var release = catalogue.insert(dataset.number(), period, origin, clock.instant(), SignedIn.actor(),
                    file.rows(), sha256(content), content);
            audit.record(AuditEntry.of(AuditAction.CREATE, SUBJECT, release.id(), null, null)
                    .with(Map.of("dataset", dataset.number(), "period", period, "version", release.version(),
                            "origin", origin, "rows", file.rows())));
            return release;
        }));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
