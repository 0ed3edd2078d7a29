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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle model on the real engine, with the real veto-approval model: the way to won, and every detour (a
 * gate refused, work saved without advancing, stalled with each of the manager's choices, lost, paused and resumed,
 * restarted at a stage). Machine steps are completed here as their workers would.
 */
@ZeebeProcessTest
class OpportunityLifecycleProcessTest {

    private static final String USER_TASK = "io.camunda.zeebe:userTask";

    private ZeebeTestEngine engine;
    private ZeebeClient client;
    private DeploymentEvent deployment;

    @BeforeEach
    void deploy() throws IOException {
        var command = client.newDeployResourceCommand().addResourceFile("bpmn/opportunity-lifecycle.bpmn")
                .addResourceFile("bpmn/veto-approval.bpmn");
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.toList()) {
                command = command.addResourceFile(form.toString());
            }
        }
        deployment = command.send().join();
    }

    @Test
    void anOpportunityPassesEveryGateToWonAndIsHandedOver() throws Exception {
        ProcessInstanceEvent instance = start("P30D");
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
            assertThat(task.getCustomHeaders()).containsEntry("io.camunda.zeebe:assignee", "zhangwei")
                    .containsEntry("io.camunda.zeebe:formKey", Long.toString(formKey(stage[2]))).containsKey("io.camunda.zeebe:dueDate");
            complete(task, Map.of("requestAdvance", true, "grossMarginPercent", 12, "paymentTermDays", 45, "proposedAnnualValue", 360));
            if (stage[1].equals("SOLUTION_DESIGN")) {
                ActivatedJob review = activateOne(USER_TASK);
                assertThat(review.getElementId()).isEqualTo("Task_SolutionReview");
                assertThat(review.getCustomHeaders()).containsEntry("io.camunda.zeebe:candidateGroups", "[\"TECH\",\"OPERATIONS\"]");
                complete(review, Map.of("solutionReviewPassed", true, "solutionReviewComments", "仓网方案可行"));
            }
            if (stage[1].equals("PROPOSAL_NEGOTIATION") || stage[1].equals("CONTRACT_SIGNING")) {
                approveAll();
            }
            ActivatedJob gate = activateOne(LifecycleProcess.JOB_EVALUATE_GATE);
            assertThat(gate.getCustomHeaders()).containsEntry(LifecycleProcess.HEADER_STAGE, stage[1]);
            if (stage[1].equals("SOLUTION_DESIGN")) {
                assertThat(gate.getVariablesAsMap()).containsEntry("solutionReviewPassed", true);
            }
            if (stage[1].equals("PROPOSAL_NEGOTIATION")) {
                assertThat(gate.getVariablesAsMap()).containsEntry("vetoApprovalPassed", true);
            }
            complete(gate, Map.of("gatePassed", true));
            ActivatedJob record = activateOne(LifecycleProcess.JOB_RECORD_STAGE);
            assertThat(record.getCustomHeaders()).containsEntry(LifecycleProcess.HEADER_STAGE, stage[1]);
            complete(record, Map.of("requestAdvance", false, "gateFindings", "", "stallAfter", "P30D"));
        }
        ActivatedJob handover = activateOne(USER_TASK);
        assertThat(handover.getElementId()).isEqualTo("Task_Handover");
        assertThat(handover.getCustomHeaders()).containsEntry("io.camunda.zeebe:candidateGroups", "[\"OPERATIONS\"]");
        complete(handover, Map.of("handoverNotes", "月底启动", "kickoffDate", "2027-01-05"));
        engine.waitForIdleState(Duration.ofSeconds(5));
        assertThat(instance).hasPassedElement("EndEvent_Won").isCompleted();
    }

    @Test
    void aRefusedGateSendsTheTaskBackWithWhatIsUnmet() throws Exception {
        ProcessInstanceEvent instance = start("P30D");
        complete(activateOne(USER_TASK), Map.of("requestAdvance", true));
        // the gate hands back the codes of what is unmet; the task page puts them in the reader's words
        complete(activateOne(LifecycleProcess.JOB_EVALUATE_GATE), Map.of("gatePassed", false, "gateUnmet", java.util.List.of("NEED_LEVEL")));
        ActivatedJob again = activateOne(USER_TASK);
        assertThat(again.getElementId()).isEqualTo("Task_IdentifyOpportunity");
        assertThat(again.getVariablesAsMap()).containsEntry("gateUnmet", java.util.List.of("NEED_LEVEL"));
        assertThat(instance).hasNotPassedElement("Task_RecordIdentification").isActive();
    }

    @Test
    void workSavedWithoutAdvancingComesBackWithoutAGate() throws Exception {
        ProcessInstanceEvent instance = start("P30D");
        complete(activateOne(USER_TASK), Map.of("requestAdvance", false, "statedNeed", "全国七个仓"));
        ActivatedJob again = activateOne(USER_TASK);
        assertThat(again.getElementId()).isEqualTo("Task_IdentifyOpportunity");
        assertThat(again.getVariablesAsMap()).containsEntry("statedNeed", "全国七个仓");
        assertThat(instance).hasNotPassedElement("Task_Identification_Gate");
    }

    @Test
    void aStalledDealGoesToTheManagerWhoCoaches() throws Exception {
        ProcessInstanceEvent instance = start("PT1H");
        activateOne(USER_TASK);
        engine.increaseTime(Duration.ofHours(2));
        complete(activateOne(LifecycleProcess.JOB_MARK_STALLED), Map.of());
        ActivatedJob review = activateOne(USER_TASK, "Task_StallReview");
        // assigned to the owner's manager; offered to managers, of whom only those who see the deal see the task
        assertThat(review.getCustomHeaders()).containsEntry("io.camunda.zeebe:assignee", "lina")
                .containsEntry("io.camunda.zeebe:candidateGroups", "[\"MANAGER\"]");
        complete(review, Map.of("stallAction", "COACH", "coachingNote", "本周约见物流总监"));
        engine.waitForIdleState(Duration.ofSeconds(5));
        // the stage goes on: its task is still there, and the deal is not closed
        assertThat(instance).hasPassedElement("EndEvent_Coached").isActive().isWaitingAtElements("Task_IdentifyOpportunity")
                .hasNotPassedElement("Task_CloseLost").hasNotPassedElement("Task_Reassign");
    }

    @Test
    void aStalledDealOfAnOwnerWithoutAManagerIsOfferedToTheManagers() throws Exception {
        Map<String, Object> v = variables("PT1H", "IDENTIFICATION");
        v.remove("manager");
        client.newCreateInstanceCommand().bpmnProcessId(LifecycleProcess.PROCESS_ID).latestVersion().variables(v).send().join();
        activateOne(USER_TASK);
        engine.increaseTime(Duration.ofHours(2));
        complete(activateOne(LifecycleProcess.JOB_MARK_STALLED), Map.of());
        ActivatedJob review = activateOne(USER_TASK, "Task_StallReview");
        assertThat(review.getCustomHeaders().getOrDefault("io.camunda.zeebe:assignee", "")).isEmpty();
        assertThat(review.getCustomHeaders()).containsEntry("io.camunda.zeebe:candidateGroups", "[\"MANAGER\"]");
    }

    @Test
    void aStalledDealCanBeReassigned() throws Exception {
        ProcessInstanceEvent instance = start("PT1H");
        engine.increaseTime(Duration.ofHours(2));
        complete(activateOne(LifecycleProcess.JOB_MARK_STALLED), Map.of());
        complete(activateOne(USER_TASK, "Task_StallReview"), Map.of("stallAction", "REASSIGN", "newOwner", "wuxia", "coachingNote", "换人推进"));
        ActivatedJob reassign = activateOne(LifecycleProcess.JOB_REASSIGN);
        assertThat(reassign.getVariablesAsMap()).containsEntry("newOwner", "wuxia");
        complete(reassign, Map.of("owner", "wuxia"));
        engine.waitForIdleState(Duration.ofSeconds(5));
        assertThat(instance).hasPassedElement("EndEvent_Reassigned").hasVariableWithValue("owner", "wuxia");
    }

    @Test
    void aStalledDealClosedAsLostEndsTheLifecycle() throws Exception {
        ProcessInstanceEvent instance = start("PT1H");
        engine.increaseTime(Duration.ofHours(2));
        complete(activateOne(LifecycleProcess.JOB_MARK_STALLED), Map.of());
        complete(activateOne(USER_TASK, "Task_StallReview"), Map.of("stallAction", "CLOSE_LOST", "lostReason", "TIMING", "coachingNote", "客户冻结预算"));
        complete(activateOne(LifecycleProcess.JOB_CLOSE_LOST), Map.of());
        // the worker sends "lost", which the lifecycle takes like any other
        publish(LifecycleProcess.MESSAGE_LOST, Map.of("lostReason", "TIMING"));
        complete(activateOne(LifecycleProcess.JOB_RECORD_LOST), Map.of());
        engine.waitForIdleState(Duration.ofSeconds(5));
        assertThat(instance).hasPassedElement("EndEvent_Lost").isCompleted();
    }

    @Test
    void aDealLostAtAnyStageEndsWithItsReason() throws Exception {
        ProcessInstanceEvent instance = start("P30D");
        complete(activateOne(USER_TASK), Map.of("requestAdvance", true));
        complete(activateOne(LifecycleProcess.JOB_EVALUATE_GATE), Map.of("gatePassed", true));
        complete(activateOne(LifecycleProcess.JOB_RECORD_STAGE), Map.of("stallAfter", "P30D", "requestAdvance", false));
        activateOne(USER_TASK);
        publish(LifecycleProcess.MESSAGE_LOST, Map.of("lostReason", "COMPETITOR", "lostNote", "对手报价低 15%"));
        ActivatedJob record = activateOne(LifecycleProcess.JOB_RECORD_LOST);
        assertThat(record.getVariablesAsMap()).containsEntry("lostReason", "COMPETITOR");
        complete(record, Map.of());
        engine.waitForIdleState(Duration.ofSeconds(5));
        assertThat(instance).hasPassedElement("EndEvent_Lost").isCompleted().hasNotPassedElement("EndEvent_Won");
    }

    @Test
    void aPausedDealsClockDoesNotRunAndItResumesInItsStage() throws Exception {
        ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(LifecycleProcess.PROCESS_ID).latestVersion()
                .variables(variables("PT1H", "NEED_CONFIRMATION")).startBeforeElement("Stage_NeedConfirmation").send().join();
        activateOne(USER_TASK);
        publish(LifecycleProcess.MESSAGE_PAUSED, Map.of());
        complete(activateOne(LifecycleProcess.JOB_RECORD_PAUSED), Map.of());
        engine.increaseTime(Duration.ofHours(5));
        engine.waitForIdleState(Duration.ofSeconds(5));
        assertThat(activate(LifecycleProcess.JOB_MARK_STALLED)).as("no stall while paused").isEmpty();
        assertThat(activate(USER_TASK)).as("no work while paused").isEmpty();

        publish(LifecycleProcess.MESSAGE_RESUMED, Map.of());
        complete(activateOne(LifecycleProcess.JOB_RECORD_RESUMED), Map.of("stallAfter", "PT50M"));
        ActivatedJob task = activateOne(USER_TASK);
        assertThat(task.getElementId()).isEqualTo("Task_ConfirmNeed");
        assertThat(instance).hasPassedElement("Event_WaitForResume").isActive();
    }

    @Test
    void aRestartedOpportunityResumesAtItsCurrentStage() throws Exception {
        ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(LifecycleProcess.PROCESS_ID).latestVersion()
                .variables(variables("P30D", "SOLUTION_DESIGN")).startBeforeElement("Stage_SolutionDesign").send().join();
        ActivatedJob task = activateOne(USER_TASK);
        assertThat(task.getElementId()).isEqualTo("Task_DesignSolution");
        assertThat(instance).hasNotPassedElement("Task_IdentifyOpportunity").hasNotPassedElement("Task_ConfirmNeed").isActive();
    }

    @Test
    void aDealResumedAtItsApprovalOpensNoRoundBeforeItsInstanceHoldsTheDeal() throws Exception {
        ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(LifecycleProcess.PROCESS_ID).latestVersion()
                .variables(variables("P30D", "PROPOSAL_NEGOTIATION")).startBeforeElement("CallActivity_ProposalNegotiation_Approval")
                .send().join();
        ActivatedJob claim = activateOne(LifecycleProcess.JOB_CLAIM_INSTANCE);
        assertThat(claim.getProcessInstanceKey()).as("the lifecycle's own job, not its approval's").isEqualTo(instance.getProcessInstanceKey());
        assertThat(claim.getVariablesAsMap()).containsEntry("opportunityId", 42);
        assertThat(activate("approval-open-round")).as("no round while the claim is unanswered").isEmpty();

        complete(claim, Map.of());
        ActivatedJob open = activateOne("approval-open-round");
        assertThat(open.getVariablesAsMap()).containsEntry("stage", "PROPOSAL_NEGOTIATION").containsEntry("amount", 36000000);
        assertThat(instance).isActive();
    }

    @Test
    void aPausedDealRestartsWaitingForItsResumption() throws Exception {
        ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(LifecycleProcess.PROCESS_ID).latestVersion()
                .variables(variables("P30D", "SOLUTION_DESIGN")).startBeforeElement(LifecycleProcess.WAIT_FOR_RESUME).send().join();
        engine.waitForIdleState(Duration.ofSeconds(5));
        assertThat(activate(USER_TASK)).isEmpty();
        publish(LifecycleProcess.MESSAGE_RESUMED, Map.of());
        complete(activateOne(LifecycleProcess.JOB_RECORD_RESUMED), Map.of("stallAfter", "P20D"));
        assertThat(activateOne(USER_TASK).getElementId()).isEqualTo("Task_DesignSolution");
        assertThat(instance).isActive();
    }

    /** The veto approval called from stages 4 and 5: one department approves. */
    private void approveAll() throws Exception {
        // the lifecycle ties itself to the deal before the approval asks anyone
        complete(activateOne(LifecycleProcess.JOB_CLAIM_INSTANCE), Map.of());
        ActivatedJob open = activateOne("approval-open-round");
        assertThat(open.getVariablesAsMap()).containsEntry("opportunityId", 42).containsKey("marginPercent").containsKey("stage");
        complete(open, Map.of("approvalRequestId", 1, "roundId", 1, "roundNumber", 1,
                "reviews", List.of(Map.of("reviewId", 1, "department", "FINANCE", "level", "REVIEWER", "group", "FINANCE", "due", "2030-01-02T10:00:00+08:00",
                        "escalateAt", "2030-01-03T10:00:00+08:00", "escalationGroups", List.of("FINANCE", "FINANCE_HEAD")))));
        complete(activateOne(USER_TASK, "Task_Review"), Map.of("decision", "APPROVE"));
        complete(activateOne("approval-record-decision"), Map.of());
        complete(activateOne("approval-close-round"), Map.of("roundOutcome", "APPROVED", "priceApproved", true));
        complete(activateOne("approval-finish"), Map.of("vetoApprovalPassed", true));
    }

    private ProcessInstanceEvent start(String stallAfter) {
        return client.newCreateInstanceCommand().bpmnProcessId(LifecycleProcess.PROCESS_ID).latestVersion()
                .variables(variables(stallAfter, "IDENTIFICATION")).send().join();
    }

    private static Map<String, Object> variables(String stallAfter, String stage) {
        Map<String, Object> v = new HashMap<>();
        v.put("opportunityId", 42);
        v.put("owner", "zhangwei");
        v.put("manager", "lina");
        v.put("customerName", "华东家电集团");
        v.put("opportunityName", "全国七仓仓配一体化");
        v.put("amount", 36000000);
        v.put("stage", stage);
        v.put("stallAfter", stallAfter);
        v.put("requestAdvance", false);
        return v;
    }

    private void publish(String message, Map<String, Object> variables) {
        client.newPublishMessageCommand().messageName(message).correlationKey("42").timeToLive(Duration.ZERO).variables(variables).send().join();
    }

    private void complete(ActivatedJob job, Map<String, Object> variables) {
        client.newCompleteCommand(job.getKey()).variables(variables).send().join();
    }

    private long formKey(String formId) {
        return deployment.getForm().stream().filter(f -> f.getFormId().equals(formId)).findFirst().orElseThrow().getFormKey();
    }

    private List<ActivatedJob> activate(String type) throws Exception {
        engine.waitForIdleState(Duration.ofSeconds(5));
        return client.newActivateJobsCommand().jobType(type).maxJobsToActivate(10).timeout(Duration.ofMinutes(5)).send().join().getJobs();
    }

    private ActivatedJob activateOne(String type) throws Exception {
        List<ActivatedJob> jobs = activate(type);
        assertThat(jobs).as("one job of type %s is waiting", type).hasSize(1);
        return jobs.getFirst();
    }

    /** One job of the type at the element (other jobs of the type are left as they are, for five minutes). */
    private ActivatedJob activateOne(String type, String elementId) throws Exception {
        List<ActivatedJob> jobs = activate(type).stream().filter(j -> j.getElementId().equals(elementId)).toList();
        assertThat(jobs).as("one job at %s", elementId).hasSize(1);
        return jobs.getFirst();
    }
}
