package kz.bilim.child.internal;

import kz.bilim.platform.database.OwnerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The kept counts of the nine lists per settlement (CA-3, migration V170): kept by statement triggers on {@code child}
 * as every merge, registry refresh and exemption changes children, and rebuilt whole when the day changes (ages move
 * children between lists) — at midnight, or by the first read of a new day. Counts only, no personal data.
 */
@Component
class ChildListCounts {

    private final JdbcClient owner;
    private final Clock clock;

    ChildListCounts(OwnerDataSource owner, Clock clock) {
        this.owner = JdbcClient.create(owner);
        this.clock = clock;
    }

    /** Makes sure the counts hold for this day (a rebuild on the owner's connection, in its own transaction). */
    void current(LocalDate day) {
        LocalDate asOf = owner.sql("select as_of from child_list_count_day").query(LocalDate.class).optional()
                .orElse(null);
        if (!day.equals(asOf)) rebuild(day);
    }

    /** Rebuilds the counts for the day from the children (seconds for the whole country). */
    void rebuild(LocalDate day) {
        owner.sql("select child_list_counts_rebuild(:day)").param("day", day).query((rs, n) -> 1).list();
    }

    @Scheduled(cron = "5 0 0 * * *", zone = "Asia/Almaty")
    void midnight() {
        current(LocalDate.now(clock));
    }
}
