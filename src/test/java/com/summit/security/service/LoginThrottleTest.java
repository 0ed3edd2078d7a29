package com.summit.security.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle(null, 5, 20, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(1));

    @Test
    void theFirstFourWrongPasswordsCostNothingThenTheWaitDoublesUpToFifteenMinutes() {
        for (int failures = 1; failures <= 4; failures++) {
            assertThat(throttle.waitAfter(failures)).isZero();
        }
        assertThat(throttle.waitAfter(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(throttle.waitAfter(6)).isEqualTo(Duration.ofSeconds(60));
        assertThat(throttle.waitAfter(7)).isEqualTo(Duration.ofSeconds(120));
        assertThat(throttle.waitAfter(10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.waitAfter(500)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void anAddressMayFailTwentyTimesBeforeItWaits() {
        assertThat(throttle.waitAfterForAddress(19)).isZero();
        assertThat(throttle.waitAfterForAddress(20)).isEqualTo(Duration.ofSeconds(30));
        assertThat(throttle.waitAfterForAddress(21)).isEqualTo(Duration.ofSeconds(60));
    }
}
