package com.summit.opportunity.process;

import com.summit.opportunity.domain.Stage;
import com.summit.opportunity.service.OpportunityService;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;

/** Writes a stage's result to PostgreSQL and moves the opportunity on; the stage comes from the task header. */
@org.springframework.stereotype.Component
public class RecordStageWorker {

    private final OpportunityService opportunities;

    RecordStageWorker(OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    @JobWorker(type = LifecycleProcess.JOB_RECORD_STAGE, fetchAllVariables = true)
    public Map<String, Object> record(ActivatedJob job) {
        Stage stage = Stage.valueOf(job.getCustomHeaders().get(LifecycleProcess.HEADER_STAGE));
        Map<String, Object> variables = job.getVariablesAsMap();
        long opportunityId = ((Number) variables.get(LifecycleProcess.VAR_OPPORTUNITY_ID)).longValue();
        String completedBy = (String) variables.get(LifecycleProcess.VAR_COMPLETED_BY);
        // the record is what the stage's form took, not whatever else the instance carries
        var updated = opportunities.recordStageResult(opportunityId, stage, completedBy);
        // the next stage starts afresh: its own stall clock, no advance requested, no findings of the last gate
        return Map.of(LifecycleProcess.VAR_STAGE, updated.stage().name(),
                LifecycleProcess.VAR_STALL_AFTER, opportunities.stallAfter(updated).toString(),
                LifecycleProcess.VAR_REQUEST_ADVANCE, false,
                LifecycleProcess.VAR_GATE_FINDINGS, "");
    }
}
