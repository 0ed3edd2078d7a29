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
 * The monthly re-tiering on the real engine: batches until every customer is done; the monthly timer starts it. Machine steps are completed as their workers
 * would (their behaviour is tested with the app).
 */
@ZeebeProcessTest
class CustomerTieringProcessTest {

    private static final String USER_TASK = "io.camunda.zeebe:userTask";

    private ZeebeTestEngine engine;
    private ZeebeClient client;

    @BeforeEach
    void deploy() {
        client.newDeployResourceCommand().addResourceFile("bpmn/customer-tiering.bpmn").addResourceFile("forms/customer-tiering-start.form")
                .send().join();
    }

    @Test
    void everyBatchIsRetieredUntilNoCustomerIsLeft() throws Exception {
        ProcessInstanceEvent instance = start();
        ActivatedJob first = activate(TieringProcess.JOB_RETIER_BATCH, 1).getFirst();
        assertThat(first.getVariablesAsMap()).containsEntry("batchSize", 500);
        complete(first, Map.of("afterId", 500, "hasMore", true, "downgrades", 1));
        ActivatedJob second = activate(TieringProcess.JOB_RETIER_BATCH, 1).getFirst();
        assertThat(second.getVariablesAsMap()).containsEntry("afterId", 500);
        complete(second, Map.of("afterId", 733, "hasMore", false, "downgrades", 1));
        engine.waitForIdleState(Duration.ofSeconds(5));
        // downgrades wait in instances of their own (CustomerDowngradeProcessTest): the re-tiering ends with its batches
        assertThat(instance).hasPassedElement("EndEvent_Done").isCompleted();
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
