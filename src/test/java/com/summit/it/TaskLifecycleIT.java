package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.tasklist.domain.TaskState;
import com.summit.tasklist.service.TaskRow;
import com.summit.tasklist.service.TaskService;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Tasks enter the inbox once, and leave it when the process ends their step without a person. */
class TaskLifecycleIT extends LocalAppIT {

    @Autowired CamundaClient client;
    @Autowired TaskService tasks;
    @Autowired UserService users;
    @Autowired com.summit.engine.ProcessEngine engine;

    private SummitUser rep;

    @BeforeEach
    void deployTestProcess() {
        rep = users.find("zhangwei").orElseThrow();
        BpmnModelInstance model = Bpmn.createExecutableProcess("test-deadline")
                .name("测试：限时任务")
                .startEvent()
                .userTask("Task_Answer", t -> t.name("限时答复").zeebeAssignee("zhangwei")
                        .zeebeTaskHeader("priority", "80"))
                .boundaryEvent("Boundary_Deadline", b -> b.cancelActivity(true).timerWithDurationExpression("=deadline"))
                .endEvent("End_TooLate")
                .moveToActivity("Task_Answer")
                .endEvent("End_Answered")
                .done();
        engine.deploy("test-deadline.bpmn", Bpmn.convertToString(model).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aTaskWhoseStepAnInterruptingBoundaryEventEndsLeavesTheInbox() {
        long instance = start("PT3S");
        TaskRow row = awaitInInbox(instance);
        assertThat(row.task().priority()).isEqualTo(80);
        assertThat(row.name()).isEqualTo("限时答复");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(tasks.inbox(rep)).noneMatch(r -> r.task().processInstanceKey() == instance));
        assertThat(tasks.find(row.task().id()).orElseThrow().state()).isEqualTo(TaskState.CANCELED);
        assertThat(tasks.find(row.task().id()).orElseThrow().endReason()).isEqualTo("ELEMENT_ENDED");
    }

    @Test
    void aTaskOfACancelledInstanceLeavesTheInbox() {
        long instance = start("P1D");
        TaskRow row = awaitInInbox(instance);

        client.newCancelInstanceCommand(instance).send().join();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(tasks.inbox(rep)).noneMatch(r -> r.task().processInstanceKey() == instance));
        assertThat(tasks.find(row.task().id()).orElseThrow().state()).isEqualTo(TaskState.CANCELED);
    }

    @Test
    void aJobKeyThatANewEngineRunHandsOutAgainIsANewTask() {
        var first = new com.summit.tasklist.domain.NewTask(987_654_321L, "epoch-before", 1L, 1L, "test-deadline", "Task_Answer", 2L,
                "限时答复", null, "zhangwei", java.util.List.of(), java.util.List.of(), null, null, 50, "{}", null);
        var again = new com.summit.tasklist.domain.NewTask(987_654_321L, "epoch-after", 1L, 1L, "test-deadline", "Task_Answer", 2L,
                "限时答复", null, "zhangwei", java.util.List.of(), java.util.List.of(), null, null, 50, "{}", null);
        assertThat(tasks.capture(first)).isTrue();
        assertThat(tasks.capture(first)).as("the same job of the same engine run").isFalse();
        assertThat(tasks.capture(again)).as("the same key from a restarted embedded engine").isTrue();
    }

    private long start(String deadline) {
        return client.newCreateInstanceCommand().bpmnProcessId("test-deadline").latestVersion()
                .variables(Map.of("deadline", deadline, "customerName", "测试客户")).send().join().getProcessInstanceKey();
    }

    private TaskRow awaitInInbox(long instance) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> tasks.inbox(rep).stream()
                .filter(r -> r.task().processInstanceKey() == instance).findFirst().orElse(null), r -> r != null);
    }
}
