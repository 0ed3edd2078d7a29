package com.summit.notify.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each user's choices where they differ from the defaults: per event, per channel, on or off. */
@Repository
public class PreferenceRepository {

    private final JdbcClient jdbc;

    PreferenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Choice(NoticeEvent event, Channel channel) {}

    public Map<Choice, Boolean> of(String username) {
        Map<Choice, Boolean> choices = new HashMap<>();
        jdbc.sql("select event, channel, enabled from notification_preference where username = :u").param("u", username)
                .query(rs -> {
                    choices.put(new Choice(NoticeEvent.valueOf(rs.getString(1)), Channel.valueOf(rs.getString(2))), rs.getBoolean(3));
                });
        return choices;
    }

    /** The choices of many users for one event: username → channel → on/off (only those they set). */
    public Map<String, Map<Channel, Boolean>> forEvent(Collection<String> usernames, NoticeEvent event) {
        Map<String, Map<Channel, Boolean>> result = new HashMap<>();
        if (!usernames.isEmpty()) {
            jdbc.sql("select username, channel, enabled from notification_preference where event = :e and username in (:u)")
                    .param("e", event.name()).param("u", usernames)
                    .query(rs -> {
                        result.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(Channel.valueOf(rs.getString(2)), rs.getBoolean(3));
                    });
        }
        return result;
    }

    public void set(String username, NoticeEvent event, Channel channel, boolean enabled) {
        jdbc.sql("""
                insert into notification_preference (username, event, channel, enabled) values (:u, :e, :c, :on)
                on conflict (username, event, channel) do update set enabled = :on""")
                .param("u", username).param("e", event.name()).param("c", channel.name()).param("on", enabled).update();
    }
}
