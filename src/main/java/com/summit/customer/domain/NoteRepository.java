package com.summit.customer.domain;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notes on a customer: kept as written, newest first. */
@Repository
public class NoteRepository {

    /** A note: who wrote what, when. */
    public record Note(long id, long customerId, String body, String author, Instant createdAt) {}

    private final JdbcClient jdbc;

    NoteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long customerId, String body, String author) {
        return jdbc.sql("insert into customer_note (customer_id, body, author) values (:c, :b, :a) returning id")
                .param("c", customerId).param("b", body).param("a", author).query(Long.class).single();
    }

    public List<Note> of(long customerId, int limit) {
        return jdbc.sql("select id, customer_id, body, author, created_at from customer_note where customer_id = :c order by id desc limit :l")
                .param("c", customerId).param("l", limit)
                .query((rs, n) -> new Note(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
    }
}
