package kz.bilim.access.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long failed sign-ins lock a door, so that guessing costs time and an attacker cannot lock anyone out for good.
 * <ul>
 *   <li>One account from one address: from the 5th failure in a row a lock of 1 minute, doubling with each further
 *       failure, never longer than 15 minutes. The account's owner elsewhere is not locked out.</li>
 *   <li>One address, whatever accounts it tries: from the 20th failure a lock of 1 minute, doubling, at most 1 hour.</li>
 *   <li>Counts are forgotten 24 hours after their first failure, and a successful sign-in clears its account's.</li>
 * </ul>
 * During a lock even the right password is refused: otherwise the lock would not slow the guessing.
 */
final class LoginThrottlePolicy {

    static final int ACCOUNT_FREE_FAILURES = 4;
    static final Duration ACCOUNT_MAX_LOCK = Duration.ofMinutes(15);
    static final int ADDRESS_FREE_FAILURES = 19;
    static final Duration ADDRESS_MAX_LOCK = Duration.ofHours(1);
    static final Duration MEMORY = Duration.ofHours(24);

    private LoginThrottlePolicy() {
    }

    static String accountKey(String username, String address) {
        return "account:" + username + "|" + address;
    }

    static String addressKey(String address) {
        return "address:" + address;
    }

    /** The lock that follows this many failures in a row on a key, if any. */
    static Optional<Duration> lockAfter(String key, int failures) {
        boolean account = key.startsWith("account:");
        int free = account ? ACCOUNT_FREE_FAILURES : ADDRESS_FREE_FAILURES;
        Duration max = account ? ACCOUNT_MAX_LOCK : ADDRESS_MAX_LOCK;
        if (failures <= free) return Optional.empty();
        int doublings = Math.min(failures - free - 1, 20);
        Duration lock = Duration.ofMinutes(1L << doublings);
        return Optional.of(lock.compareTo(max) > 0 ? max : lock);
    }

    static boolean forgotten(Instant firstFailure, Instant now) {
        return firstFailure.plus(MEMORY).isBefore(now);
    }
}
