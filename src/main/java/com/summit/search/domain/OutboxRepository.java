package com.summit.search.domain;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class OutboxRepository {

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Entry(long id, String entityType, long entityId) {}

    public void add(String entityType, long entityId) {
        jdbc.sql("insert into search_outbox (entity_type, entity_id) values (:t, :id)")
                .param("t", entityType).param("id", entityId).update();
    }

    /** The oldest entries that are due (not set aside, or whose next attempt has come), locked for this transaction; other replicas skip them. */
    public List<Entry> lockBatch(int size) {
        return jdbc.sql("""
                select id, entity_type, entity_id from search_outbox
                where next_attempt_at is null or next_attempt_at <= now()
                order by id limit :n for update skip locked""")
                .param("n", size)
                .query((rs, n) -> new Entry(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    public void delete(List<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("delete from search_outbox where id in (:ids)").param("ids", ids).update();
        }
    }

    /**
     * Sets entries aside after Elasticsearch rejected their document: the error is kept and the next attempt waits
     * 10 s, doubled with each attempt, at most an hour.
     */
    public void setAside(List<Long> ids, String error) {
        if (!ids.isEmpty()) {
            String e = error == null ? "?" : error;
            jdbc.sql("""
                    update search_outbox set attempts = attempts + 1, last_error = :e,
                        next_attempt_at = now() + least(interval '1 hour', interval '10 seconds' * power(2, least(attempts, 12)))
                    where id in (:ids)""")
                    .param("ids", ids).param("e", e.length() > 1000 ? e.substring(0, 1000) : e).update();
        }
    }

    /** An entry set aside after a rejection, as admins see it. */
    public record SetAside(long id, String entityType, long entityId, int attempts, String lastError, java.time.Instant nextAttemptAt,
            java.time.Instant createdAt) {}

    public List<SetAside> setAside(int limit) {
        return jdbc.sql("""
                select id, entity_type, entity_id, attempts, last_error, next_attempt_at, created_at from search_outbox
                where next_attempt_at is not null order by id limit :n""")
                .param("n", limit)
                .query((rs, n) -> new SetAside(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant()))
                .list();
    }

    /** Drops the set-aside entries (a rebuild queues every record afresh). */
    public int deleteSetAside() {
        return jdbc.sql("delete from search_outbox where next_attempt_at is not null").update();
    }

    public long countSetAside() {
        return jdbc.sql("select count(*) from search_outbox where next_attempt_at is not null").query(Long.class).single();
    }

    /** Makes set-aside entries due now (all of them when {@code id} is null); returns how many. */
    public int retryNow(Long id) {
        return jdbc.sql("update search_outbox set next_attempt_at = now() where next_attempt_at is not null and (cast(:id as bigint) is null or id = :id)")
                .param("id", id).update();
    }

    public long pending() {
        return jdbc.sql("select count(*) from search_outbox").query(Long.class).single();
    }
}
