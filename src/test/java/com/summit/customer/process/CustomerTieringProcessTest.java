package com.summit.customer.process;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The monthly re-tiering on the real engine: batches until every customer is done; a strategic customer's downgrade
 * waits for the manager (confirmed or kept); the monthly timer starts it. Machine steps are completed as their workers
 * would (their behaviour is tested with the app).
 */
@ZeebeProcessTest
class CustomerTieringProcessTest {

    private static final String USER_TASK = "io.camunda.zeebe:userTask";

    private ZeebeTestEngine engine;
    private ZeebeClient client;

    @BeforeEach
    void deploy() {
        client.newDeployResourceCommand().addResourceFile("bpmn/customer-tiering.bpmn").addResourceFile("forms/customer-downgrade.form")
                .addResourceFile("forms/customer-tiering-start.form")
                .send().join();
    }

    @Test
    void everyBatchIsRetieredUntilNoCustomerIsLeft() throws Exception {
        ProcessInstanceEvent instance = start();
        ActivatedJob first = activate(TieringProcess.JOB_RETIER_BATCH, 1).getFirst();
        assertThat(first.getVariablesAsMap()).containsEntry("batchSize", 500);
        complete(first, Map.of("afterId", 500, "hasMore", true, "pendingDowngrades", List.of()));
        ActivatedJob second = activate(TieringProcess.JOB_RETIER_BATCH, 1).getFirst();
        assertThat(second.getVariablesAsMap()).containsEntry("afterId", 500);
        complete(second, Map.of("afterId", 733, "hasMore", false, "pendingDowngrades", List.of()));
        engine.waitForIdleState(Duration.ofSeconds(5));
        assertThat(instance).hasPassedElement("EndEvent_Done").isCompleted().hasNotPassedElement("Task_ConfirmDowngrade");
    }

    @Test
    void aStrategicCustomersDowngradeWaitsForTheManagerWhoConfirmsIt() throws Exception {
        ProcessInstanceEvent instance = start();
        complete(activate(TieringProcess.JOB_RETIER_BATCH, 1).getFirst(), Map.of("afterId", 12, "hasMore", false,
                "pendingDowngrades", List.of(downgrade(71, "lina"))));
        ActivatedJob confirm = activate(USER_TASK, 1).getFirst();
        assertThat(confirm.getElementId()).isEqualTo(TieringProcess.TASK_CONFIRM_DOWNGRADE);
        assertThat(confirm.getCustomHeaders()).containsEntry("io.camunda.zeebe:assignee", "lina");
        assertThat(confirm.getVariablesAsMap()).containsEntry("customerName", "华东家电集团有限公司").containsEntry("toTierName", "重要客户");
        complete(confirm, Map.of("downgradeDecision", "CONFIRM", "completedBy", "lina"));
        ActivatedJob apply = activate(TieringProcess.JOB_APPLY_DOWNGRADE, 1).getFirst();
        assertThat(apply.getVariablesAsMap()).containsEntry("downgradeDecision", "CONFIRM").containsEntry("completedBy", "lina");
        assertThat(apply.getVariablesAsMap().get("downgrade")).asString().contains("changeId=71");
        complete(apply, Map.of());
        engine.waitForIdleState(Duration.ofSeconds(5));
        assertThat(instance).hasPassedElement("EndEvent_Done").isCompleted();
    }

    @Test
    void theManagerMayKeepACustomerStrategicAndEachDowngradeIsDecidedOnItsOwn() throws Exception {
        ProcessInstanceEvent instance = start();
        complete(activate(TieringProcess.JOB_RETIER_BATCH, 1).getFirst(), Map.of("afterId", 12, "hasMore", false,
                "pendingDowngrades", List.of(downgrade(71, "lina"), downgrade(72, "lina"))));
        List<ActivatedJob> confirms = activate(USER_TASK, 2);
        complete(confirms.get(0), Map.of("downgradeDecision", "KEEP", "downgradeNote", "客户明年新建华南基地，潜力大", "completedBy", "lina"));
        complete(confirms.get(1), Map.of("downgradeDecision", "CONFIRM", "completedBy", "lina"));
        List<ActivatedJob> applies = activate(TieringProcess.JOB_APPLY_DOWNGRADE, 2);
        assertThat(applies).extracting(j -> j.getVariablesAsMap().get("downgradeDecision")).containsExactlyInAnyOrder("KEEP", "CONFIRM");
        assertThat(applies).filteredOn(j -> "KEEP".equals(j.getVariablesAsMap().get("downgradeDecision"))).singleElement()
                .satisfies(j -> assertThat(j.getVariablesAsMap()).containsEntry("downgradeNote", "客户明年新建华南基地，潜力大"));
        applies.forEach(j -> complete(j, Map.of()));
        engine.waitForIdleState(Duration.ofSeconds(5));
        assertThat(instance).isCompleted();
    }

    @Test
    void theMonthlyTimerStartsTheReTiering() throws Exception {
        LocalDateTime now = LocalDateTime.now(ZoneId.systemDefault());
        LocalDateTime next = now.withDayOfMonth(1).withHour(2).withMinute(0).withSecond(0).withNano(0).plusMonths(1);
        engine.increaseTime(Duration.between(now, next).plusMinutes(5));
        engine.waitForIdleState(Duration.ofSeconds(5));
        assertThat(activate(TieringProcess.JOB_RETIER_BATCH, 1)).singleElement()
                .satisfies(j -> assertThat(j.getVariablesAsMap()).containsEntry("batchSize", 500));
    }

    private static Map<String, Object> downgrade(long changeId, String manager) {
        return Map.of("changeId", changeId, "customerId", 9, "customerName", "华东家电集团有限公司", "owner", "zhangwei", "manager", manager,
                "fromTier", "STRATEGIC", "toTier", "IMPORTANT", "toTierName", "重要客户", "reasonText", "近 12 个月毛利 ¥900,000");
    }

    private ProcessInstanceEvent start() {
        return client.newCreateInstanceCommand().bpmnProcessId(TieringProcess.PROCESS_ID).latestVersion().send().join();
    }

    private void complete(ActivatedJob job, Map<String, Object> variables) {
        client.newCompleteCommand(job.getKey()).variables(variables).send().join();
    }

    private List<ActivatedJob> activate(String type, int expected) throws Exception {
        engine.waitForIdleState(Duration.ofSeconds(5));
        List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType(type).maxJobsToActivate(10)
                .timeout(Duration.ofMinutes(5)).send().join().getJobs();
        assertThat(jobs).as("jobs of type %s", type).hasSize(expected);
        return jobs;
    }
}
