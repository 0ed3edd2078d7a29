package com.summit.notify.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RobotRepository {

    private static final String COLUMNS = "id, kind, name, token, secret, events, enabled, created_by, created_at";

    private final JdbcClient jdbc;

    RobotRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(Channel kind, String name, String token, String secret, Set<NoticeEvent> events, String by) {
        return jdbc.sql("""
                insert into notification_robot (kind, name, token, secret, events, created_by) values (:k, :n, :t, :s, :e, :by) returning id""")
                .param("k", kind.name()).param("n", name).param("t", token).param("s", secret).param("e", names(events)).param("by", by)
                .query(Long.class).single();
    }

    public void update(long id, String name, Set<NoticeEvent> events, boolean enabled) {
        jdbc.sql("update notification_robot set name = :n, events = :e, enabled = :on where id = :id").param("id", id).param("n", name)
                .param("e", names(events)).param("on", enabled).update();
    }

    public int delete(long id) {
        return jdbc.sql("delete from notification_robot where id = :id").param("id", id).update();
    }

    public List<Robot> all() {
        return jdbc.sql("select " + COLUMNS + " from notification_robot order by id").query(this::map).list();
    }

    public Optional<Robot> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from notification_robot where id = :id").param("id", id).query(this::map).optional();
    }

    /** Serialises the claims of one robot's messages across replicas (its rate limit is counted inside the lock). */
    public void lock(long id) {
        jdbc.sql("select id from notification_robot where id = :id for update").param("id", id).query(Long.class).optional();
    }

    private static String[] names(Set<NoticeEvent> events) {
        return events.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    private Robot map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String[] events = (String[]) rs.getArray("events").getArray();
        return new Robot(rs.getLong("id"), Channel.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("token"), rs.getString("secret"),
                Arrays.stream(events).map(NoticeEvent::valueOf).collect(Collectors.toSet()), rs.getBoolean("enabled"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}
