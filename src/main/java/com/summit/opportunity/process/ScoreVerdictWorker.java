package com.summit.opportunity.process;

import com.summit.opportunity.service.ScorecardService;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Applies the manager's verdict on a scorecard claim: confirmed, the level stays; rejected, it falls back. */
@Component
public class ScoreVerdictWorker {

    private final ScorecardService scorecards;

    ScoreVerdictWorker(ScorecardService scorecards) {
        this.scorecards = scorecards;
    }

    @JobWorker(type = LifecycleProcess.JOB_DECIDE_SCORE)
    public Map<String, Object> decide(@Variable(name = LifecycleProcess.VAR_VERIFICATION_CHANGE_ID) long changeId,
            @Variable(name = LifecycleProcess.VAR_VERDICT) String verdict,
            @Variable(name = LifecycleProcess.VAR_VERDICT_REASON) String reason,
            @Variable(name = LifecycleProcess.VAR_COMPLETED_BY) String manager) {
        var change = scorecards.decide(changeId, "CONFIRM".equals(verdict), reason, manager);
        return Map.of("scoreStatus", change.status().name());
    }
}
