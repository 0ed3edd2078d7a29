package com.summit.approval.domain;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ApprovalRepository {

    private static final String REVIEW_COLUMNS = """
            v.id, v.round_id, r.number, v.department, v.level, v.candidate_group, v.due_at,
            d.decision, d.reason, d.conditions, d.decided_by, d.decided_at""";
    private static final String REVIEW_FROM = " from approval_review v join approval_round r on r.id = v.round_id"
            + " left join approval_decision d on d.review_id = v.id";

    private final JdbcClient jdbc;

    ApprovalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insertRequest(long opportunityId, String stage, String requestedBy, Long processInstanceKey) {
        return jdbc.sql("""
                insert into approval_request (opportunity_id, stage, status, requested_by, process_instance_key)
                values (:o, :s, 'OPEN', :by, :pi) returning id""")
                .param("o", opportunityId).param("s", stage).param("by", requestedBy).param("pi", processInstanceKey)
                .query(Long.class).single();
    }

    /** The request of this stage still open (its process was ended by a pause, a loss or a restart). */
    public Optional<Long> openRequest(long opportunityId, String stage) {
        return jdbc.sql("select id from approval_request where opportunity_id = :o and stage = :s and status = 'OPEN' order by id desc limit 1")
                .param("o", opportunityId).param("s", stage).query(Long.class).optional();
    }

    /** Rounds left running by a process that ended without them: closed, without an outcome of their own. */
    public void endRunningRounds(long requestId) {
        jdbc.sql("update approval_round set outcome = 'VETOED', ended_at = now(), rework_note = coalesce(rework_note, '') || ' [中断]' where request_id = :r and outcome = 'RUNNING'")
                .param("r", requestId).update();
    }

    public void closeRequest(long requestId, String status) {
        jdbc.sql("update approval_request set status = :s, closed_at = now() where id = :id and status = 'OPEN'")
                .param("id", requestId).param("s", status).update();
    }

    public Optional<Long> opportunityOf(long requestId) {
        return jdbc.sql("select opportunity_id from approval_request where id = :id").param("id", requestId).query(Long.class).optional();
    }

    public int nextRoundNumber(long requestId) {
        return jdbc.sql("select coalesce(max(number), 0) + 1 from approval_round where request_id = :r").param("r", requestId)
                .query(Integer.class).single();
    }

    public long insertRound(long requestId, int number, BigDecimal amount, BigDecimal margin, Integer paymentTermDays,
            boolean nonStandardTerms, String reworkNote) {
        return jdbc.sql("""
                insert into approval_round (request_id, number, outcome, amount, margin_percent, payment_term_days, non_standard_terms, rework_note)
                values (:r, :n, 'RUNNING', :amount, :margin, :days, :nonStandard, :note) returning id""")
                .param("r", requestId).param("n", number).param("amount", amount).param("margin", margin)
                .param("days", paymentTermDays).param("nonStandard", nonStandardTerms).param("note", reworkNote)
                .query(Long.class).single();
    }

    public long insertReview(long roundId, String department, String level, String group, Instant dueAt) {
        return jdbc.sql("""
                insert into approval_review (round_id, department, level, candidate_group, due_at)
                values (:r, :d, :l, :g, :due) returning id""")
                .param("r", roundId).param("d", department).param("l", level).param("g", group)
                .param("due", dueAt == null ? null : Timestamp.from(dueAt))
                .query(Long.class).single();
    }

    /** Records a decision once; false when the review was decided before (the first decision stands). */
    public boolean insertDecision(long reviewId, Decision decision, String reason, String conditions, String by) {
        return jdbc.sql("""
                insert into approval_decision (review_id, decision, reason, conditions, decided_by)
                values (:v, :d, :reason, :conditions, :by) on conflict (review_id) do nothing""")
                .param("v", reviewId).param("d", decision.name()).param("reason", reason).param("conditions", conditions)
                .param("by", by).update() == 1;
    }

    public void endRound(long roundId, ApprovalRound.Outcome outcome) {
        jdbc.sql("update approval_round set outcome = :o, ended_at = now() where id = :id and outcome = 'RUNNING'")
                .param("id", roundId).param("o", outcome.name()).update();
    }

    public Optional<ApprovalReview> review(long reviewId) {
        return jdbc.sql("select " + REVIEW_COLUMNS + REVIEW_FROM + " where v.id = :id").param("id", reviewId).query(this::mapReview).optional();
    }

    public List<ApprovalRound> rounds(long requestId) {
        List<ApprovalReview> reviews = jdbc.sql("select " + REVIEW_COLUMNS + REVIEW_FROM + " where r.request_id = :r order by r.number, v.id")
                .param("r", requestId).query(this::mapReview).list();
        return jdbc.sql("""
                select id, request_id, number, outcome, amount, margin_percent, payment_term_days, non_standard_terms, rework_note,
                    started_at, ended_at from approval_round where request_id = :r order by number""")
                .param("r", requestId)
                .query((rs, n) -> roundOf(rs, reviews))
                .list();
    }

    private static ApprovalRound roundOf(ResultSet rs, List<ApprovalReview> reviews) throws SQLException {
        long id = rs.getLong(1);
        return new ApprovalRound(id, rs.getLong(2), rs.getInt(3), ApprovalRound.Outcome.valueOf(rs.getString(4)),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), (Integer) rs.getObject(7), rs.getBoolean(8), rs.getString(9),
                        rs.getTimestamp(10).toInstant(), rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant(),
                        reviews.stream().filter(v -> v.roundId() == id).toList());
    }

    public List<Long> requestsOf(long opportunityId) {
        return jdbc.sql("select id from approval_request where opportunity_id = :o order by id").param("o", opportunityId)
                .query(Long.class).list();
    }

    private ApprovalReview mapReview(ResultSet rs, int row) throws SQLException {
        String decision = rs.getString(8);
        Timestamp due = rs.getTimestamp(7);
        Timestamp decided = rs.getTimestamp(12);
        return new ApprovalReview(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6),
                due == null ? null : due.toInstant(), decision == null ? null : Decision.valueOf(decision), rs.getString(9),
                rs.getString(10), rs.getString(11), decided == null ? null : decided.toInstant());
    }
}
