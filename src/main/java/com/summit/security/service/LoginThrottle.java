package com.summit.security.service;

import com.summit.security.domain.LoginThrottleRepository;
import com.summit.security.domain.LoginThrottleRepository.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Wrong passwords slow the next attempt down: from the {@code max-failures}th failure in a row, an account waits
 * {@code first-wait}, doubled with each further failure up to {@code longest-wait}; the same holds for the address the
 * attempts come from, from its {@code max-failures-per-address}th failure (an office behind one address shares it). A success clears the account's count (not the address's: one good account must not reset the
 * count of guesses at others). While a key waits, its password is not even checked.
 */
@Service
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final LoginThrottleRepository throttle;
    private final int maxFailures;
    private final int maxFailuresPerAddress;
    private final Duration firstWait;
    private final Duration longestWait;
    private final Duration window;

    LoginThrottle(LoginThrottleRepository throttle,
            @Value("${summit.login.max-failures:5}") int maxFailures,
            @Value("${summit.login.max-failures-per-address:20}") int maxFailuresPerAddress,
            @Value("${summit.login.first-wait:30s}") Duration firstWait,
            @Value("${summit.login.longest-wait:15m}") Duration longestWait,
            @Value("${summit.login.window:1h}") Duration window) {
        this.throttle = throttle;
        this.maxFailures = maxFailures;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.firstWait = firstWait;
        this.longestWait = longestWait;
        this.window = window;
    }

    /** How long the account or the address still has to wait, if either has to. */
    public Optional<Duration> waitFor(String username, String address) {
        Optional<Instant> until = later(throttle.lockedUntil(Kind.ACCOUNT, accountKey(username)),
                address == null ? Optional.empty() : throttle.lockedUntil(Kind.ADDRESS, address));
        return until.map(u -> Duration.between(Instant.now(), u)).filter(d -> !d.isNegative() && !d.isZero());
    }

    public void failed(String username, String address) {
        count(Kind.ACCOUNT, accountKey(username));
        if (address != null) {
            count(Kind.ADDRESS, address);
        }
        if (Math.random() < 0.01) {
            throttle.forgetOlderThan(window.multipliedBy(24));
        }
    }

    public void succeeded(String username) {
        throttle.reset(Kind.ACCOUNT, accountKey(username));
    }

    /** The wait after {@code failures} failures in a row of an account: none below the threshold, then doubling. */
    Duration waitAfter(int failures) {
        return waitAfter(failures, maxFailures);
    }

    /** The same for an address, whose threshold is higher: an office behind one address shares it. */
    Duration waitAfterForAddress(int failures) {
        return waitAfter(failures, maxFailuresPerAddress);
    }

    private Duration waitAfter(int failures, int threshold) {
        if (failures < threshold) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - threshold, 20);
        Duration wait = firstWait.multipliedBy(1L << doublings);
        return wait.compareTo(longestWait) > 0 ? longestWait : wait;
    }

    private void count(Kind kind, String key) {
        int failures = throttle.recordFailure(kind, key, window);
        Duration wait = kind == Kind.ACCOUNT ? waitAfter(failures) : waitAfterForAddress(failures);
        if (!wait.isZero()) {
            throttle.lock(kind, key, wait);
            log.warn("Sign-in: {} failures in a row for {} {}; it waits {} s", failures, kind.name().toLowerCase(Locale.ROOT), key,
                    wait.toSeconds());
        }
    }

    private static String accountKey(String username) {
        String key = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return key.length() > 200 ? key.substring(0, 200) : key;
    }

    private static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get());
    }
}
