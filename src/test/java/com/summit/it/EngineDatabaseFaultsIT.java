package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;

import com.summit.base.UserFacingException;
import com.summit.base.i18n.Locales;
import com.summit.base.i18n.Messages;
import com.summit.engine.EngineUnavailableException;
import com.summit.engine.ProcessEngine;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.tasklist.domain.HumanTaskRepository;
import com.summit.tasklist.domain.TaskEvent;
import com.summit.tasklist.domain.TaskState;
import com.summit.tasklist.process.TaskEngine;
import com.summit.tasklist.service.TaskOutcome;
import com.summit.tasklist.service.TaskRow;
import com.summit.tasklist.service.TaskService;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The engine and the database never disagree about a submitted task: a fault is injected between the two systems,
 * and the task ends as the process did, once. An app of its own (its engine and database are spied on), without
 * Elasticsearch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EngineDatabaseFaultsIT {

    static final Path DATA = Path.of("target", "it-data", "faults-" + ProcessHandle.current().pid());
    static final int ZEEBE = TestPorts.free();
    static final int POSTGRES = TestPorts.free();

    @DynamicPropertySource
    static void localMode(DynamicPropertyRegistry registry) {
        registry.add("summit.local.data-dir", DATA::toString);
        registry.add("summit.local.zeebe.port", () -> ZEEBE);
        registry.add("summit.local.postgres.port", () -> POSTGRES);
        registry.add("summit.local.elasticsearch.enabled", () -> "false");
        // an app of its own beside the shared one: the 500 generated demo customers are not needed here
        registry.add("summit.demo.generated-customers", () -> "0");
        registry.add("summit.tasklist.liveness-interval", () -> "1s");
    }

    @MockitoSpyBean TaskEngine taskEngine;
    @MockitoSpyBean HumanTaskRepository repository;
    @Autowired TaskService tasks;
    @Autowired UserService users;
    @Autowired ProcessEngine engine;
    @Autowired CamundaClient client;
    @Autowired Messages messages;

    private final String processId = "test-two-steps-" + UUID.randomUUID().toString().substring(0, 6);
    private SummitUser rep;

    @BeforeEach
    void deploy() {
        rep = users.find("zhangwei").orElseThrow();
        engine.deploy(processId + ".bpmn", Bpmn.convertToString(Bpmn.createExecutableProcess(processId)
                .startEvent()
                .userTask("Task_First", t -> t.name("第一步").zeebeAssignee("zhangwei"))
                .userTask("Task_Second", t -> t.name("第二步").zeebeAssignee("zhangwei"))
                .endEvent()
                .done()).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSubmissionWhoseEngineAnswerIsLostIsCompletedOnceAfterwards() {
        long instance = start();
        TaskRow first = task(instance, "第一步");
        // the engine completes the job, but its answer never arrives
        doAnswer(call -> {
            call.callRealMethod();
            return TaskEngine.Completion.UNCERTAIN;
        }).doCallRealMethod().when(taskEngine).complete(anyLong(), anyMap());

        assertThat(tasks.complete(first.task().id(), rep, "{}", Locales.ZH_CN)).isEqualTo(TaskOutcome.SUBMITTED);
        assertThat(tasks.find(first.task().id()).orElseThrow().state()).isEqualTo(TaskState.SUBMITTING);
        assertThat(ids(tasks.inbox(rep))).doesNotContain(first.task().id());

        // the sweep asks the engine again: the job is gone, so the submission went through
        await().atMost(Duration.ofSeconds(60)).until(() -> tasks.find(first.task().id()).orElseThrow().state() == TaskState.COMPLETED);
        TaskRow second = task(instance, "第二步");
        assertThat(tasks.inbox(rep)).filteredOn(r -> r.task().processInstanceKey() == instance).hasSize(1)
                .extracting(r -> r.task().id()).containsExactly(second.task().id());
        assertThat(tasks.history(first.task().id(), rep)).filteredOn(e -> e.type() == TaskEvent.Type.COMPLETED).hasSize(1);
        assertThat(tasks.find(first.task().id()).orElseThrow().completedBy()).isEqualTo("zhangwei");
    }

    @Test
    void aSubmissionTheEngineRefusesLeavesTheTaskOpenWithWhatWasTypedKeptAsItsDraft() throws Exception {
        long instance = start();
        TaskRow first = task(instance, "第一步");
        doThrow(new EngineUnavailableException(new RuntimeException("connection refused"))).doCallRealMethod()
                .when(taskEngine).complete(anyLong(), anyMap());

        assertThatThrownBy(() -> tasks.complete(first.task().id(), rep, "{}", Locales.ZH_CN))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(messages.getTranslation(e.messageKey(), Locales.ZH_CN,
                        e.arguments())).isEqualTo("流程引擎暂时无法访问，任务没有提交；你填写的内容已存为草稿。请稍后再试。"));
        assertThat(tasks.find(first.task().id()).orElseThrow().state()).isEqualTo(TaskState.OPEN);
        assertThat(tasks.open(first.task().id(), rep, Locales.ZH_CN).hasDraft()).isTrue();
        assertThat(tasks.history(first.task().id(), rep)).noneMatch(e -> e.type() == TaskEvent.Type.COMPLETED);
        assertThat(ids(tasks.inbox(rep))).contains(first.task().id());

        // once the engine answers, the same task goes through, once
        assertThat(tasks.complete(first.task().id(), rep, "{}", Locales.ZH_CN)).isEqualTo(TaskOutcome.COMPLETED);
        task(instance, "第二步");
        assertThat(tasks.history(first.task().id(), rep)).filteredOn(e -> e.type() == TaskEvent.Type.COMPLETED).hasSize(1);
    }

    @Test
    void aSubmissionTheEngineTookButTheDatabaseCouldNotRecordIsRecordedOnceAfterwards() {
        long instance = start();
        TaskRow first = task(instance, "第一步");
        doThrow(new DataAccessResourceFailureException("connection lost")).doCallRealMethod()
                .when(repository).finishSubmission(first.task().id());

        assertThat(tasks.complete(first.task().id(), rep, "{}", Locales.ZH_CN)).isEqualTo(TaskOutcome.SUBMITTED);
        await().atMost(Duration.ofSeconds(60)).until(() -> tasks.find(first.task().id()).orElseThrow().state() == TaskState.COMPLETED);
        task(instance, "第二步");
        assertThat(tasks.history(first.task().id(), rep)).filteredOn(e -> e.type() == TaskEvent.Type.COMPLETED).hasSize(1);
    }

    private long start() {
        return client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().variables(Map.of()).send().join()
                .getProcessInstanceKey();
    }

    private TaskRow task(long instance, String name) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> tasks.inbox(rep).stream()
                .filter(r -> r.task().processInstanceKey() == instance && r.task().name().equals(name)).findFirst().orElse(null),
                r -> r != null);
    }

    private static List<Long> ids(List<TaskRow> rows) {
        return rows.stream().map(r -> r.task().id()).toList();
    }
}
