package kz.bilim.child.truancy;

import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditEntry;
import kz.bilim.audit.AuditTrail;
import kz.bilim.kernel.CurrentScope;
import kz.bilim.territory.KatoCode;
import kz.bilim.territory.Territories;
import kz.bilim.territory.Territory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CA-3 (9), CA-4: forms the truant list of every district for a month, once: the districts' lists and their children
 * in one transaction, as a system run (the children of every district). A district whose list of the month exists
 * keeps it untouched, so a second run of the same month changes nothing. Each run is recorded ({@code truant_run}).
 * Public within the module for the demo's children ({@code BulkChildSources}), whose absences form a month at once.
 */
@Service
public class FormingTruantList {

    public record Formed(YearMonth month, int lists, int entries) {
    }

    private final TruancyRepository repository;
    private final TruancyPolicy policy;
    private final Territories territories;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    FormingTruantList(TruancyRepository repository, TruancyPolicy policy, Territories territories, AuditTrail audit,
                      PlatformTransactionManager transactions, Clock clock) {
        this.repository = repository;
        this.policy = policy;
        this.territories = territories;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Forms the lists of the month's absences for every district that has none yet; {@code instance}: who ran it. */
    public Formed form(YearMonth month, String instance) {
        var districts = districts();
        var schoolDays = policy.schoolDays(month);
        var due = policy.due(month).toInstant();
        return CurrentScope.asSystem(() -> transaction.execute(status -> {
            long run = repository.startRun(month, instance);
            int lists = repository.formLists(run, month, districts, policy.moreThan(), schoolDays.size(),
                    clock.instant(), due);
            int entries = repository.formEntries(run, month, schoolDays, policy.moreThan());
            repository.finishRun(run, lists, entries);
            audit.record(AuditEntry.of(AuditAction.CREATE, "truant-list", month.toString(), "", null)
                    .because("truant-list-forming").with(Map.of("lists", lists, "entries", entries,
                            "schoolDays", schoolDays.size(), "moreThan", policy.moreThan())), "system", "SYSTEM");
            return new Formed(month, lists, entries);
        }));
    }

    /** Every district (level 2) of the country: the list is the district's, by the children's residence. */
    private List<String> districts() {
        var codes = new ArrayList<String>();
        for (Territory region : territories.regions())
            for (Territory t : territories.children(region.kato()))
                if (KatoCode.parse(t.kato()).level() == 2) codes.add(t.kato());
        return codes;
    }
}
