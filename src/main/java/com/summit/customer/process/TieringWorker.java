package com.summit.customer.process;

import com.summit.customer.service.TieringService;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The re-tiering's machine steps: one batch of customers at a time, and applying the manager's answer to a downgrade. */
@Component
public class TieringWorker {

    private final TieringService tiering;

    TieringWorker(TieringService tiering) {
        this.tiering = tiering;
    }

    @JobWorker(type = TieringProcess.JOB_RETIER_BATCH, fetchAllVariables = true)
    public Map<String, Object> retierBatch(ActivatedJob job) {
        Map<String, Object> v = job.getVariablesAsMap();
        long afterId = v.get("afterId") instanceof Number n ? n.longValue() : 0L;
        int size = v.get("batchSize") instanceof Number n ? n.intValue() : 500;
        var result = tiering.retierBatch(afterId, size);
        List<Object> pending = new ArrayList<>(v.get("pendingDowngrades") instanceof List<?> l ? l : List.of());
        result.pending().forEach(p -> pending.add(p.asVariables()));
        long evaluated = (v.get("evaluated") instanceof Number n ? n.longValue() : 0L) + result.evaluated();
        long changed = (v.get("changed") instanceof Number n ? n.longValue() : 0L) + result.changed();
        return Map.of("afterId", result.lastId(), "hasMore", result.hasMore(size), "pendingDowngrades", pending, "evaluated", evaluated,
                "changed", changed);
    }

    @JobWorker(type = TieringProcess.JOB_APPLY_DOWNGRADE, fetchAllVariables = true)
    public void applyDowngrade(ActivatedJob job) {
        Map<String, Object> v = job.getVariablesAsMap();
        @SuppressWarnings("unchecked")
        Map<String, Object> downgrade = (Map<String, Object>) v.get("downgrade");
        tiering.decideDowngrade(((Number) downgrade.get("changeId")).longValue(), "CONFIRM".equals(v.get("downgradeDecision")),
                String.valueOf(v.get("completedBy")), (String) v.get("downgradeNote"));
    }
}
