package com.summit.opportunity.service;

import com.summit.engine.EngineEpoch;
import com.summit.opportunity.domain.OpportunityRepository;
import com.summit.opportunity.domain.ScorecardRepository;
import com.summit.opportunity.process.LifecycleProcess;
import com.summit.engine.InstanceOwnership;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A deal runs in one lifecycle instance and a claim in one verification: the first instance to show a task claims a
 * record that has none (its start's answer was lost), and any other instance is a stray.
 */
@Component
class OpportunityInstanceOwnership implements InstanceOwnership {

    private final OpportunityRepository opportunities;
    private final ScorecardRepository scores;
    private final EngineEpoch epoch;

    OpportunityInstanceOwnership(OpportunityRepository opportunities, ScorecardRepository scores, EngineEpoch epoch) {
        this.opportunities = opportunities;
        this.scores = scores;
        this.epoch = epoch;
    }

    @Override
    public Verdict check(String bpmnProcessId, long processInstanceKey, Map<String, Object> variables) {
        if (LifecycleProcess.PROCESS_ID.equals(bpmnProcessId) && variables.get(LifecycleProcess.VAR_OPPORTUNITY_ID) instanceof Number id) {
            if (opportunities.findById(id.longValue()).isEmpty()) {
                return Verdict.NOT_MINE;
            }
            return opportunities.claimInstance(id.longValue(), processInstanceKey, epoch.value()) ? Verdict.CURRENT : Verdict.STRAY;
        }
        if (LifecycleProcess.VERIFICATION_PROCESS_ID.equals(bpmnProcessId)
                && variables.get(LifecycleProcess.VAR_VERIFICATION_CHANGE_ID) instanceof Number change) {
            if (scores.change(change.longValue()).isEmpty()) {
                return Verdict.NOT_MINE;
            }
            return scores.claimVerification(change.longValue(), processInstanceKey, epoch.value()) ? Verdict.CURRENT : Verdict.STRAY;
        }
        return Verdict.NOT_MINE;
    }
}
