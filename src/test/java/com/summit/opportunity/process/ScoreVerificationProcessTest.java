package com.summit.opportunity.process;

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

/** The verification of a high scorecard claim: the owner's manager decides, and the verdict is recorded. */
@ZeebeProcessTest
class ScoreVerificationProcessTest {

    private ZeebeTestEngine engine;
    private ZeebeClient client;

    @BeforeEach
    void deploy() {
        client.newDeployResourceCommand().addResourceFile("bpmn/score-verification.bpmn")
                .addResourceFile("forms/score-verification.form").send().join();
    }

    @Test
    void theOwnersManagerVerifiesAndTheVerdictIsRecorded() throws Exception {
        ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(LifecycleProcess.VERIFICATION_PROCESS_ID)
                .latestVersion().variables(Map.of(LifecycleProcess.VAR_VERIFICATION_CHANGE_ID, 17, "verifier", "lina",
                        "scoreElement", "POWER", "previousLevel", 3, "claimedLevel", 4))
                .send().join();

        ActivatedJob task = activateOne("io.camunda.zeebe:userTask");
        assertThat(task.getElementId()).isEqualTo("Task_VerifyScore");
        // the owner's manager, not every manager
        assertThat(task.getCustomHeaders()).containsEntry("io.camunda.zeebe:assignee", "lina")
                .containsKey("io.camunda.zeebe:dueDate").containsKey("io.camunda.zeebe:formKey");
        assertThat(task.getCustomHeaders()).containsEntry("io.camunda.zeebe:candidateGroups", "[\"MANAGER\"]");
        client.newCompleteCommand(task.getKey()).variables(Map.of("verdict", "REJECT", "verdictReason", "没有会议纪要",
                "completedBy", "lina")).send().join();

        ActivatedJob record = activateOne(LifecycleProcess.JOB_DECIDE_SCORE);
        assertThat(record.getVariablesAsMap()).containsEntry(LifecycleProcess.VAR_VERIFICATION_CHANGE_ID, 17)
                .containsEntry("verdict", "REJECT").containsEntry("verdictReason", "没有会议纪要").containsEntry("completedBy", "lina");
        client.newCompleteCommand(record.getKey()).send().join();
        engine.waitForIdleState(Duration.ofSeconds(5));
        assertThat(instance).hasPassedElement("EndEvent_Decided").isCompleted();
    }

    private ActivatedJob activateOne(String type) throws Exception {
        engine.waitForIdleState(Duration.ofSeconds(5));
        List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
                .timeout(Duration.ofMinutes(5)).send().join().getJobs();
        assertThat(jobs).as("a job of type %s is waiting", type).hasSize(1);
        return jobs.getFirst();
    }
}
