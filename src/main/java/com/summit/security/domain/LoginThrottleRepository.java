package com.summit.security.domain;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counts failed sign-ins per account and per address (table login_throttle). */
@Repository
public class LoginThrottleRepository {

    public enum Kind { ACCOUNT, ADDRESS }

    private final JdbcClient jdbc;

    LoginThrottleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Until when the key must wait, if it must. */
    public Optional<Instant> lockedUntil(Kind kind, String key) {
        return jdbc.sql("select locked_until from login_throttle where kind = :k and key = :key and locked_until > now()")
                .param("k", kind.name()).param("key", key).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /**
     * Counts one failure (a count older than {@code window} starts again at one) and returns the new count, in one
     * statement, so that replicas counting at once lose nothing.
     */
    public int recordFailure(Kind kind, String key, Duration window) {
        return jdbc.sql("""
                insert into login_throttle (kind, key, failures, last_failure_at) values (:k, :key, 1, now())
                on conflict (kind, key) do update set
                    failures = case when login_throttle.last_failure_at < now() - cast(:window as interval) then 1
                                    else login_throttle.failures + 1 end,
                    last_failure_at = now()
                returning failures""")
                .param("k", kind.name()).param("key", key).param("window", window.toSeconds() + " seconds")
                .query(Integer.class).single();
    }

    public void lock(Kind kind, String key, Duration wait) {
        jdbc.sql("update login_throttle set locked_until = now() + cast(:wait as interval) where kind = :k and key = :key")
                .param("k", kind.name()).param("key", key).param("wait", wait.toMillis() + " milliseconds").update();
    }

    public void reset(Kind kind, String key) {
        jdbc.sql("delete from login_throttle where kind = :k and key = :key").param("k", kind.name()).param("key", key).update();
    }

    /** Forgets keys that have been quiet for longer than {@code age}. */
    public int forgetOlderThan(Duration age) {
        return jdbc.sql("delete from login_throttle where last_failure_at < now() - cast(:age as interval) and (locked_until is null or locked_until < now())")
                .param("age", age.toSeconds() + " seconds").update();
    }
}
