package com.summit.approval.process;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The veto approval on the real engine: the happy path and every detour. The machine steps are completed here as
 * their workers would (their own behaviour is tested with the app).
 */
@ZeebeProcessTest
class VetoApprovalProcessTest {

    private static final String USER_TASK = "io.camunda.zeebe:userTask";

    private ZeebeTestEngine engine;
    private ZeebeClient client;

    @BeforeEach
    void deploy() {
        client.newDeployResourceCommand().addResourceFile("bpmn/veto-approval.bpmn")
                .addResourceFile("forms/approval-review.form").addResourceFile("forms/approval-rework.form").send().join();
    }

    @Test
    void whenEveryDepartmentApprovesTheDealIsApproved() throws Exception {
        ProcessInstanceEvent instance = start();
        openRound(1, "LEGAL", "FINANCE", "TECH");
        List<ActivatedJob> reviews = activate(USER_TASK, 3);
        assertThat(reviews).extracting(j -> j.getCustomHeaders().get("io.camunda.zeebe:candidateGroups"))
                .containsExactlyInAnyOrder("[\"LEGAL\"]", "[\"FINANCE\"]", "[\"TECH\"]");
        assertThat(reviews).allSatisfy(j -> assertThat(j.getCustomHeaders()).containsKey("io.camunda.zeebe:dueDate")
                .containsKey("io.camunda.zeebe:formKey"));
        for (ActivatedJob review : reviews) {
            decide(review, "APPROVE");
        }
        ActivatedJob close = activate(VetoApprovalProcess.JOB_CLOSE_ROUND, 1).getFirst();
        assertThat(decisions(close)).containsExactly("APPROVE", "APPROVE", "APPROVE");
        complete(close, Map.of("roundOutcome", "APPROVED"));
        ActivatedJob finish = activate(VetoApprovalProcess.JOB_FINISH, 1).getFirst();
        assertThat(finish.getCustomHeaders()).containsEntry(VetoApprovalProcess.HEADER_OUTCOME, "APPROVED");
        complete(finish, Map.of("vetoApprovalPassed", true));
        engine.waitForIdleState(Duration.ofSeconds(5));
        assertThat(instance).hasPassedElement("EndEvent_Approved").isCompleted().hasVariableWithValue("vetoApprovalPassed", true);
    }

    @Test
    void oneVetoEndsTheRoundAndWithdrawsTheOtherReviews() throws Exception {
        ProcessInstanceEvent instance = start();
        openRound(1, "LEGAL", "FINANCE", "TECH");
        List<ActivatedJob> reviews = activate(USER_TASK, 3);
        ActivatedJob finance = reviews.stream().filter(j -> j.getCustomHeaders().get("io.camunda.zeebe:candidateGroups").contains("FINANCE"))
                .findFirst().orElseThrow();
        decide(finance, "VETO");

        ActivatedJob close = activate(VetoApprovalProcess.JOB_CLOSE_ROUND, 1).getFirst();
        assertThat(decisions(close)).contains("VETO");
        // the other two reviews are gone from the engine: their jobs cannot be completed any more
        for (ActivatedJob other : reviews) {
            if (other.getKey() != finance.getKey()) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.newCompleteCommand(other.getKey()).send().join())
                        .hasMessageContaining("NOT_FOUND");
            }
        }
        complete(close, Map.of("roundOutcome", "VETOED", VetoApprovalProcess.VAR_ROUNDS, List.of(Map.of("round", 1, "outcome", "VETOED",
                "reviews", List.of(Map.of("department", "FINANCE", "level", "STAFF", "decision", "VETO", "reason", "毛利太低"))))));
        ActivatedJob rework = activate(USER_TASK, 1).getFirst();
        assertThat(rework.getElementId()).isEqualTo("Task_Rework");
        assertThat(rework.getCustomHeaders()).containsEntry("io.camunda.zeebe:assignee", "zhangwei");
        assertThat(instance).isActive().hasNotPassedElement("EndEvent_Approved");
    }

    @Test
    void anApprovalWithConditionsCountsAsApproval() throws Exception {
        ProcessInstanceEvent instance = start();
        openRound(1, "LEGAL", "FINANCE");
        List<ActivatedJob> reviews = activate(USER_TASK, 2);
        decide(reviews.get(0), "APPROVE_WITH_CONDITIONS");
        decide(reviews.get(1), "APPROVE");
        ActivatedJob close = activate(VetoApprovalProcess.JOB_CLOSE_ROUND, 1).getFirst();
        assertThat(decisions(close)).containsExactlyInAnyOrder("APPROVE_WITH_CONDITIONS", "APPROVE");
        complete(close, Map.of("roundOutcome", "APPROVED", "approvalConditions", List.of(Map.of("department", "FINANCE", "text", "预付款不低于 30%"))));
        complete(activate(VetoApprovalProcess.JOB_FINISH, 1).getFirst(), Map.of("vetoApprovalPassed", true));
        engine.waitForIdleState(Duration.ofSeconds(5));
        assertThat(instance).hasPassedElement("EndEvent_Approved").isCompleted();
    }

    @Test
    void afterReworkASecondRoundThatPassesApprovesTheDeal() throws Exception {
        ProcessInstanceEvent instance = start();
        openRound(1, "LEGAL", "FINANCE");
        decide(activate(USER_TASK, 2).getFirst(), "VETO");
        complete(activate(VetoApprovalProcess.JOB_CLOSE_ROUND, 1).getFirst(), Map.of("roundOutcome", "VETOED"));
        complete(activate(USER_TASK, 1).getFirst(), Map.of("reworkDecision", "RESUBMIT", "reworkNote", "账期改为 45 天", "paymentTermDays", 45));

        ActivatedJob second = activate(VetoApprovalProcess.JOB_OPEN_ROUND, 1).getFirst();
        assertThat(second.getVariablesAsMap()).containsEntry("paymentTermDays", 45).containsEntry("reworkNote", "账期改为 45 天");
        complete(second, roundOutput(2, "LEGAL", "FINANCE"));
        for (ActivatedJob review : activate(USER_TASK, 2)) {
            decide(review, "APPROVE");
        }
        complete(activate(VetoApprovalProcess.JOB_CLOSE_ROUND, 1).getFirst(), Map.of("roundOutcome", "APPROVED"));
        complete(activate(VetoApprovalProcess.JOB_FINISH, 1).getFirst(), Map.of("vetoApprovalPassed", true));
        engine.waitForIdleState(Duration.ofSeconds(5));
        assertThat(instance).hasPassedElement("EndEvent_Approved").isCompleted().hasPassedElement("Task_Rework");
    }

    @Test
    void theOwnerMayWithdrawAfterAVeto() throws Exception {
        ProcessInstanceEvent instance = start();
        openRound(1, "FINANCE");
        decide(activate(USER_TASK, 1).getFirst(), "VETO");
        complete(activate(VetoApprovalProcess.JOB_CLOSE_ROUND, 1).getFirst(), Map.of("roundOutcome", "VETOED"));
        complete(activate(USER_TASK, 1).getFirst(), Map.of("reworkDecision", "WITHDRAW", "reworkNote", "客户暂缓项目"));
        ActivatedJob finish = activate(VetoApprovalProcess.JOB_FINISH, 1).getFirst();
        assertThat(finish.getCustomHeaders()).containsEntry(VetoApprovalProcess.HEADER_OUTCOME, "WITHDRAWN");
        complete(finish, Map.of("vetoApprovalPassed", false));
        engine.waitForIdleState(Duration.ofSeconds(5));
        assertThat(instance).hasPassedElement("EndEvent_Withdrawn").isCompleted().hasVariableWithValue("vetoApprovalPassed", false);
    }

    @Test
    void aReviewPastItsDeadlineRemindsTheReviewerThenGoesToTheHeadsGroupAndSilenceNeverApproves() throws Exception {
        ProcessInstanceEvent instance = start();
        Instant now = Instant.now();
        complete(activate(VetoApprovalProcess.JOB_OPEN_ROUND, 1).getFirst(), Map.of("approvalRequestId", 7, "roundId", 1, "roundNumber", 1,
                "reviews", List.of(Map.of("reviewId", 101, "department", "FINANCE", "level", "REVIEWER", "group", "FINANCE",
                        "due", now.plus(Duration.ofDays(1)).toString(), "escalateAt", now.plus(Duration.ofDays(2)).toString(),
                        "escalationGroups", List.of("FINANCE", "FINANCE_HEAD")))));
        ActivatedJob review = activate(USER_TASK, 1).getFirst();
        assertThat(review.getCustomHeaders()).containsEntry("io.camunda.zeebe:candidateGroups", "[\"FINANCE\"]");

        // past the deadline: the reviewer is reminded, and the review stays where it is
        engine.increaseTime(Duration.ofDays(1).plusMinutes(5));
        ActivatedJob remind = activate(VetoApprovalProcess.JOB_REMIND, 1).getFirst();
        assertThat(remind.getVariablesAsMap().get("review")).asString().contains("reviewId=101");
        complete(remind, Map.of());
        engine.waitForIdleState(Duration.ofSeconds(5));
        assertThat(instance).hasPassedElement("EndEvent_Reminded").isWaitingAtElements("Task_Review");

        // a day later still undecided: the review goes to the department head's group, the reviewer's task is gone
        engine.increaseTime(Duration.ofDays(1));
        complete(activate(VetoApprovalProcess.JOB_ESCALATE, 1).getFirst(), Map.of());
        engine.waitForIdleState(Duration.ofSeconds(5));
        assertThat(instance).isWaitingAtElements("Task_EscalatedReview").isNotWaitingAtElements("Task_Review");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.newCompleteCommand(review.getKey()).send().join())
                .hasMessageContaining("NOT_FOUND");
        ActivatedJob escalated = activate(USER_TASK, 1).getFirst();
        assertThat(escalated.getElementId()).isEqualTo("Task_EscalatedReview");
        assertThat(escalated.getCustomHeaders()).containsEntry("io.camunda.zeebe:candidateGroups", "[\"FINANCE\",\"FINANCE_HEAD\"]");

        // silence is never consent: a month later nothing has been decided for the department
        engine.increaseTime(Duration.ofDays(30));
        engine.waitForIdleState(Duration.ofSeconds(5));
        assertThat(instance).isWaitingAtElements("Task_EscalatedReview").hasNotPassedElement("Task_CloseRound")
                .hasNotPassedElement("EndEvent_Approved");

        // the head decides; the decision is recorded like any other
        decide(escalated, "APPROVE");
        complete(activate(VetoApprovalProcess.JOB_CLOSE_ROUND, 1).getFirst(), Map.of("roundOutcome", "APPROVED"));
        complete(activate(VetoApprovalProcess.JOB_FINISH, 1).getFirst(), Map.of("vetoApprovalPassed", true));
        engine.waitForIdleState(Duration.ofSeconds(5));
        assertThat(instance).hasPassedElement("EndEvent_Approved").isCompleted();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> decisions(ActivatedJob job) {
        return (List<Object>) job.getVariablesAsMap().get("decisions");
    }

    private ProcessInstanceEvent start() {
        return client.newCreateInstanceCommand().bpmnProcessId(VetoApprovalProcess.PROCESS_ID).latestVersion()
                .variables(Map.of("opportunityId", 42, "owner", "zhangwei", "stage", "PROPOSAL_NEGOTIATION", "amount", 3600000,
                        "marginPercent", 12, "paymentTermDays", 90, "nonStandardTerms", false))
                .send().join();
    }

    @Test
    void anApprovalStartedAgainAfterAVetoThatWasNotReworkedGoesBackToTheOwnersRework() throws Exception {
        ProcessInstanceEvent instance = start();
        // the round opening finds the last round vetoed and not reworked (the engine forgot the instance in between)
        Map<String, Object> resumed = new HashMap<>(roundOutput(1));
        resumed.put(VetoApprovalProcess.VAR_RESUME_REWORK, true);
        resumed.put("marginPercent", 6);
        complete(activate(VetoApprovalProcess.JOB_OPEN_ROUND, 1).getFirst(), resumed);
        ActivatedJob rework = activate(USER_TASK, 1).getFirst();
        assertThat(rework.getElementId()).isEqualTo("Task_Rework");
        // the terms the departments vetoed, not those the engine was started with
        assertThat(rework.getVariablesAsMap()).containsEntry("marginPercent", 6);
        assertThat(instance).hasNotPassedElement("SubProcess_Reviews").hasNotPassedElement("Task_CloseRound");
        // resubmitted, the next round is reviewed as usual
        complete(rework, Map.of("reworkDecision", "RESUBMIT", "reworkNote", "毛利率提高到 12%", "marginPercent", 12, "completedBy", "zhangwei"));
        openRound(2, "FINANCE");
        ActivatedJob review = activate(USER_TASK, 1).getFirst();
        assertThat(review.getElementId()).isEqualTo("Task_Review");
        assertThat(review.getVariablesAsMap()).containsEntry("marginPercent", 12);
    }

    private void openRound(int number, String... departments) throws Exception {
        complete(activate(VetoApprovalProcess.JOB_OPEN_ROUND, 1).getFirst(), roundOutput(number, departments));
    }

    private static Map<String, Object> roundOutput(int number, String... departments) {
        List<Map<String, Object>> reviews = new ArrayList<>();
        long id = number * 100L;
        for (String department : departments) {
            reviews.add(Map.of("reviewId", ++id, "department", department, "level", "REVIEWER", "group", department,
                    "due", "2030-01-02T10:00:00+08:00", "escalateAt", "2030-01-03T10:00:00+08:00",
                    "escalationGroups", List.of(department, department + "_HEAD")));
        }
        // as the worker does: every round opening says whether it resumes a rework
        return Map.of("approvalRequestId", 7, "roundId", number, "roundNumber", number, "reviews", reviews,
                VetoApprovalProcess.VAR_RESUME_REWORK, false);
    }

    /** A reviewer submits, and the decision is recorded. */
    private void decide(ActivatedJob review, String decision) throws Exception {
        complete(review, Map.of("decision", decision, "reason", "理由", "completedBy", "reviewer"));
        ActivatedJob record = activate(VetoApprovalProcess.JOB_RECORD_DECISION, 1).getFirst();
        assertThat(record.getVariablesAsMap()).containsEntry("decision", decision);
        complete(record, Map.of());
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
