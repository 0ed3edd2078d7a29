package com.summit.approval.service;

import com.summit.approval.domain.ApprovalRepository;
import com.summit.opportunity.domain.Stage;
import com.summit.opportunity.service.GateFactSource;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The stage gate's {@code conditionsMet}: every condition the departments approved with is met. */
@Component
class ConditionsGateFacts implements GateFactSource {

    private final ApprovalRepository approvals;

    ConditionsGateFacts(ApprovalRepository approvals) {
        this.approvals = approvals;
    }

    @Override
    public Map<String, Object> factsFor(long opportunityId, Stage stage) {
        return Map.of("conditionsMet", approvals.openConditions(opportunityId) == 0);
    }

    @Override
    public Map<Long, Map<String, Object>> factsFor(Map<Long, Stage> stages) {
        Map<Long, Integer> open = approvals.openConditions(stages.keySet());
        Map<Long, Map<String, Object>> facts = new java.util.HashMap<>();
        stages.keySet().forEach(id -> facts.put(id, Map.of("conditionsMet", open.getOrDefault(id, 0) == 0)));
        return facts;
    }
}
