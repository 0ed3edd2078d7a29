package com.summit.followup.process;

import com.summit.followup.service.FollowUpCadences;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The cadence's machine steps: work out the next due date, remind the owner, tell the manager. Each reads the deal's
 * follow-ups again, so a retried job, or a change whose message was lost, reminds nobody twice or wrongly.
 */
@Component
public class CadenceWorker {

    private final FollowUpCadences cadences;

    CadenceWorker(FollowUpCadences cadences) {
        this.cadences = cadences;
    }

    @JobWorker(type = CadenceProcess.JOB_NEXT_DUE, fetchVariables = {CadenceProcess.VAR_OPPORTUNITY_ID, CadenceProcess.VAR_HANDLED_FOR})
    public Map<String, Object> nextDue(ActivatedJob job) {
        Map<String, Object> v = job.getVariablesAsMap();
        FollowUpCadences.Next next = cadences.next(opportunityId(v), job.getProcessInstanceKey(), date(v.get(CadenceProcess.VAR_HANDLED_FOR)));
        Map<String, Object> out = new HashMap<>();
        out.put(CadenceProcess.VAR_STATE, next.state().name());
        if (next.state() == FollowUpCadences.State.WAIT) {
            out.put(CadenceProcess.VAR_DUE_ON, next.dueOn().toString());
            out.put(CadenceProcess.VAR_REMIND_AT, next.remindAt().toString());
            out.put(CadenceProcess.VAR_ESCALATE_AT, next.escalateAt().toString());
            out.put(CadenceProcess.VAR_OWNER, next.owner());
            out.put(CadenceProcess.VAR_MANAGER, next.manager());
        }
        return out;
    }

    @JobWorker(type = CadenceProcess.JOB_REMIND, fetchVariables = {CadenceProcess.VAR_OPPORTUNITY_ID, CadenceProcess.VAR_DUE_ON,
            CadenceProcess.VAR_HANDLED_FOR})
    public Map<String, Object> remind(ActivatedJob job) {
        Map<String, Object> v = job.getVariablesAsMap();
        boolean reminded = cadences.remind(opportunityId(v), date(v.get(CadenceProcess.VAR_DUE_ON)), date(v.get(CadenceProcess.VAR_HANDLED_FOR)));
        return Map.of(CadenceProcess.VAR_REMINDED, reminded);
    }

    @JobWorker(type = CadenceProcess.JOB_ESCALATE, fetchVariables = {CadenceProcess.VAR_OPPORTUNITY_ID, CadenceProcess.VAR_DUE_ON,
            CadenceProcess.VAR_HANDLED_FOR})
    public Map<String, Object> escalate(ActivatedJob job) {
        Map<String, Object> v = job.getVariablesAsMap();
        boolean escalated = cadences.escalate(opportunityId(v), date(v.get(CadenceProcess.VAR_DUE_ON)), date(v.get(CadenceProcess.VAR_HANDLED_FOR)));
        return Map.of(CadenceProcess.VAR_ESCALATED, escalated);
    }

    private static long opportunityId(Map<String, Object> v) {
        return ((Number) v.get(CadenceProcess.VAR_OPPORTUNITY_ID)).longValue();
    }

    private static LocalDate date(Object value) {
        return value instanceof String s && !s.isBlank() ? LocalDate.parse(s) : null;
    }
}
