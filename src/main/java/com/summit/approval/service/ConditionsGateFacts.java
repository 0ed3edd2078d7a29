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
}
