package com.summit.opportunity.process;

import com.summit.opportunity.domain.GateResult;
import com.summit.opportunity.domain.Stage;
import com.summit.opportunity.service.GateService;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A stage's exit gate: asks {@link GateService} (the DMN {@code stage-gate}) whether the stage may be left, and
 * hands the process the answer and, if refused, the codes of what is unmet (the task page puts them in words).
 */
@Component
public class StageGateWorker {

    private final GateService gates;
    private final com.summit.engine.EngineEpoch epoch;

    StageGateWorker(GateService gates, com.summit.engine.EngineEpoch epoch) {
        this.gates = gates;
        this.epoch = epoch;
    }

    @JobWorker(type = LifecycleProcess.JOB_EVALUATE_GATE, fetchAllVariables = true)
    public Map<String, Object> evaluate(ActivatedJob job) {
        Stage stage = Stage.valueOf(job.getCustomHeaders().get(LifecycleProcess.HEADER_STAGE));
        Map<String, Object> variables = job.getVariablesAsMap();
        long opportunityId = ((Number) variables.get(LifecycleProcess.VAR_OPPORTUNITY_ID)).longValue();
        Map<String, Object> facts = new HashMap<>();
        GateService.PROCESS_FACTS.forEach(f -> facts.put(f, variables.get(f)));
        GateResult result = gates.evaluate(opportunityId, stage, facts, epoch.value() + ":" + job.getKey());
        Map<String, Object> out = new HashMap<>();
        out.put(LifecycleProcess.VAR_GATE_PASSED, result.passed());
        // codes only: the task page renders what is unmet in the reader's language (OpportunityTaskContext)
        out.put(LifecycleProcess.VAR_GATE_UNMET, result.unmet().stream().map(GateResult.Unmet::condition).toList());
        // a refused request is not asked again by the next "save": the owner ticks the box again when ready
        out.put(LifecycleProcess.VAR_REQUEST_ADVANCE, false);
        return out;
    }
}
