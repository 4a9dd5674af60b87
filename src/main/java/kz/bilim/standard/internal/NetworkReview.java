package kz.bilim.standard.internal;

import kz.bilim.child.ChildStatistics;
import kz.bilim.kernel.CurrentScope;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.Text;
import kz.bilim.organisation.OrganisationKind;
import kz.bilim.organisation.OrganisationStatistics;
import kz.bilim.territory.KatoCode;
import kz.bilim.territory.Territories;
import kz.bilim.territory.Territory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * MS-1: the school network review of a district (or a part of one): every rural settlement under it with its
 * children, pupils and schools, the level the norm guarantees and the shortfalls first. Counts from the registries'
 * statistics APIs within the caller's scope (row-level security backs it), so an officer sees their own territory.
 */
@Service
class NetworkReview {

    /** School age: from 6 to 17 full years (CA-3 list 2). */
    static final int FIRST_SCHOOL_AGE = 6;
    static final int LAST_SCHOOL_AGE = 17;

    private final Territories territories;
    private final ChildStatistics children;
    private final OrganisationStatistics organisations;
    private final Clock clock;

    NetworkReview(Territories territories, ChildStatistics children, OrganisationStatistics organisations,
                  Clock clock) {
        this.territories = territories;
        this.children = children;
        this.organisations = organisations;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Outcome<NetworkReport> review(String kato) {
        String code = Text.blankToNull(kato);
        if (code == null) return Refusal.invalid("kato", "error.field.required").outcome();
        if (!KatoCode.isWellFormed(code.trim())) return Refusal.invalid("kato", KatoCode.FORMAT_REASON).outcome();
        var territory = territories.find(code.trim()).orElse(null);
        if (territory == null || !CurrentScope.get().covers(territory.kato(), null))
            return Refusal.notFound("territory", code.trim()).outcome();
        if (territory.level() < 2) return Refusal.invalid("kato", "standard.network.district-or-below").outcome();
        LocalDate day = LocalDate.now(clock);

        var settlements = new ArrayList<Territory>();
        collectRural(territory, settlements);
        var schoolAge = new HashMap<String, long[]>(); // children, pupils
        var schoolsOf = new HashMap<Long, OrganisationKind>();
        var offered = new HashMap<String, SchoolLevel>();
        var schoolCount = new HashMap<String, Integer>();
        organisations.facts(f -> {
            if (!f.kato().startsWith(territory.scopePrefix())) return;
            if (f.kind().isSchool()) schoolsOf.put(f.id(), f.kind());
            var level = SchoolLevel.of(f.kind());
            if (level != SchoolLevel.NONE) {
                offered.merge(f.kato(), level, (a, b) -> a.below(b) ? b : a);
                schoolCount.merge(f.kato(), 1, Integer::sum);
            }
        });
        children.childFacts(territory.kato(), day, LAST_SCHOOL_AGE, f -> {
            if (f.age() < FIRST_SCHOOL_AGE) return;
            long[] row = schoolAge.computeIfAbsent(f.kato(), k -> new long[2]);
            row[0] += f.children();
            if (f.organisationId() != null && schoolsOf.containsKey(f.organisationId())) row[1] += f.children();
        });
        var rows = settlements.stream().map(t -> {
            long[] figures = schoolAge.getOrDefault(t.kato(), new long[2]);
            return new SettlementNetwork(t.kato(), t.nameKk(), t.nameRu(), figures[0], figures[1],
                    schoolCount.getOrDefault(t.kato(), 0), offered.getOrDefault(t.kato(), SchoolLevel.NONE),
                    NetworkNorm.guaranteed(figures[0], figures[1]));
        }).sorted(Comparator.comparing((SettlementNetwork s) -> !s.shortfall()).thenComparing(SettlementNetwork::kato))
                .toList();
        return Outcome.done(new NetworkReport(territory, day, rows));
    }

    /** The rural settlements (level 4, not urban) under a territory, depth first in code order. */
    private void collectRural(Territory parent, List<Territory> found) {
        for (var child : territories.children(parent.kato())) {
            if (child.level() >= 4) {
                if (!child.urban()) found.add(child);
            } else collectRural(child, found);
        }
    }

    static Map<SchoolLevel, Integer> thresholds() {
        return Map.of(SchoolLevel.PRIMARY, NetworkNorm.PRIMARY_CHILDREN, SchoolLevel.BASIC, NetworkNorm.BASIC_PUPILS,
                SchoolLevel.GENERAL_SECONDARY, NetworkNorm.GENERAL_SECONDARY_PUPILS);
    }
}
