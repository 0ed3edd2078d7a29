package com.summit.customer.process;

import com.summit.customer.service.TieringService;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The re-tiering's machine steps: one batch of customers at a time, and applying the manager's answer to a downgrade. */
@Component
public class TieringWorker {

    private final TieringService tiering;
    private final com.summit.customer.service.DowngradeConfirmations confirmations;

    TieringWorker(TieringService tiering, com.summit.customer.service.DowngradeConfirmations confirmations) {
        this.tiering = tiering;
        this.confirmations = confirmations;
    }

    @JobWorker(type = TieringProcess.JOB_RETIER_BATCH, fetchAllVariables = true)
    public Map<String, Object> retierBatch(ActivatedJob job) {
        Map<String, Object> v = job.getVariablesAsMap();
        long afterId = v.get("afterId") instanceof Number n ? n.longValue() : 0L;
        int size = v.get("batchSize") instanceof Number n ? n.intValue() : 500;
        var result = tiering.retierBatch(afterId, size);
        // the batch is committed: each strategic downgrade now waits for its manager in an instance of its own
        if (!result.pending().isEmpty()) {
            confirmations.startPending();
        }
        long evaluated = (v.get("evaluated") instanceof Number n ? n.longValue() : 0L) + result.evaluated();
        long changed = (v.get("changed") instanceof Number n ? n.longValue() : 0L) + result.changed();
        long downgrades = (v.get("downgrades") instanceof Number n ? n.longValue() : 0L) + result.pending().size();
        return Map.of("afterId", result.lastId(), "hasMore", result.hasMore(size), "evaluated", evaluated, "changed", changed,
                "downgrades", downgrades);
    }

    @JobWorker(type = TieringProcess.JOB_APPLY_DOWNGRADE, fetchAllVariables = true)
    public void applyDowngrade(ActivatedJob job) {
        Map<String, Object> v = job.getVariablesAsMap();
        // an instance of the earlier model (a downgrade confirmed inside the re-tiering) carries it as downgrade.changeId
        Object changeId = v.get("changeId") != null ? v.get("changeId")
                : v.get("downgrade") instanceof Map<?, ?> downgrade ? downgrade.get("changeId") : null;
        tiering.decideDowngrade(((Number) changeId).longValue(), "CONFIRM".equals(v.get("downgradeDecision")),
                String.valueOf(v.get("completedBy")), (String) v.get("downgradeNote"));
    }
}
