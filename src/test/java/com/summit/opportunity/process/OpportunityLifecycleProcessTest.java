package com.summit.opportunity.process;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.DeploymentEvent;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lifecycle model on the real engine: the path a rep walks, and the restart at a stage. */
@ZeebeProcessTest
class OpportunityLifecycleProcessTest {

    private static final String USER_TASK = "io.camunda.zeebe:userTask";

    private ZeebeTestEngine engine;
    private ZeebeClient client;
    private DeploymentEvent deployment;

    @BeforeEach
    void deploy() throws IOException {
        var command = client.newDeployResourceCommand().addResourceFile("bpmn/opportunity-lifecycle.bpmn");
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.toList()) {
                command = command.addResourceFile(form.toString());
            }
        }
        deployment = command.send().join();
    }

    @Test
    void anOpportunityWalksThroughAllFiveStagesToWon() throws Exception {
        ProcessInstanceEvent instance = start();

        String[][] stages = {
            {"Task_IdentifyOpportunity", "IDENTIFICATION", "opportunity-identification"},
            {"Task_ConfirmNeed", "NEED_CONFIRMATION", "opportunity-need-confirmation"},
            {"Task_DesignSolution", "SOLUTION_DESIGN", "opportunity-solution-design"},
            {"Task_NegotiateProposal", "PROPOSAL_NEGOTIATION", "opportunity-proposal-negotiation"},
            {"Task_SignContract", "CONTRACT_SIGNING", "opportunity-contract-signing"},
        };
        for (String[] stage : stages) {
            ActivatedJob task = activateOne(USER_TASK);
            assertThat(task.getElementId()).isEqualTo(stage[0]);
            assertThat(task.getCustomHeaders())
                    .containsEntry("io.camunda.zeebe:assignee", "zhangwei")
                    .containsKey("io.camunda.zeebe:dueDate")
                    .containsKey("priority")
                    .containsEntry("io.camunda.zeebe:formKey", Long.toString(formKey(stage[2])));
            client.newCompleteCommand(task.getKey()).variables(Map.of("summary", "done")).send().join();

            ActivatedJob record = activateOne(LifecycleProcess.JOB_RECORD_STAGE);
            assertThat(record.getCustomHeaders()).containsEntry(LifecycleProcess.HEADER_STAGE, stage[1]);
            assertThat(record.getVariablesAsMap()).containsEntry("opportunityId", 42);
            client.newCompleteCommand(record.getKey()).send().join();
        }
        engine.waitForIdleState(Duration.ofSeconds(5));
        assertThat(instance).hasPassedElement("EndEvent_Won").isCompleted();
    }

    @Test
    void aRestartedOpportunityResumesAtItsCurrentStage() throws Exception {
        ProcessInstanceEvent instance = client.newCreateInstanceCommand()
                .bpmnProcessId(LifecycleProcess.PROCESS_ID).latestVersion()
                .variables(Map.of("opportunityId", 42, "owner", "zhangwei"))
                .startBeforeElement("Stage_SolutionDesign")
                .send().join();

        ActivatedJob task = activateOne(USER_TASK);
        assertThat(task.getElementId()).isEqualTo("Task_DesignSolution");
        assertThat(instance).hasNotPassedElement("Task_IdentifyOpportunity").hasNotPassedElement("Task_ConfirmNeed").isActive();
    }

    @Test
    void theOwnerOfTheOpportunityIsTheAssigneeOfEveryStageTask() throws Exception {
        client.newCreateInstanceCommand().bpmnProcessId(LifecycleProcess.PROCESS_ID).latestVersion()
                .variables(Map.of("opportunityId", 7, "owner", "lina")).send().join();
        ActivatedJob task = activateOne(USER_TASK);
        assertThat(task.getCustomHeaders()).containsEntry("io.camunda.zeebe:assignee", "lina");
    }

    private ProcessInstanceEvent start() {
        return client.newCreateInstanceCommand().bpmnProcessId(LifecycleProcess.PROCESS_ID).latestVersion()
                .variables(Map.of("opportunityId", 42, "owner", "zhangwei", "customerName", "顺丰测试客户",
                        "opportunityName", "华东仓配一体化"))
                .send().join();
    }

    private long formKey(String formId) {
        return deployment.getForm().stream().filter(f -> f.getFormId().equals(formId)).findFirst().orElseThrow().getFormKey();
    }

    private ActivatedJob activateOne(String type) throws Exception {
        engine.waitForIdleState(Duration.ofSeconds(5));
        List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
                .timeout(Duration.ofMinutes(5)).send().join().getJobs();
        assertThat(jobs).as("a job of type %s is waiting", type).hasSize(1);
        return jobs.getFirst();
    }
}
