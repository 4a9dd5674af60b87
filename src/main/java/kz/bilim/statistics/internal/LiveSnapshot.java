package kz.bilim.statistics.internal;

import kz.bilim.platform.database.OwnerDataSource;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The live snapshot (the registries now), kept off the request path: a read is answered from the last live snapshot
 * whatever its age, and when that is older than {@code bilim.statistics.live-freshness} (or of another day) a retake
 * starts in the background — taking it costs seconds at national scale. One refresher across the application
 * instances on one database: the retake holds the ShedLock lock {@value #LOCK} ({@code shedlock} table, database
 * time) and checks the age again inside it, so an instance that waited finds the snapshot fresh and does nothing.
 * Only the very first read, when no live snapshot exists at all, waits for one to be taken.
 */
@Component
class LiveSnapshot {

    static final String LOCK = "statistics-live-snapshot";
    private static final Duration LOCK_AT_MOST = Duration.ofMinutes(15);
    private static final Logger log = LoggerFactory.getLogger(LiveSnapshot.class);

    private final JdbcClient jdbc;
    private final SnapshotTaking taking;
    private final Clock clock;
    private final Duration freshness;
    private final LockingTaskExecutor locks;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "statistics-live-snapshot");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Future<?>> running = new AtomicReference<>();
    /** Whether a live read came since the last scheduled tick. */
    private final java.util.concurrent.atomic.AtomicBoolean read = new java.util.concurrent.atomic.AtomicBoolean();

    LiveSnapshot(JdbcClient jdbc, SnapshotTaking taking, Clock clock, OwnerDataSource owner,
                 @Value("${bilim.statistics.live-freshness:PT1M}") Duration freshness) {
        this.jdbc = jdbc;
        this.taking = taking;
        this.clock = clock;
        this.freshness = freshness;
        this.locks = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(
                JdbcTemplateLockProvider.Configuration.builder().withJdbcTemplate(new JdbcTemplate(owner))
                        .withTransactionManager(new DataSourceTransactionManager(owner))
                        .withTableName("shedlock").usingDbTime().build()));
    }

    record Found(IndicatorReading.Snapshot snapshot, boolean fresh) {
    }

    /** The last live snapshot; a stale one starts a retake in the background and is answered meanwhile. */
    IndicatorReading.Snapshot current() {
        var found = last();
        if (found.isEmpty()) {
            refreshNow();
            found = last();
            // another instance held the lock and is taking the first one: wait for it, as the first read must
            for (int i = 0; found.isEmpty() && i < 600; i++) {
                sleep();
                found = last();
            }
            return found.orElseThrow(() -> new IllegalStateException("no live statistics snapshot")).snapshot();
        }
        read.set(true);
        if (!found.get().fresh()) refreshInBackground();
        return found.get().snapshot();
    }

    /**
     * Every minute (the freshness), when someone read the live snapshot since the last tick: the next reader finds it
     * fresh. No reader, no retake — at national scale one takes most of a minute of a core.
     */
    @Scheduled(cron = "${bilim.statistics.live-refresh-cron:30 * * * * *}", zone = "Asia/Almaty")
    void scheduled() {
        if (read.getAndSet(false)) refreshInBackground();
    }

    /** Starts a retake unless one is running in this instance; answers the task (tests wait for it). */
    Future<?> refreshInBackground() {
        return running.updateAndGet(f -> f != null && !f.isDone() ? f : background.submit(() -> kz.bilim.kernel.CurrentScope.asScheduledSystem(this::refreshNow)));
    }

    /** Retakes the live snapshot if it is still stale once the lock is held; nothing when another instance has it. */
    void refreshNow() {
        try {
            locks.executeWithLock((Runnable) () -> {
                if (last().map(Found::fresh).orElse(false)) return;
                var taken = taking.take(LocalDate.now(clock), true, "system");
                log.info("Live statistics snapshot retaken in {} ms", taken.millis());
            }, new LockConfiguration(ClockProvider.now(), LOCK, LOCK_AT_MOST, Duration.ZERO));
        } catch (RuntimeException e) {
            log.warn("Retaking the live statistics snapshot failed: {}", e.getClass().getSimpleName());
        }
    }

    private Optional<Found> last() {
        return jdbc.sql("""
                        select id, as_of, version, as_of = :today and taken_at > now() - make_interval(secs => :fresh)
                               as fresh
                          from stat_snapshot where live and digest is not null""")
                .param("today", LocalDate.now(clock)).param("fresh", (double) freshness.toSeconds())
                .query((rs, n) -> new Found(new IndicatorReading.Snapshot(rs.getLong("id"),
                        rs.getDate("as_of").toLocalDate(), rs.getInt("version"), true), rs.getBoolean("fresh")))
                .optional();
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
