package com.summit.workbench.process;

import com.summit.workbench.service.ModelChanges;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/** Records the reviewer's decision on a model change; a decision recorded before is the same answer again. */
@Component
public class ModelChangeWorker {

    private final ModelChanges changes;

    ModelChangeWorker(ModelChanges changes) {
        this.changes = changes;
    }

    @JobWorker(type = ModelChangeProcess.JOB_RECORD_DECISION)
    public void recordDecision(@Variable(name = "requestId") long requestId, @Variable(name = "changeDecision") String changeDecision,
            @Variable(name = "changeNote") String changeNote, @Variable(name = "completedBy") String completedBy) {
        changes.recordDecision(requestId, "APPROVE".equals(changeDecision), completedBy, changeNote);
    }
}
