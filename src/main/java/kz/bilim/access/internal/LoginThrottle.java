package kz.bilim.access.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The counters of failed sign-ins ({@link LoginThrottlePolicy}), one statement per change so concurrent tries add up. */
@Repository
class LoginThrottle {

    private static final String LOCKED = """
            select max(locked_until) from login_throttle where key in (:keys) and locked_until > :now
            """;

    private static final String FAILED = """
            insert into login_throttle (key, failures, first_failure) values (:key, 1, :now)
            on conflict (key) do update
               set failures = case when login_throttle.first_failure < :forgetBefore then 1 else login_throttle.failures + 1 end,
                   first_failure = case when login_throttle.first_failure < :forgetBefore then :now
                                        else login_throttle.first_failure end
            returning failures
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Until when the account (from this address) or the address is locked, if it is. */
    Optional<Instant> lockedUntil(String username, String address) {
        return jdbc.sql(LOCKED)
                .param("keys", List.of(LoginThrottlePolicy.accountKey(username, address), LoginThrottlePolicy.addressKey(address)))
                .param("now", now())
                .query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant);
    }

    /** Counts a failure on both doors; answers the lock it started, if one did. */
    Optional<Instant> failed(String username, String address) {
        Instant latest = null;
        for (String key : List.of(LoginThrottlePolicy.accountKey(username, address), LoginThrottlePolicy.addressKey(address))) {
            int failures = jdbc.sql(FAILED).param("key", key).param("now", now())
                    .param("forgetBefore", now().minus(LoginThrottlePolicy.MEMORY)).query(Integer.class).single();
            var lock = LoginThrottlePolicy.lockAfter(key, failures);
            if (lock.isPresent()) {
                Instant until = clock.instant().plus(lock.get());
                jdbc.sql("update login_throttle set locked_until = :until where key = :key")
                        .param("until", OffsetDateTime.ofInstant(until, ZoneOffset.UTC)).param("key", key).update();
                if (latest == null || until.isAfter(latest)) latest = until;
            }
        }
        return Optional.ofNullable(latest);
    }

    void succeeded(String username, String address) {
        jdbc.sql("delete from login_throttle where key = :key")
                .param("key", LoginThrottlePolicy.accountKey(username, address)).update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
