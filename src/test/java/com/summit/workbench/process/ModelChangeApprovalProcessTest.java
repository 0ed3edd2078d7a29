package com.summit.workbench.process;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Four eyes on a model change, on the real engine: the review is offered to process owners and admins, the decision
 * is recorded by Summit's worker, and the instance ends approved or rejected.
 */
@ZeebeProcessTest
class ModelChangeApprovalProcessTest {

    private static final String USER_TASK = "io.camunda.zeebe:userTask";

    private ZeebeTestEngine engine;
    private ZeebeClient client;

    @BeforeEach
    void deploy() {
        client.newDeployResourceCommand().addResourceFile("bpmn/model-change-approval.bpmn").addResourceFile("forms/model-change-review.form")
                .send().join();
    }

    @Test
    void anotherProcessOwnerApprovesAndTheDecisionIsRecorded() throws Exception {
        ProcessInstanceEvent instance = start(41);
        ActivatedJob review = activate(USER_TASK);
        assertThat(review.getElementId()).isEqualTo(ModelChangeProcess.TASK_REVIEW);
        assertThat(review.getCustomHeaders()).containsEntry("io.camunda.zeebe:candidateGroups", "[\"PROCESS_OWNER\",\"ADMIN\"]");
        // codes only: the task page renders the model, the diff and the checks from the request
        assertThat(review.getVariablesAsMap()).containsEntry("requestId", 41).containsEntry("requestedBy", "zhaomin")
                .doesNotContainKeys("changesText", "checksText");
        complete(review, Map.of("changeDecision", "APPROVE", "completedBy", "admin"));
        ActivatedJob record = activate(ModelChangeProcess.JOB_RECORD_DECISION);
        assertThat(record.getVariablesAsMap()).containsEntry("changeDecision", "APPROVE").containsEntry("completedBy", "admin")
                .containsEntry("requestId", 41);
        complete(record, Map.of());
        engine.waitForIdleState(Duration.ofSeconds(5));
        assertThat(instance).hasPassedElement("EndEvent_Approved").isCompleted();
    }

    @Test
    void aRejectionWithItsReasonEndsTheRequestRejected() throws Exception {
        ProcessInstanceEvent instance = start(42);
        complete(activate(USER_TASK), Map.of("changeDecision", "REJECT", "changeNote", "阈值太高，先和销售总监确认", "completedBy", "admin"));
        ActivatedJob record = activate(ModelChangeProcess.JOB_RECORD_DECISION);
        assertThat(record.getVariablesAsMap()).containsEntry("changeDecision", "REJECT").containsEntry("changeNote", "阈值太高，先和销售总监确认");
        complete(record, Map.of());
        engine.waitForIdleState(Duration.ofSeconds(5));
        assertThat(instance).hasPassedElement("EndEvent_Rejected").hasNotPassedElement("EndEvent_Approved").isCompleted();
    }

    @Test
    void theReviewGivesBackOnlyItsFormsFieldsAndWhoCompletedIt() throws Exception {
        start(43);
        complete(activate(USER_TASK), Map.of("changeDecision", "APPROVE", "completedBy", "admin", "requestId", 1, "requestedBy", "admin"));
        ActivatedJob record = activate(ModelChangeProcess.JOB_RECORD_DECISION);
        assertThat(record.getVariablesAsMap()).containsEntry("requestId", 43).containsEntry("requestedBy", "zhaomin");
        complete(record, Map.of());
    }

    private ProcessInstanceEvent start(long requestId) {
        return client.newCreateInstanceCommand().bpmnProcessId(ModelChangeProcess.PROCESS_ID).latestVersion()
                .variables(Map.of("requestId", requestId, "resourceName", "stage-gate.dmn", "requestedBy", "zhaomin")).send().join();
    }

    private void complete(ActivatedJob job, Map<String, Object> variables) {
        client.newCompleteCommand(job.getKey()).variables(variables).send().join();
    }

    private ActivatedJob activate(String type) throws Exception {
        engine.waitForIdleState(Duration.ofSeconds(5));
        List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType(type).maxJobsToActivate(10)
                .timeout(Duration.ofMinutes(5)).send().join().getJobs();
        assertThat(jobs).as("jobs of type %s", type).hasSize(1);
        return jobs.getFirst();
    }
}
