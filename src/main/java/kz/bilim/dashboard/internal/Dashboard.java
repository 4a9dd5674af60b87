package kz.bilim.dashboard.internal;

import kz.bilim.kernel.CurrentScope;
import kz.bilim.enrolment.EnrolmentStatistics;
import kz.bilim.organisation.OrganisationStatistics;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Counts per child territory for the home page, within the viewer's scope. At national scale a count of pupils reads
 * millions of enrolment rows, and every officer opens the home page first thing in the morning: the counts of one
 * scope and territory are kept for a minute, so the database counts once per minute, not once per visit.
 */
@Service
class Dashboard {

    static final Duration FRESHNESS = Duration.ofMinutes(1);

    private final OrganisationStatistics organisations;
    private final EnrolmentStatistics enrolments;
    private final Clock clock;
    private final Map<String, Counted> recent = new ConcurrentHashMap<>();

    Dashboard(OrganisationStatistics organisations, EnrolmentStatistics enrolments, Clock clock) {
        this.organisations = organisations;
        this.enrolments = enrolments;
        this.clock = clock;
    }

    private record Counted(Instant at, List<OrganisationStatistics.OrganisationCounts> organisations,
                           Map<String, Long> pupils) {
    }

    /** The child territories of {@code parentKato} (null: the regions), names in the reader's language. */
    List<TerritoryTally> children(String parentKato, int parentLevel, Locale locale) {
        String key = CurrentScope.get().setting() + "|" + CurrentScope.get().personalData() + "|" + parentKato;
        Instant now = clock.instant();
        Counted counted = recent.compute(key, (k, old) -> old != null && old.at().plus(FRESHNESS).isAfter(now) ? old
                : new Counted(now, organisations.byChildTerritory(parentKato),
                enrolments.pupilsByChildTerritory(parentKato).stream().collect(Collectors.toMap(
                        EnrolmentStatistics.PupilCounts::kato, EnrolmentStatistics.PupilCounts::pupils))));
        Function<OrganisationStatistics.OrganisationCounts, String> name =
                c -> "kk".equals(locale.getLanguage()) ? c.nameKk() : c.nameRu();
        return counted.organisations().stream()
                .map(c -> new TerritoryTally(c.kato(), name.apply(c), parentLevel < 3, c.schools(), c.preschools(),
                        c.colleges(), c.classes(), counted.pupils().getOrDefault(c.kato(), 0L)))
                .toList();
    }
}
