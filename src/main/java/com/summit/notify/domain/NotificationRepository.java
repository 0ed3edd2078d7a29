package com.summit.notify.domain;

import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class NotificationRepository {

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a notification unless this recipient already has one with the same dedupe key; returns whether it did. */
    public boolean insertIfAbsent(String recipient, String kind, String textZh, String textEn, String link, String dedupeKey) {
        return jdbc.sql("""
                insert into notification (recipient, kind, text_zh, text_en, link, dedupe_key)
                values (:r, :k, :zh, :en, :link, :d) on conflict (recipient, dedupe_key) do nothing""")
                .param("r", recipient).param("k", kind).param("zh", textZh).param("en", textEn).param("link", link)
                .param("d", dedupeKey).update() == 1;
    }

    /** The newest notification id of each of these recipients (the live bells ask every few seconds, in one query). */
    public java.util.Map<String, Long> latestIds(java.util.Collection<String> recipients) {
        java.util.Map<String, Long> latest = new java.util.HashMap<>();
        if (!recipients.isEmpty()) {
            jdbc.sql("select recipient, max(id) from notification where recipient in (:r) group by recipient").param("r", recipients)
                    .query(rs -> {
                        latest.put(rs.getString(1), rs.getLong(2));
                    });
        }
        return latest;
    }

    public int unreadCount(String recipient) {
        return jdbc.sql("select count(*) from notification where recipient = :r and read_at is null").param("r", recipient)
                .query(Integer.class).single();
    }

    public List<Notice> recent(String recipient, boolean english, int limit) {
        return jdbc.sql("select id, kind, " + (english ? "text_en" : "text_zh") + " as text, link, created_at, read_at"
                        + " from notification where recipient = :r order by id desc limit :limit")
                .param("r", recipient).param("limit", limit)
                .query((rs, i) -> new Notice(rs.getLong("id"), rs.getString("kind"), rs.getString("text"), rs.getString("link"),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("read_at") != null))
                .list();
    }

    public void markRead(String recipient, long id) {
        jdbc.sql("update notification set read_at = now() where id = :id and recipient = :r and read_at is null")
                .param("id", id).param("r", recipient).update();
    }

    public void markAllRead(String recipient) {
        jdbc.sql("update notification set read_at = now() where recipient = :r and read_at is null").param("r", recipient).update();
    }

    /** For tests and the demo: the kinds a recipient was sent since a moment. */
    public List<String> kindsSince(String recipient, Timestamp since) {
        return jdbc.sql("select kind from notification where recipient = :r and created_at >= :s order by id")
                .param("r", recipient).param("s", since).query(String.class).list();
    }
}
