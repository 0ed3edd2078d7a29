package com.summit.approval.process;

import com.summit.approval.service.ApprovalRounds;
import com.summit.approval.service.ApprovalService;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The machine steps of the veto approval: open a round, record a decision, close the round, finish. */
@Component
public class ApprovalWorker {

    private final ApprovalService approvals;
    private final ApprovalRounds rounds;
    private final com.summit.engine.EngineEpoch epoch;

    ApprovalWorker(ApprovalService approvals, ApprovalRounds rounds, com.summit.engine.EngineEpoch epoch) {
        this.rounds = rounds;
        this.approvals = approvals;
        this.epoch = epoch;
    }

    @JobWorker(type = VetoApprovalProcess.JOB_OPEN_ROUND, fetchAllVariables = true)
    public Map<String, Object> openRound(ActivatedJob job) {
        Map<String, Object> v = job.getVariablesAsMap();
        var terms = new ApprovalRounds.Terms(decimal(v.get("amount")), decimal(v.get("marginPercent")), integer(v.get("paymentTermDays")),
                Boolean.TRUE.equals(v.get("nonStandardTerms")));
        Long requestId = v.get("approvalRequestId") instanceof Number n ? n.longValue() : null;
        var opened = rounds.openRound(requestId, ((Number) v.get("opportunityId")).longValue(), String.valueOf(v.get("stage")),
                String.valueOf(v.get("owner")), job.getProcessInstanceKey(), terms, (String) v.get("reworkNote"),
                epoch.value() + ":" + job.getKey());
        List<Map<String, Object>> reviews = opened.reviews().stream().map(r -> {
            Map<String, Object> review = new HashMap<>();
            review.put("reviewId", r.reviewId());
            review.put("department", r.department());
            review.put("level", r.level());
            review.put("group", r.group());
            review.put("due", r.due().toString());
            review.put("escalateAt", r.escalateAt().toString());
            review.put("escalationGroups", r.escalationGroups());
            return review;
        }).toList();
        Map<String, Object> out = new HashMap<>();
        out.put("approvalRequestId", opened.requestId());
        out.put("roundId", opened.roundId());
        out.put("roundNumber", opened.number());
        out.put("reviews", reviews);
        // codes and the reviewers' own words: the task page renders them in the reader's language
        out.put(VetoApprovalProcess.VAR_ROUNDS, approvals.historyVariable(opened.requestId(),
                opened.resumeRework() ? Integer.MAX_VALUE : opened.number()));
        // the terms the departments see: after a restart, those of the round that goes on, not the stage's saved work
        out.put("amount", opened.terms().amount());
        out.put("marginPercent", opened.terms().marginPercent());
        out.put("paymentTermDays", opened.terms().paymentTermDays());
        out.put("nonStandardTerms", opened.terms().nonStandardTerms());
        out.put(VetoApprovalProcess.VAR_RESUME_REWORK, opened.resumeRework());
        // the round keeps its rework note; the next rework starts with an empty one, not this round's
        out.put("reworkNote", null);
        return out;
    }

    @JobWorker(type = VetoApprovalProcess.JOB_RECORD_DECISION, fetchAllVariables = true)
    public void recordDecision(ActivatedJob job) {
        Map<String, Object> v = job.getVariablesAsMap();
        @SuppressWarnings("unchecked")
        Map<String, Object> review = (Map<String, Object>) v.get("review");
        approvals.recordDecision(((Number) review.get("reviewId")).longValue(), (String) v.get("decision"), (String) v.get("reason"),
                (String) v.get("conditions"), (String) v.get("completedBy"));
    }

    @JobWorker(type = VetoApprovalProcess.JOB_REMIND, fetchAllVariables = true)
    public void remind(ActivatedJob job) {
        approvals.remind(reviewId(job), job.getProcessInstanceKey());
    }

    @JobWorker(type = VetoApprovalProcess.JOB_ESCALATE, fetchAllVariables = true)
    public void escalate(ActivatedJob job) {
        approvals.escalate(reviewId(job));
    }

    private static long reviewId(ActivatedJob job) {
        @SuppressWarnings("unchecked")
        Map<String, Object> review = (Map<String, Object>) job.getVariablesAsMap().get("review");
        return ((Number) review.get("reviewId")).longValue();
    }

    @JobWorker(type = VetoApprovalProcess.JOB_CLOSE_ROUND, fetchAllVariables = true)
    public Map<String, Object> closeRound(ActivatedJob job) {
        Map<String, Object> v = job.getVariablesAsMap();
        var closed = approvals.closeRound(((Number) v.get("approvalRequestId")).longValue(), ((Number) v.get("roundId")).longValue());
        Map<String, Object> out = new HashMap<>();
        out.put("roundOutcome", closed.outcome().name());
        out.put(VetoApprovalProcess.VAR_ROUNDS, closed.history());
        out.put("approvalConditions", closed.conditions());
        out.put("priceApproved", closed.financeApproved());
        return out;
    }

    @JobWorker(type = VetoApprovalProcess.JOB_FINISH, fetchAllVariables = true)
    public Map<String, Object> finish(ActivatedJob job) {
        boolean approved = "APPROVED".equals(job.getCustomHeaders().get(VetoApprovalProcess.HEADER_OUTCOME));
        approvals.closeRequest(((Number) job.getVariablesAsMap().get("approvalRequestId")).longValue(), approved);
        return Map.of("vetoApprovalPassed", approved);
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }

    private static Integer integer(Object value) {
        return value instanceof Number n ? n.intValue() : null;
    }
}
