package kz.bilim.access.internal;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A machine client authenticates on every request (HTTP Basic, a token); the trail records that once an hour per
 * client, not per request, so that people's sign-ins are not buried under a robot's. Kept in memory: a second
 * application instance records its own first hour, which costs a row, not a gap.
 */
@Component
class MachineSignIns {

    static final Duration EVERY = Duration.ofHours(1);

    private final ConcurrentHashMap<String, Instant> recorded = new ConcurrentHashMap<>();
    private final Clock clock;

    MachineSignIns(Clock clock) {
        this.clock = clock;
    }

    /** Whether this client's authentication is to be recorded now (and, if so, it counts as recorded). */
    boolean recordNow(String client) {
        Instant now = clock.instant();
        boolean[] record = {false};
        recorded.compute(client, (key, last) -> {
            if (last == null || !last.plus(EVERY).isAfter(now)) {
                record[0] = true;
                return now;
            }
            return last;
        });
        if (recorded.size() > 100_000) recorded.clear();
        return record[0];
    }
}
