package com.summit.security.service;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many wrong passwords: the attempt is refused, its password unchecked, until the wait is over. */
public class LoginThrottledException extends AuthenticationException {

    private final Duration wait;

    public LoginThrottledException(Duration wait) {
        super("Too many failed sign-ins; try again in " + wait.toSeconds() + " s");
        this.wait = wait;
    }

    /** Whole seconds, at least one. */
    public long waitSeconds() {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
