package com.summit.customer.process;

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
 * A strategic customer's downgrade on the real engine, one instance per customer: the owner's manager confirms it, or
 * keeps the customer strategic with a reason; the apply step gets the answer and its own customer only.
 */
@ZeebeProcessTest
class CustomerDowngradeProcessTest {

    private static final String USER_TASK = "io.camunda.zeebe:userTask";

    private ZeebeTestEngine engine;
    private ZeebeClient client;

    @BeforeEach
    void deploy() {
        client.newDeployResourceCommand().addResourceFile("bpmn/customer-downgrade.bpmn").addResourceFile("forms/customer-downgrade.form")
                .send().join();
    }

    @Test
    void theManagerConfirmsTheDowngradeAndTheNewTierIsApplied() throws Exception {
        ProcessInstanceEvent instance = start(71, "lina");
        ActivatedJob confirm = activate(USER_TASK).getFirst();
        assertThat(confirm.getElementId()).isEqualTo(TieringProcess.TASK_CONFIRM_DOWNGRADE);
        assertThat(confirm.getCustomHeaders()).containsEntry("io.camunda.zeebe:assignee", "lina");
        assertThat(confirm.getVariablesAsMap()).containsEntry("customerName", "华东家电集团有限公司")
                .containsEntry("toTier", "IMPORTANT").containsEntry("reason", "PROFIT").doesNotContainKey("pendingDowngrades")
                // codes only: the task page renders the tier and the reason in the reader's language
                .doesNotContainKeys("toTierName", "reasonText");
        complete(confirm, Map.of("downgradeDecision", "CONFIRM", "completedBy", "lina"));
        ActivatedJob apply = activate(TieringProcess.JOB_APPLY_DOWNGRADE).getFirst();
        assertThat(apply.getVariablesAsMap()).containsEntry("downgradeDecision", "CONFIRM").containsEntry("completedBy", "lina")
                .containsEntry("changeId", 71);
        complete(apply, Map.of());
        engine.waitForIdleState(Duration.ofSeconds(5));
        assertThat(instance).hasPassedElement("EndEvent_Decided").isCompleted();
    }

    @Test
    void theManagerKeepsTheCustomerStrategicWithAReason() throws Exception {
        ProcessInstanceEvent instance = start(72, "lina");
        complete(activate(USER_TASK).getFirst(), Map.of("downgradeDecision", "KEEP", "downgradeNote", "客户明年新建华南基地，潜力大",
                "completedBy", "lina"));
        ActivatedJob apply = activate(TieringProcess.JOB_APPLY_DOWNGRADE).getFirst();
        assertThat(apply.getVariablesAsMap()).containsEntry("downgradeDecision", "KEEP").containsEntry("downgradeNote", "客户明年新建华南基地，潜力大")
                .containsEntry("changeId", 72);
        complete(apply, Map.of());
        engine.waitForIdleState(Duration.ofSeconds(5));
        assertThat(instance).isCompleted();
    }

    @Test
    void theConfirmationGivesBackOnlyItsFormsFieldsAndWhoCompletedIt() throws Exception {
        start(73, "lina");
        // a completion that carries more than the form's fields (a forged request past the server, say)
        complete(activate(USER_TASK).getFirst(), Map.of("downgradeDecision", "CONFIRM", "completedBy", "lina", "toTier", "ORDINARY",
                "changeId", 1, "manager", "huangmin"));
        ActivatedJob apply = activate(TieringProcess.JOB_APPLY_DOWNGRADE).getFirst();
        assertThat(apply.getVariablesAsMap()).containsEntry("downgradeDecision", "CONFIRM").containsEntry("completedBy", "lina")
                .containsEntry("toTier", "IMPORTANT").containsEntry("changeId", 73).containsEntry("manager", "lina");
        complete(apply, Map.of());
    }

    private ProcessInstanceEvent start(long changeId, String manager) {
        return client.newCreateInstanceCommand().bpmnProcessId(TieringProcess.DOWNGRADE_PROCESS_ID).latestVersion()
                .variables(Map.of("changeId", changeId, "customerId", 9, "customerName", "华东家电集团有限公司", "owner", "zhangwei",
                        "manager", manager, "fromTier", "STRATEGIC", "toTier", "IMPORTANT", "reason", "PROFIT"))
                .send().join();
    }

    private void complete(ActivatedJob job, Map<String, Object> variables) {
        client.newCompleteCommand(job.getKey()).variables(variables).send().join();
    }

    private List<ActivatedJob> activate(String type) throws Exception {
        engine.waitForIdleState(Duration.ofSeconds(5));
        List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType(type).maxJobsToActivate(10)
                .timeout(Duration.ofMinutes(5)).send().join().getJobs();
        assertThat(jobs).as("jobs of type %s", type).hasSize(1);
        return jobs;
    }
}
