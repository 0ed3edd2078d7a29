package com.summit.opportunity.process;

import com.summit.opportunity.service.OpportunityService;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The lifecycle's machine steps besides the stages: stalled, paused and resumed, reassigned, lost. */
@Component
public class LifecycleControlWorker {

    private final OpportunityService opportunities;

    LifecycleControlWorker(OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    @JobWorker(type = LifecycleProcess.JOB_MARK_STALLED)
    public void markStalled(io.camunda.client.api.response.ActivatedJob job, @Variable(name = LifecycleProcess.VAR_OPPORTUNITY_ID) long opportunityId) {
        opportunities.markStalled(opportunityId, job.getKey());
    }

    /**
     * Before the approval: the instance goes on if it runs the deal (it ties itself to a deal no instance holds yet); a
     * stray (a second instance of a start asked twice) is cancelled and asks no department anything. A job handed out
     * again claims again, to the same answer.
     */
    @JobWorker(type = LifecycleProcess.JOB_CLAIM_INSTANCE, autoComplete = false)
    public void claim(io.camunda.client.api.worker.JobClient client, io.camunda.client.api.response.ActivatedJob job,
            @Variable(name = LifecycleProcess.VAR_OPPORTUNITY_ID) long opportunityId) {
        if (opportunities.holdsDeal(opportunityId, job.getProcessInstanceKey())) {
            client.newCompleteCommand(job.getKey()).send().join();
        }
    }

    @JobWorker(type = LifecycleProcess.JOB_RECORD_PAUSED)
    public void paused(@Variable(name = LifecycleProcess.VAR_OPPORTUNITY_ID) long opportunityId) {
        opportunities.recordPaused(opportunityId);
    }

    /** The stall clock starts again with what is left of the stage's target. */
    @JobWorker(type = LifecycleProcess.JOB_RECORD_RESUMED)
    public Map<String, Object> resumed(@Variable(name = LifecycleProcess.VAR_OPPORTUNITY_ID) long opportunityId) {
        return Map.of(LifecycleProcess.VAR_STALL_AFTER, opportunities.recordResumed(opportunityId).toString());
    }

    /** The manager hands a stalled deal to someone else: later tasks go to the new owner. */
    @JobWorker(type = LifecycleProcess.JOB_REASSIGN)
    public Map<String, Object> reassign(@Variable(name = LifecycleProcess.VAR_OPPORTUNITY_ID) long opportunityId,
            @Variable(name = "newOwner") String newOwner) {
        String owner = newOwner == null ? null : newOwner.strip();
        String manager = opportunities.reassign(opportunityId, owner);
        Map<String, Object> out = new HashMap<>();
        out.put(LifecycleProcess.VAR_OWNER, owner);
        out.put(LifecycleProcess.VAR_MANAGER, manager);
        return out;
    }

    /** The manager closes a stalled deal as lost: the same message any user's "lost" sends. */
    @JobWorker(type = LifecycleProcess.JOB_CLOSE_LOST, fetchAllVariables = true)
    public void closeLost(io.camunda.client.api.response.ActivatedJob job) {
        Map<String, Object> v = job.getVariablesAsMap();
        opportunities.publishLost(((Number) v.get(LifecycleProcess.VAR_OPPORTUNITY_ID)).longValue(), (String) v.get(LifecycleProcess.VAR_LOST_REASON),
                (String) v.get(LifecycleProcess.VAR_LOST_NOTE), (String) v.get(LifecycleProcess.VAR_COMPLETED_BY));
    }

    @JobWorker(type = LifecycleProcess.JOB_RECORD_LOST, fetchAllVariables = true)
    public void recordLost(io.camunda.client.api.response.ActivatedJob job) {
        Map<String, Object> v = job.getVariablesAsMap();
        opportunities.recordLost(((Number) v.get(LifecycleProcess.VAR_OPPORTUNITY_ID)).longValue(), (String) v.get(LifecycleProcess.VAR_LOST_REASON),
                (String) v.get(LifecycleProcess.VAR_LOST_NOTE));
    }
}
