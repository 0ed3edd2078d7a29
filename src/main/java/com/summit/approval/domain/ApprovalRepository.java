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
            d.decision, d.reason, d.conditions, d.decided_by, d.decided_at, v.reminded_at, v.escalated_at, v.escalation_group""";
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

    /** A round opened by a job, with its reviews, if that job opened one before. */
    public record OpenedRound(long requestId, long roundId, int number, List<OpenedReview> reviews) {}

    public record OpenedReview(long id, String department, String level, String group, Instant dueAt, Instant escalateAt,
            String escalationGroup) {}

    /** The deal's latest human step, as "process/element" (any state: the task list keeps ended ones). */
    public Optional<String> latestStepOf(long opportunityId) {
        return jdbc.sql("select bpmn_process_id || '/' || element_id from human_task where opportunity_id = :o order by id desc limit 1")
                .param("o", opportunityId).query(String.class).optional();
    }

    public Optional<OpenedRound> roundOpenedBy(String job) {
        return jdbc.sql("select id, request_id, number from approval_round where opened_by_job = :job").param("job", job)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).optional()
                .map(r -> new OpenedRound(r[1], r[0], (int) r[2], jdbc.sql("""
                        select id, department, level, candidate_group, due_at, escalate_at, escalation_group
                          from approval_review where round_id = :round order by id""")
                        .param("round", r[0])
                        .query((rs, n) -> new OpenedReview(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                                rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getString(7)))
                        .list()));
    }

    public Optional<Instant> escalateAt(long reviewId) {
        return jdbc.sql("select escalate_at from approval_review where id = :id and escalate_at is not null").param("id", reviewId)
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
    }

    public void markOpenedBy(long roundId, String job) {
        jdbc.sql("update approval_round set opened_by_job = :job where id = :id").param("id", roundId).param("job", job).update();
    }

    public long insertReview(long roundId, String department, String level, String group, Instant dueAt, Instant escalateAt,
            String escalationGroup) {
        return jdbc.sql("""
                insert into approval_review (round_id, department, level, candidate_group, due_at, escalate_at, escalation_group)
                values (:r, :d, :l, :g, :due, :esc, :escGroup) returning id""")
                .param("r", roundId).param("d", department).param("l", level).param("g", group)
                .param("due", dueAt == null ? null : Timestamp.from(dueAt))
                .param("esc", escalateAt == null ? null : Timestamp.from(escalateAt)).param("escGroup", escalationGroup)
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

    /** Notes that the reviewer was reminded of an overdue review; false when they were before. */
    public boolean markReminded(long reviewId) {
        return jdbc.sql("update approval_review set reminded_at = now() where id = :id and reminded_at is null").param("id", reviewId).update() == 1;
    }

    /** Notes that the review went to the department head's group; false when it did before. */
    public boolean markEscalated(long reviewId) {
        return jdbc.sql("update approval_review set escalated_at = now() where id = :id and escalated_at is null").param("id", reviewId).update() == 1;
    }

    public Optional<Long> requestOfReview(long reviewId) {
        return jdbc.sql("select r.request_id from approval_review v join approval_round r on r.id = v.round_id where v.id = :id")
                .param("id", reviewId).query(Long.class).optional();
    }

    public record ApprovalRequestRow(long id, long opportunityId, String stage, String status, Instant createdAt) {}

    public Optional<ApprovalRequestRow> request(long requestId) {
        return jdbc.sql("select id, opportunity_id, stage, status, created_at from approval_request where id = :id").param("id", requestId)
                .query((rs, n) -> new ApprovalRequestRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()))
                .optional();
    }

    /** Reviews not yet decided in running rounds that any of these groups may decide (the department queue). */
    public List<Long> pendingReviewRequests(java.util.Collection<String> groups) {
        if (groups.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select distinct r.request_id from approval_review v join approval_round r on r.id = v.round_id
                left join approval_decision d on d.review_id = v.id
                where r.outcome = 'RUNNING' and d.id is null
                  and (v.candidate_group in (:g) or (v.escalated_at is not null and v.escalation_group in (:g)))""")
                .param("g", groups).query(Long.class).list();
    }

    /** Requests whose reviews these groups decided, newest first (the queue's "decided" list). */
    public List<Long> decidedReviewRequests(java.util.Collection<String> groups, int limit) {
        if (groups.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select r.request_id from approval_review v join approval_round r on r.id = v.round_id
                join approval_decision d on d.review_id = v.id
                where v.candidate_group in (:g) or (v.escalated_at is not null and v.escalation_group in (:g))
                group by r.request_id order by max(d.decided_at) desc limit :limit""")
                .param("g", groups).param("limit", limit).query(Long.class).list();
    }

    // --- the conditions checklist of the contract stage ---

    /** Adds a decided review's conditions to the deal's checklist (once per review). */
    public void insertCondition(long opportunityId, long reviewId, String department, String text) {
        jdbc.sql("""
                insert into approval_condition (opportunity_id, review_id, department, text) values (:o, :v, :d, :t)
                on conflict (review_id) do nothing""")
                .param("o", opportunityId).param("v", reviewId).param("d", department).param("t", text).update();
    }

    public List<ApprovalCondition> conditions(long opportunityId) {
        return jdbc.sql("select id, opportunity_id, review_id, department, text, met_at, met_by, met_note from approval_condition where opportunity_id = :o order by id")
                .param("o", opportunityId)
                .query((rs, n) -> new ApprovalCondition(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8)))
                .list();
    }

    public boolean markConditionMet(long conditionId, long opportunityId, String by, String note) {
        return jdbc.sql("update approval_condition set met_at = now(), met_by = :by, met_note = :note where id = :id and opportunity_id = :o and met_at is null")
                .param("id", conditionId).param("o", opportunityId).param("by", by).param("note", note).update() == 1;
    }

    public int openConditions(long opportunityId) {
        return jdbc.sql("select count(*) from approval_condition where opportunity_id = :o and met_at is null").param("o", opportunityId)
                .query(Integer.class).single();
    }

    /** The number of conditions not met yet, of every opportunity among these that has any. */
    public java.util.Map<Long, Integer> openConditions(java.util.Collection<Long> opportunityIds) {
        java.util.Map<Long, Integer> open = new java.util.HashMap<>();
        jdbc.sql("select opportunity_id, count(*) from approval_condition where met_at is null and opportunity_id = any(:ids) group by 1")
                .param("ids", opportunityIds.toArray(Long[]::new)).query(rs -> {
                    open.put(rs.getLong(1), rs.getInt(2));
                });
        return open;
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

    /** A round under way, with the terms it was submitted on: what the route decided it from. */
    public record RunningRound(long requestId, long roundId, long opportunityId, String stage, BigDecimal amount, BigDecimal marginPercent,
            Integer paymentTermDays, boolean nonStandardTerms) {}

    /** Every round under way of an open request, oldest first. */
    public List<RunningRound> runningRounds() {
        return jdbc.sql("""
                select q.id, r.id, q.opportunity_id, q.stage, r.amount, r.margin_percent, r.payment_term_days, r.non_standard_terms
                from approval_round r join approval_request q on q.id = r.request_id
                where r.outcome = 'RUNNING' and q.status = 'OPEN' order by r.id""")
                .query((rs, n) -> new RunningRound(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getBigDecimal(5),
                        rs.getBigDecimal(6), (Integer) rs.getObject(7), rs.getBoolean(8)))
                .list();
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
                rs.getString(10), rs.getString(11), decided == null ? null : decided.toInstant(), instant(rs.getTimestamp(13)),
                instant(rs.getTimestamp(14)), rs.getString(15));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
