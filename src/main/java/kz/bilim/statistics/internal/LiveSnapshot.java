package kz.bilim.statistics.internal;

import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Refusal;
import kz.bilim.platform.database.OwnerDataSource;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
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
 * The live snapshot is never taken on a request: the first one is started when the application is up
 * ({@code bilim.statistics.live-on-start}); a read before it exists starts it too and is refused (409, naming
 * {@code snapshot}: read again shortly, or a 5-October snapshot) unless {@code bilim.statistics.live-first-wait}
 * allows waiting for the background take (tests, whose registries are made after the start).
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

    private final boolean onStart;
    private final Duration firstWait;

    LiveSnapshot(JdbcClient jdbc, SnapshotTaking taking, Clock clock, OwnerDataSource owner,
                 @Value("${bilim.statistics.live-freshness:PT1M}") Duration freshness,
                 @Value("${bilim.statistics.live-on-start:true}") boolean onStart,
                 @Value("${bilim.statistics.live-first-wait:PT0S}") Duration firstWait) {
        this.onStart = onStart;
        this.firstWait = firstWait;
        this.jdbc = jdbc;
        this.taking = taking;
        this.clock = clock;
        this.freshness = freshness;
        this.locks = kz.bilim.platform.database.JobLocks.executor(owner);
    }

    record Found(IndicatorReading.Snapshot snapshot, boolean fresh) {
    }

    /** The first live snapshot, taken in the background as soon as the application is up. */
    @EventListener(ApplicationReadyEvent.class)
    void takeFirst() {
        if (onStart && last().isEmpty()) refreshInBackground();
    }

    /**
     * The last live snapshot, whatever its age (its {@code takenAt} says how old its figures are); a stale one starts
     * a retake in the background. None yet: the first take is started in the background and the read refused.
     */
    Outcome<IndicatorReading.Snapshot> current() {
        var found = last();
        read.set(true);
        if (found.isEmpty()) {
            var first = refreshInBackground();
            found = awaitFirst(first);
            if (found.isEmpty())
                return new Refusal(Refusal.Code.CONFLICT, null, "statistics.live.pending", List.of(),
                        List.of(new FieldError("snapshot", "statistics.live.pending"))).outcome();
        }
        if (!found.get().fresh()) refreshInBackground();
        return Outcome.done(found.get().snapshot());
    }

    /** The first live snapshot after waiting at most {@code live-first-wait} for the background take (none: 0). */
    private Optional<Found> awaitFirst(Future<?> take) {
        if (firstWait.isZero()) return Optional.empty();
        long until = System.nanoTime() + firstWait.toNanos();
        try {
            take.get(firstWait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            return last();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        // another instance held the lock and is taking the first one
        var found = last();
        while (found.isEmpty() && System.nanoTime() < until) {
            sleep();
            found = last();
        }
        return found;
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
                        select id, as_of, version, taken_at, as_of = :today and taken_at > now() - make_interval(secs => :fresh)
                               as fresh
                          from stat_snapshot where live and digest is not null""")
                .param("today", LocalDate.now(clock)).param("fresh", (double) freshness.toSeconds())
                .query((rs, n) -> new Found(new IndicatorReading.Snapshot(rs.getLong("id"),
                        rs.getDate("as_of").toLocalDate(), rs.getInt("version"), true,
                        rs.getTimestamp("taken_at").toInstant()), rs.getBoolean("fresh")))
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
