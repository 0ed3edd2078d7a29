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

    /** The oldest entries, locked for this transaction; other replicas skip them. */
    public List<Entry> lockBatch(int size) {
        return jdbc.sql("select id, entity_type, entity_id from search_outbox order by id limit :n for update skip locked")
                .param("n", size)
                .query((rs, n) -> new Entry(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    public void delete(List<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("delete from search_outbox where id in (:ids)").param("ids", ids).update();
        }
    }

    public void recordFailure(List<Long> ids, String error) {
        if (!ids.isEmpty()) {
            jdbc.sql("update search_outbox set attempts = attempts + 1, last_error = :e where id in (:ids)")
                    .param("ids", ids).param("e", error.length() > 1000 ? error.substring(0, 1000) : error).update();
        }
    }

    public long pending() {
        return jdbc.sql("select count(*) from search_outbox").query(Long.class).single();
    }
}
