package kz.bilim.dashboard.internal;

import kz.bilim.kernel.CurrentScope;
import kz.bilim.kernel.Scope;
import kz.bilim.enrolment.EnrolmentStatistics;
import kz.bilim.organisation.OrganisationStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Counts per child territory for the home page, within the viewer's scope, from the registries' kept tallies
 * (organisations by kind, {@code school_class_tally}, {@code enrolment_pupil_tally}: never a count over millions of
 * rows). The counts of one scope and territory are kept for a minute, so the database counts once per minute, not
 * once per visit. The national view — the one every ministry user opens first — is kept fresh in the background
 * ({@code bilim.dashboard.keep-national}: counted when the application is ready and every half minute after), so
 * neither the first view nor a later one waits for a count.
 */
@Service
class Dashboard {

    static final Duration FRESHNESS = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(Dashboard.class);
    /** The national view as a ministry user reads it — the whole country with personal data, as a system run too. */
    private static final String NATIONAL = key(Scope.all(true), null);

    private final OrganisationStatistics organisations;
    private final EnrolmentStatistics enrolments;
    private final Clock clock;
    private final boolean keepNational;
    private final Map<String, Counted> recent = new ConcurrentHashMap<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "dashboard-national");
        thread.setDaemon(true);
        return thread;
    });

    Dashboard(OrganisationStatistics organisations, EnrolmentStatistics enrolments, Clock clock,
              @Value("${bilim.dashboard.keep-national:true}") boolean keepNational) {
        this.organisations = organisations;
        this.enrolments = enrolments;
        this.clock = clock;
        this.keepNational = keepNational;
    }

    private record Counted(Instant at, List<OrganisationStatistics.OrganisationCounts> organisations,
                           Map<String, Long> pupils) {
    }

    private static String key(Scope scope, String parentKato) {
        return scope.setting() + "|" + scope.personalData() + "|" + parentKato;
    }

    private Counted count(String parentKato) {
        return new Counted(clock.instant(), organisations.byChildTerritory(parentKato),
                enrolments.pupilsByChildTerritory(parentKato).stream().collect(Collectors.toMap(
                        EnrolmentStatistics.PupilCounts::kato, EnrolmentStatistics.PupilCounts::pupils)));
    }

    /** The child territories of {@code parentKato} (null: the regions), names in the reader's language. */
    List<TerritoryTally> children(String parentKato, int parentLevel, Locale locale) {
        String key = key(CurrentScope.get(), parentKato);
        Instant now = clock.instant();
        Counted counted = recent.compute(key, (k, old) -> old != null && old.at().plus(FRESHNESS).isAfter(now) ? old
                : count(parentKato));
        Function<OrganisationStatistics.OrganisationCounts, String> name =
                c -> "kk".equals(locale.getLanguage()) ? c.nameKk() : c.nameRu();
        return counted.organisations().stream()
                .map(c -> new TerritoryTally(c.kato(), name.apply(c), parentLevel < 3, c.schools(), c.preschools(),
                        c.colleges(), c.classes(), counted.pupils().getOrDefault(c.kato(), 0L)))
                .toList();
    }

    @EventListener(ApplicationReadyEvent.class)
    void countNationalOnStart() {
        if (keepNational) background.submit(this::countNational);
    }

    /** Half a minute apart, well inside the minute a count is kept: a reader never finds the national view stale. */
    @Scheduled(cron = "${bilim.dashboard.national-cron:15,45 * * * * *}", zone = "Asia/Almaty")
    void keepNationalFresh() {
        if (keepNational) background.submit(this::countNational);
    }

    void countNational() {
        try {
            CurrentScope.asScheduledSystem(() -> recent.put(NATIONAL, count(null)));
        } catch (RuntimeException e) {
            // the next tick tries again; meanwhile a reader counts on the request, as any other scope
            log.warn("Counting the national dashboard failed: {}", e.getClass().getSimpleName());
        }
    }
}
