package kz.bilim.opendata.internal;

import kz.bilim.kernel.CurrentScope;
import kz.bilim.kernel.Outcome;
import kz.bilim.platform.database.JobLocks;
import kz.bilim.platform.database.OwnerDataSource;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * OD-1: every morning (06:30 Almaty) the datasets this system generates are published for the period they are
 * measured by, when that period has opened and has no release yet — so a register is on the portal on the first day
 * of its quarter, not when someone remembers. Once a day across all application instances (ShedLock, a lock named for
 * the day); a dataset already published that period is left alone, so a second run changes nothing.
 */
@Component
class PublicationSchedule {

    static final Duration LOCK_AT_MOST = Duration.ofMinutes(30);
    static final Duration LOCK_AT_LEAST = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(PublicationSchedule.class);

    private final Publishing publishing;
    private final Clock clock;
    private final LockingTaskExecutor locks;

    @Autowired
    PublicationSchedule(Publishing publishing, Clock clock, OwnerDataSource owner) {
        this(publishing, clock, JobLocks.provider(owner));
    }

    /** A scheduler with its own lock provider: one per application instance. */
    PublicationSchedule(Publishing publishing, Clock clock, LockProvider lockProvider) {
        this.publishing = publishing;
        this.clock = clock;
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
    }

    @Scheduled(cron = "${bilim.opendata.cron:0 30 6 * * *}", zone = "Asia/Almaty")
    void daily() {
        try {
            CurrentScope.asScheduledSystem(this::run);
        } catch (RuntimeException e) {
            log.warn("Publishing the generated open datasets failed: {}", e.getClass().getSimpleName());
        }
    }

    /** Publishes what is due and unpublished, unless another instance holds today's lock; answers the datasets. */
    List<Integer> run() {
        var published = new ArrayList<Integer>();
        LocalDate today = LocalDate.now(clock);
        locks.executeWithLock((Runnable) () -> {
            for (var status : publishing.statuses()) {
                if (!status.dataset().generated() || status.current() == null || status.currentRelease() != null)
                    continue;
                var outcome = publishing.generate(status.dataset().number(), status.current().period());
                if (outcome instanceof Outcome.Done<Release>) published.add(status.dataset().number());
                else log.warn("Open dataset {} for {} not published: {}", status.dataset().number(),
                        status.current().period(), ((Outcome.Refused<Release>) outcome).refusal().reasonKey());
            }
        }, new LockConfiguration(ClockProvider.now(), "open-data-" + today, LOCK_AT_MOST, LOCK_AT_LEAST));
        if (!published.isEmpty()) log.info("Open datasets published for their current period: {}", published);
        return published;
    }
}
