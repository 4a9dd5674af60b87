package kz.bilim.child.truancy;

import kz.bilim.platform.database.OwnerDataSource;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

/**
 * CA-4: on the 1st of each month (00:10 Almaty), the truant lists of the previous month are formed — once across all
 * application instances on one database: the run holds a ShedLock lock named for the month ({@code shedlock} table,
 * database time), kept at least {@link #LOCK_AT_LEAST} so that an instance whose clock is a little behind does not run
 * again after the first finished. The job also runs every day after the 1st, so an instance that was down on the 1st
 * forms the month late rather than never; a month already formed changes nothing. The injected {@link Clock} says
 * which month it is; the lock's own times are the database's.
 */
@Component
class TruantSchedule {

    static final Duration LOCK_AT_MOST = Duration.ofMinutes(30);
    static final Duration LOCK_AT_LEAST = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(TruantSchedule.class);

    private final FormingTruantList forming;
    private final TruancyPolicy policy;
    private final Clock clock;
    private final LockingTaskExecutor locks;
    private final String instance;

    @Autowired
    TruantSchedule(FormingTruantList forming, TruancyPolicy policy, Clock clock, OwnerDataSource owner) {
        this(forming, policy, clock, lockProvider(owner), ManagementFactory.getRuntimeMXBean().getName());
    }

    /** A scheduler with its own lock provider and name: one per application instance. */
    TruantSchedule(FormingTruantList forming, TruancyPolicy policy, Clock clock, LockProvider lockProvider,
                   String instance) {
        this.forming = forming;
        this.policy = policy;
        this.clock = clock;
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
        this.instance = instance;
    }

    static LockProvider lockProvider(DataSource dataSource) {
        return kz.bilim.platform.database.JobLocks.provider(dataSource);
    }

    @Scheduled(cron = "${bilim.truancy.cron:0 10 0 * * *}", zone = "Asia/Almaty")
    void daily() {
        try {
            run();
        } catch (RuntimeException e) {
            log.warn("Forming the truant lists failed: {}", e.getClass().getSimpleName());
        }
    }

    /** Forms the previous month's lists unless another instance holds the month's lock; answers what this one formed. */
    Optional<FormingTruantList.Formed> run() {
        var month = policy.countedMonth(LocalDate.now(clock));
        var formed = new FormingTruantList.Formed[1];
        locks.executeWithLock((Runnable) () -> formed[0] = forming.form(month, instance),
                new LockConfiguration(ClockProvider.now(), "truant-list-" + month, LOCK_AT_MOST, LOCK_AT_LEAST));
        if (formed[0] != null) log.info("Truant lists of {} formed on {}: {} lists, {} children", month, instance,
                formed[0].lists(), formed[0].entries());
        return Optional.ofNullable(formed[0]);
    }
}
