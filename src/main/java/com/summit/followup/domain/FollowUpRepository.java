package com.summit.followup.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class FollowUpRepository {

    private static final String COLUMNS = "f.id, f.opportunity_id, f.channel, f.subject, f.planned_at, f.owner_username, f.created_by, f.created_at,"
            + " f.done_at, f.done_by, f.outcome, f.next_step, f.next_step_on,"
            + " array(select c.contact_id from follow_up_contact c where c.follow_up_id = f.id order by c.contact_id) as contact_ids";

    private final JdbcClient jdbc;

    public FollowUpRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long opportunityId, FollowUpChannel channel, String subject, Instant plannedAt, String owner, String createdBy) {
        return jdbc.sql("""
                insert into follow_up (opportunity_id, channel, subject, planned_at, owner_username, created_by)
                values (:o, :k, :s, :at, :owner, :by) returning id""")
                .param("o", opportunityId).param("k", channel.name()).param("s", subject).param("at", Timestamp.from(plannedAt))
                .param("owner", owner).param("by", createdBy).query(Long.class).single();
    }

    /** What a done follow-up found: what was learnt, the next step and its date. */
    public record Outcome(String learnt, String nextStep, LocalDate nextStepOn) {}

    /** A contact that already happened, recorded afterwards: planned and done at the moment it happened. */
    public long insertDone(long opportunityId, FollowUpChannel channel, String subject, Instant happenedAt, String by, Outcome outcome) {
        return jdbc.sql("""
                insert into follow_up (opportunity_id, channel, subject, planned_at, owner_username, created_by, done_at, done_by, outcome,
                                       next_step, next_step_on)
                values (:o, :k, :s, :at, :by, :by, :at, :by, :learnt, :next, :nextOn) returning id""")
                .param("o", opportunityId).param("k", channel.name()).param("s", subject).param("at", Timestamp.from(happenedAt))
                .param("by", by).param("learnt", outcome.learnt()).param("next", outcome.nextStep()).param("nextOn", outcome.nextStepOn())
                .query(Long.class).single();
    }

    public void addContacts(long followUpId, Collection<Long> contactIds) {
        for (Long contactId : contactIds) {
            jdbc.sql("insert into follow_up_contact (follow_up_id, contact_id) values (:f, :c) on conflict do nothing")
                    .param("f", followUpId).param("c", contactId).update();
        }
    }

    public Optional<FollowUp> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from follow_up f where f.id = :id").param("id", id).query(this::map).optional();
    }

    /** A deal's follow-ups: the open ones by date, then the done ones, newest first. */
    public List<FollowUp> ofOpportunity(long opportunityId) {
        return jdbc.sql("select " + COLUMNS + " from follow_up f where f.opportunity_id = :o"
                        + " order by (f.done_at is not null), case when f.done_at is null then f.planned_at end, f.done_at desc, f.id desc")
                .param("o", opportunityId).query(this::map).list();
    }

    /** Marks a follow-up done with what it found; false when it was done before. */
    public boolean markDone(long id, String by, Outcome outcome) {
        return jdbc.sql("""
                update follow_up set done_at = now(), done_by = :by, outcome = :learnt, next_step = :next, next_step_on = :nextOn
                where id = :id and done_at is null""")
                .param("id", id).param("by", by).param("learnt", outcome.learnt()).param("next", outcome.nextStep())
                .param("nextOn", outcome.nextStepOn()).update() == 1;
    }

    /** Each deal's standing: how many contacts were done, the last one, and the earliest open one (one query for a whole board). */
    public record Standing(long opportunityId, int doneCount, Instant lastDoneAt, FollowUp nextOpen) {}

    public Map<Long, Standing> standings(Collection<Long> opportunityIds) {
        Map<Long, Standing> result = new HashMap<>();
        if (opportunityIds.isEmpty()) {
            return result;
        }
        jdbc.sql("select opportunity_id, count(*) as n, max(done_at) as last from follow_up where done_at is not null and opportunity_id in (:ids)"
                        + " group by opportunity_id")
                .param("ids", opportunityIds).query((rs, i) -> new Standing(rs.getLong("opportunity_id"), rs.getInt("n"),
                        rs.getTimestamp("last").toInstant(), null))
                .list().forEach(s -> result.put(s.opportunityId(), s));
        jdbc.sql("select distinct on (f.opportunity_id) " + COLUMNS + " from follow_up f"
                        + " where f.done_at is null and f.opportunity_id in (:ids) order by f.opportunity_id, f.planned_at")
                .param("ids", opportunityIds).query(this::map).list()
                .forEach(f -> result.merge(f.opportunityId(), new Standing(f.opportunityId(), 0, null, f),
                        (done, open) -> new Standing(done.opportunityId(), done.doneCount(), done.lastDoneAt(), open.nextOpen())));
        return result;
    }

    private FollowUp map(ResultSet rs, int row) throws SQLException {
        Timestamp done = rs.getTimestamp("done_at");
        java.sql.Date nextOn = rs.getDate("next_step_on");
        Long[] contacts = (Long[]) rs.getArray("contact_ids").getArray();
        return new FollowUp(rs.getLong("id"), rs.getLong("opportunity_id"), FollowUpChannel.valueOf(rs.getString("channel")),
                rs.getString("subject"), rs.getTimestamp("planned_at").toInstant(), rs.getString("owner_username"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), done == null ? null : done.toInstant(), rs.getString("done_by"), rs.getString("outcome"),
                rs.getString("next_step"), nextOn == null ? null : nextOn.toLocalDate(), List.of(contacts));
    }
}
