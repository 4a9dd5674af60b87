package kz.bilim.access.internal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottlePolicyTest {

    @ParameterizedTest(name = "{0} failures on {1} → lock of {2} minutes")
    @CsvSource({
            "4, account, 0", "5, account, 1", "6, account, 2", "8, account, 8", "9, account, 15", "30, account, 15",
            "19, address, 0", "20, address, 1", "25, address, 32", "26, address, 60", "500, address, 60"})
    @DisplayName("SC-3 a lock grows with each failure and never exceeds its cap (15 minutes an account, 1 hour an address)")
    void growingCappedLocks(int failures, String door, int minutes) {
        String key = door.equals("account") ? LoginThrottlePolicy.accountKey("u", "1.2.3.4") : LoginThrottlePolicy.addressKey("1.2.3.4");
        assertThat(LoginThrottlePolicy.lockAfter(key, failures).map(Duration::toMinutes).orElse(0L)).isEqualTo(minutes);
    }
}
