package kz.bilim.statistics.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/** SC-4: each year, at the end of 5 October (Almaty time), the registries' state of that day is frozen. */
@Component
class SnapshotSchedule {

    private final SnapshotTaking taking;
    private final Clock clock;

    SnapshotSchedule(SnapshotTaking taking, Clock clock) {
        this.taking = taking;
        this.clock = clock;
    }

    @Scheduled(cron = "0 45 23 5 10 *", zone = "Asia/Almaty")
    void fifthOfOctober() {
        // no one is signed in on the scheduler's thread: the registries are read as a scheduled system run
        kz.bilim.kernel.CurrentScope.asScheduledSystem(() -> taking.take(LocalDate.now(clock), false, "system"));
    }
}
