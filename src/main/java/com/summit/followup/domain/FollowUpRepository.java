package com.summit.followup.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class FollowUpRepository {

    private static final String COLUMNS = "id, opportunity_id, kind, subject, planned_at, owner_username, created_by, created_at, done_at, done_by, outcome";

    private final JdbcClient jdbc;

    public FollowUpRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long opportunityId, FollowUpKind kind, String subject, Instant plannedAt, String owner, String createdBy) {
        return jdbc.sql("""
                insert into follow_up (opportunity_id, kind, subject, planned_at, owner_username, created_by)
                values (:o, :k, :s, :at, :owner, :by) returning id""")
                .param("o", opportunityId).param("k", kind.name()).param("s", subject).param("at", Timestamp.from(plannedAt))
                .param("owner", owner).param("by", createdBy).query(Long.class).single();
    }

    public Optional<FollowUp> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from follow_up where id = :id").param("id", id).query(this::map).optional();
    }

    /** A deal's follow-ups: the open ones by date, then the done ones, newest first. */
    public List<FollowUp> ofOpportunity(long opportunityId) {
        return jdbc.sql("select " + COLUMNS + " from follow_up where opportunity_id = :o"
                        + " order by (done_at is not null), case when done_at is null then planned_at end, done_at desc")
                .param("o", opportunityId).query(this::map).list();
    }

    /** Marks a follow-up done; false when it was done before. */
    public boolean markDone(long id, String by, String outcome) {
        return jdbc.sql("update follow_up set done_at = now(), done_by = :by, outcome = :outcome where id = :id and done_at is null")
                .param("id", id).param("by", by).param("outcome", outcome).update() == 1;
    }

    /** The earliest open follow-up of each of these deals (one query for a whole board). */
    public List<FollowUp> nextOpen(Collection<Long> opportunityIds) {
        if (opportunityIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select distinct on (opportunity_id) " + COLUMNS + " from follow_up"
                        + " where done_at is null and opportunity_id in (:ids) order by opportunity_id, planned_at")
                .param("ids", opportunityIds).query(this::map).list();
    }

    private FollowUp map(ResultSet rs, int row) throws SQLException {
        Timestamp done = rs.getTimestamp("done_at");
        return new FollowUp(rs.getLong("id"), rs.getLong("opportunity_id"), FollowUpKind.valueOf(rs.getString("kind")), rs.getString("subject"),
                rs.getTimestamp("planned_at").toInstant(), rs.getString("owner_username"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), done == null ? null : done.toInstant(), rs.getString("done_by"), rs.getString("outcome"));
    }
}
