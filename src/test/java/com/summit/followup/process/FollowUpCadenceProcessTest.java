package com.summit.followup.process;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The follow-up cadence of one deal on the real engine: a missed contact reminds the owner, the grace period after it
 * tells the manager with the task 跟进已逾期; a change of the follow-ups moves the timer, a paused deal stays quiet, a
 * closed one ends, and a step that finds the contact no longer missing goes back to working the date out.
 */
@ZeebeProcessTest
class FollowUpCadenceProcessTest {

    private static final String USER_TASK = "io.camunda.zeebe:userTask";

    private ZeebeTestEngine engine;
    private ZeebeClient client;
    /** How far the engine's clock runs ahead of the wall clock (the test engine tells only by moving it). */
    private Duration shifted = Duration.ZERO;

    private void advance(Duration by) {
        engine.increaseTime(by);
        shifted = shifted.plus(by);
    }

    @BeforeEach
    void deploy() {
        client.newDeployResourceCommand().addResourceFile("bpmn/follow-up-cadence.bpmn").addResourceFile("forms/follow-up-overdue.form")
                .send().join();
    }

    @Test
    void aMissedContactRemindsTheOwnerThenTheManagerGetsTheOverdueTaskAndTheNextPeriodStarts() throws Exception {
        ProcessInstanceEvent instance = start(101);
        waitFor(activate(CadenceProcess.JOB_NEXT_DUE), Duration.ofDays(1), Duration.ofDays(3));
        assertThat(jobs(CadenceProcess.JOB_REMIND)).as("no reminder before the due moment").isEmpty();

        advance(Duration.ofDays(1).plusMinutes(1));
        ActivatedJob remind = activate(CadenceProcess.JOB_REMIND);
        assertThat(remind.getVariablesAsMap()).containsEntry("opportunityId", 101).containsEntry("dueOn", "2026-12-07");
        complete(remind, Map.of("reminded", true));
        assertThat(jobs(CadenceProcess.JOB_ESCALATE)).as("the manager is not told within the grace period").isEmpty();

        advance(Duration.ofDays(2));
        complete(activate(CadenceProcess.JOB_ESCALATE), Map.of("escalated", true));
        ActivatedJob overdue = activate(USER_TASK);
        assertThat(overdue.getElementId()).isEqualTo(CadenceProcess.TASK_OVERDUE);
        assertThat(overdue.getCustomHeaders()).containsEntry("io.camunda.zeebe:assignee", "lina");
        assertThat(overdue.getVariablesAsMap()).containsEntry("opportunityId", 101).containsEntry("owner", "zhangwei");
        // the task gives back its form's fields and who completed it, nothing else; the due date it handled is the one the manager was told of
        complete(overdue, Map.of("overdueAction", "COACHED", "overdueNote", "已与张伟沟通，本周拜访", "completedBy", "lina", "dueOn", "1999-01-01",
                "owner", "someone"));
        ActivatedJob again = activate(CadenceProcess.JOB_NEXT_DUE);
        assertThat(again.getVariablesAsMap()).containsEntry("handledFor", "2026-12-07").containsEntry("owner", "zhangwei");
        assertThat(instance).isActive().hasPassedElement("Task_FollowUpOverdue");
    }

    @Test
    void aFollowUpRecordedOrPlannedMovesTheTimer() throws Exception {
        start(102);
        waitFor(activate(CadenceProcess.JOB_NEXT_DUE), Duration.ofDays(3), Duration.ofDays(5));
        changed(102);
        // worked out again: the next contact is now planned in ten days
        waitFor(activate(CadenceProcess.JOB_NEXT_DUE), Duration.ofDays(10), Duration.ofDays(12));
        assertThat(jobs(CadenceProcess.JOB_NEXT_DUE)).as("the change is heard once").isEmpty();
        advance(Duration.ofDays(4));
        assertThat(jobs(CadenceProcess.JOB_REMIND)).as("the old due moment passed without a reminder").isEmpty();
        advance(Duration.ofDays(7));
        assertThat(activate(CadenceProcess.JOB_REMIND)).isNotNull();
    }

    @Test
    void aPausedDealStaysQuietUntilItIsResumed() throws Exception {
        ProcessInstanceEvent instance = start(103);
        complete(activate(CadenceProcess.JOB_NEXT_DUE), Map.of("cadenceState", "PAUSED"));
        advance(Duration.ofDays(60));
        assertThat(jobs(CadenceProcess.JOB_NEXT_DUE)).isEmpty();
        assertThat(jobs(CadenceProcess.JOB_REMIND)).isEmpty();
        assertThat(jobs(CadenceProcess.JOB_ESCALATE)).isEmpty();
        assertThat(instance).isWaitingAtElements("Event_WaitWhilePaused");
        changed(103);
        assertThat(activate(CadenceProcess.JOB_NEXT_DUE)).as("resumed: the date is worked out again").isNotNull();
    }

    @Test
    void aClosedDealEndsItsCadence() throws Exception {
        ProcessInstanceEvent instance = start(104);
        complete(activate(CadenceProcess.JOB_NEXT_DUE), Map.of("cadenceState", "CLOSED"));
        engine.waitForIdleState(Duration.ofSeconds(5));
        assertThat(instance).hasPassedElement("EndEvent_Closed").isCompleted();
    }

    @Test
    void aReminderThatFindsTheContactMadeGoesBackToWorkingTheDateOut() throws Exception {
        start(105);
        waitFor(activate(CadenceProcess.JOB_NEXT_DUE), Duration.ofHours(1), Duration.ofDays(2));
        advance(Duration.ofHours(2));
        complete(activate(CadenceProcess.JOB_REMIND), Map.of("reminded", false));
        assertThat(activate(CadenceProcess.JOB_NEXT_DUE)).isNotNull();
        assertThat(jobs(CadenceProcess.JOB_ESCALATE)).isEmpty();
    }

    @Test
    void aChangeAfterTheReminderStopsTheEscalation() throws Exception {
        start(106);
        waitFor(activate(CadenceProcess.JOB_NEXT_DUE), Duration.ofHours(1), Duration.ofDays(1));
        advance(Duration.ofHours(2));
        complete(activate(CadenceProcess.JOB_REMIND), Map.of("reminded", true));
        changed(106);
        waitFor(activate(CadenceProcess.JOB_NEXT_DUE), Duration.ofDays(7), Duration.ofDays(8));
        advance(Duration.ofDays(2));
        assertThat(jobs(CadenceProcess.JOB_ESCALATE)).isEmpty();
    }

    @Test
    void anEscalationThatFindsTheContactMadeGivesTheManagerNoTask() throws Exception {
        start(107);
        waitFor(activate(CadenceProcess.JOB_NEXT_DUE), Duration.ofHours(1), Duration.ofHours(3));
        advance(Duration.ofHours(2));
        complete(activate(CadenceProcess.JOB_REMIND), Map.of("reminded", true));
        advance(Duration.ofHours(2));
        complete(activate(CadenceProcess.JOB_ESCALATE), Map.of("escalated", false));
        assertThat(activate(CadenceProcess.JOB_NEXT_DUE).getVariablesAsMap()).as("nothing was handled").containsEntry("handledFor", null);
        assertThat(jobs(USER_TASK)).isEmpty();
    }

    @Test
    void aFollowUpRecordedWhileTheManagerHoldsTheOverdueTaskWithdrawsIt() throws Exception {
        ProcessInstanceEvent instance = start(108);
        waitFor(activate(CadenceProcess.JOB_NEXT_DUE), Duration.ofHours(1), Duration.ofHours(3));
        advance(Duration.ofHours(2));
        complete(activate(CadenceProcess.JOB_REMIND), Map.of("reminded", true));
        advance(Duration.ofHours(2));
        complete(activate(CadenceProcess.JOB_ESCALATE), Map.of("escalated", true));
        assertThat(activate(USER_TASK).getElementId()).isEqualTo(CadenceProcess.TASK_OVERDUE);
        changed(108);
        ActivatedJob again = activate(CadenceProcess.JOB_NEXT_DUE);
        assertThat(again.getVariablesAsMap()).as("the manager was told: the next period starts after this due date").containsEntry("handledFor", "2026-12-07");
        assertThat(instance).hasPassedElement("Boundary_ChangedWhileOverdue");
        assertThat(jobs(USER_TASK)).as("the overdue task is withdrawn").isEmpty();
    }

    private ProcessInstanceEvent start(long opportunityId) {
        return client.newCreateInstanceCommand().bpmnProcessId(CadenceProcess.PROCESS_ID).latestVersion()
                .variables(Map.of("opportunityId", opportunityId, "owner", "zhangwei", "opportunityName", "全国七仓仓配一体化",
                        "customerName", "启明智能终端有限公司"))
                .send().join();
    }

    /** Completes the next-due step: wait, with the reminder and the escalation that far from the engine's clock. */
    private void waitFor(ActivatedJob nextDue, Duration remindIn, Duration escalateIn) {
        Instant now = Instant.now().plus(shifted);
        Map<String, Object> out = new HashMap<>();
        out.put("cadenceState", "WAIT");
        out.put("dueOn", "2026-12-07");
        out.put("remindAt", now.plus(remindIn).toString());
        out.put("escalateAt", now.plus(escalateIn).toString());
        out.put("owner", "zhangwei");
        out.put("manager", "lina");
        complete(nextDue, out);
    }

    private void changed(long opportunityId) throws Exception {
        client.newPublishMessageCommand().messageName(CadenceProcess.MESSAGE_CHANGED).correlationKey(Long.toString(opportunityId))
                .timeToLive(Duration.ofSeconds(30)).send().join();
        engine.waitForIdleState(Duration.ofSeconds(5));
    }

    private void complete(ActivatedJob job, Map<String, Object> variables) {
        client.newCompleteCommand(job.getKey()).variables(variables).send().join();
    }

    private ActivatedJob activate(String type) throws Exception {
        List<ActivatedJob> found = jobs(type);
        assertThat(found).as("jobs of type %s", type).hasSize(1);
        return found.getFirst();
    }

    private List<ActivatedJob> jobs(String type) throws Exception {
        engine.waitForIdleState(Duration.ofSeconds(5));
        return client.newActivateJobsCommand().jobType(type).maxJobsToActivate(10).timeout(Duration.ofMinutes(5)).send().join().getJobs();
    }
}
