package com.summit.notify.domain;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The delivery outbox: messages to email and the robots, claimed by one sender at a time, retried until sent or failed. */
@Repository
public class DeliveryRepository {

    private static final String COLUMNS = "id, channel, robot_id, recipient, address, event, subject, body, mentions, state, attempts, next_attempt_at,"
            + " last_error, last_response, created_at, sent_at";

    private final JdbcClient jdbc;

    DeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a message unless one with the same key is queued or sent already; returns whether it was queued. */
    public boolean enqueue(Channel channel, Long robotId, String recipient, String address, NoticeEvent event, String subject, String body,
            List<String> mentions, String dedupeKey) {
        return jdbc.sql("""
                insert into notification_delivery (channel, robot_id, recipient, address, event, subject, body, mentions, dedupe_key)
                values (:c, :r, :who, :a, :e, :s, :b, :m, :k) on conflict (dedupe_key) do nothing""")
                .param("c", channel.name()).param("r", robotId).param("who", recipient).param("a", address).param("e", event.name())
                .param("s", subject).param("b", body).param("m", mentions.toArray(String[]::new)).param("k", dedupeKey).update() == 1;
    }

    /**
     * Claims up to {@code limit} due messages of one channel (of one robot, when given) for {@code lease}: no other
     * sender takes them meanwhile, and a sender that dies leaves them to be taken again when the lease ends.
     */
    public List<Delivery> claim(Channel channel, Long robotId, int limit, Duration lease) {
        if (limit <= 0) {
            return List.of();
        }
        return jdbc.sql("""
                update notification_delivery set locked_until = now() + make_interval(secs => :lease)
                where id in (select id from notification_delivery
                             where state = 'PENDING' and channel = :c and robot_id is not distinct from :r and next_attempt_at <= now()
                               and (locked_until is null or locked_until < now())
                             order by id limit :limit for update skip locked)
                returning\s""" + COLUMNS)
                .param("lease", lease.toSeconds()).param("c", channel.name()).param("r", robotId).param("limit", limit)
                .query(this::map).list().stream().sorted(java.util.Comparator.comparingLong(Delivery::id)).toList();
    }

    /** The robots with messages due now. */
    public List<Long> robotsWithDue() {
        return jdbc.sql("""
                select distinct robot_id from notification_delivery
                where state = 'PENDING' and robot_id is not null and next_attempt_at <= now() and (locked_until is null or locked_until < now())""")
                .query(Long.class).list();
    }

    /** How many messages the robot was sent, or has claimed, within the window (its rate limit counts both). */
    public int usedWithin(long robotId, Duration window) {
        return jdbc.sql("""
                select count(*) from notification_delivery where robot_id = :r
                and ((state = 'SENT' and sent_at > now() - make_interval(secs => :w))
                     or (state = 'PENDING' and locked_until > now()))""")
                .param("r", robotId).param("w", window.toMillis() / 1000.0).query(Integer.class).single();
    }

    public void sent(long id, String response) {
        jdbc.sql("update notification_delivery set state = 'SENT', sent_at = clock_timestamp(), attempts = attempts + 1, locked_until = null,"
                        + " last_response = :resp where id = :id")
                .param("id", id).param("resp", truncate(response)).update();
    }

    /** A failed attempt: tried again after {@code retryIn}, or failed for good when {@code retryIn} is null. */
    public void failed(long id, String error, String response, Duration retryIn) {
        jdbc.sql("""
                update notification_delivery set attempts = attempts + 1, locked_until = null, last_error = :err, last_response = :resp,
                    state = case when :retry::bigint is null then 'FAILED' else 'PENDING' end,
                    next_attempt_at = case when :retry::bigint is null then next_attempt_at else now() + make_interval(secs => :retry::bigint) end
                where id = :id""")
                .param("id", id).param("err", truncate(error)).param("resp", truncate(response))
                .param("retry", retryIn == null ? null : retryIn.toSeconds()).update();
    }

    /** An admin sends a failed message again: it is queued as new, its attempts counted afresh. */
    public int retry(long id) {
        return jdbc.sql("""
                update notification_delivery set state = 'PENDING', attempts = 0, next_attempt_at = now(), locked_until = null
                where id = :id and state = 'FAILED'""").param("id", id).update();
    }

    public List<Delivery> failed(int limit) {
        return jdbc.sql("select " + COLUMNS + " from notification_delivery where state = 'FAILED' order by id desc limit :l")
                .param("l", limit).query(this::map).list();
    }

    public record Counts(long pending, long sent, long failed) {}

    public Counts counts() {
        return jdbc.sql("""
                select count(*) filter (where state = 'PENDING'), count(*) filter (where state = 'SENT'), count(*) filter (where state = 'FAILED')
                from notification_delivery""").query((rs, i) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }

    private Delivery map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        long robot = rs.getLong("robot_id");
        return new Delivery(rs.getLong("id"), Channel.valueOf(rs.getString("channel")), rs.wasNull() ? null : robot, rs.getString("recipient"),
                rs.getString("address"), NoticeEvent.valueOf(rs.getString("event")), rs.getString("subject"), rs.getString("body"),
                Arrays.asList((String[]) rs.getArray("mentions").getArray()), Delivery.State.valueOf(rs.getString("state")), rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"), rs.getString("last_response"),
                rs.getTimestamp("created_at").toInstant(), sent == null ? null : sent.toInstant());
    }
}
