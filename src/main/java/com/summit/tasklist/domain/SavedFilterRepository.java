package com.summit.tasklist.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SavedFilterRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    SavedFilterRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Saves a filter, replacing the owner's filter of the same name. */
    public void save(String owner, String name, String team, TaskQuery query) {
        jdbc.sql("""
                insert into saved_filter (owner, name, team, query) values (:o, :n, :t, cast(:q as jsonb))
                on conflict (owner, name) do update set team = excluded.team, query = excluded.query""")
                .param("o", owner).param("n", name).param("t", team).param("q", write(query)).update();
    }

    /** The user's own filters and those shared with their team. */
    public List<SavedFilter> visibleTo(String username, String team) {
        return jdbc.sql("""
                select id, owner, name, team, query::text from saved_filter
                where owner = :u or (team is not null and team = :t) order by owner = :u desc, name""")
                .param("u", username).param("t", team)
                .query((rs, n) -> new SavedFilter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), read(rs.getString(5))))
                .list();
    }

    public int delete(long id, String owner) {
        return jdbc.sql("delete from saved_filter where id = :id and owner = :o").param("id", id).param("o", owner).update();
    }

    private String write(TaskQuery query) {
        try {
            return json.writeValueAsString(query);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private TaskQuery read(String text) {
        try {
            return json.readValue(text, TaskQuery.class);
        } catch (JsonProcessingException e) {
            return TaskQuery.inbox();
        }
    }
}
