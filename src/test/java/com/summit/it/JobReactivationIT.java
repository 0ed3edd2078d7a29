package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.summit.base.i18n.Locales;
import com.summit.engine.ProcessEngine;
import com.summit.local.LocalRuntime;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.tasklist.service.TaskOutcome;
import com.summit.tasklist.service.TaskRow;
import com.summit.tasklist.service.TaskService;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A job whose hold lapses is timed out by the engine and activated again with the same key: the inbox
 * keeps one row, and the task stays completable. The liveness sweep, which would renew the hold, is
 * slowed down here so that the lapse can happen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// not closed after its class (no DirtiesContext): its last test stops its engine, and closing the app then hangs
class JobReactivationIT {

    static final Path DATA = Path.of("target", "it-data", "reactivation-" + ProcessHandle.current().pid());
    static final int ZEEBE = TestPorts.free();
    static final int POSTGRES = TestPorts.free();
    static final int ES_HTTP = TestPorts.free();

    @DynamicPropertySource
    static void localMode(DynamicPropertyRegistry registry) {
        registry.add("summit.local.data-dir", DATA::toString);
        registry.add("summit.local.zeebe.port", () -> ZEEBE);
        registry.add("summit.local.postgres.port", () -> POSTGRES);
        registry.add("summit.local.elasticsearch.enabled", () -> "false");
        // an app of its own beside the shared one: the 500 generated demo customers are not needed here
        registry.add("summit.demo.generated-customers", () -> "0");
        registry.add("summit.local.elasticsearch.http-port", () -> ES_HTTP);
        registry.add("summit.tasklist.liveness-interval", () -> "1h");
        registry.add("summit.engine.request-timeout", () -> "3s");
    }

    @Autowired CamundaClient client;
    @Autowired ProcessEngine engine;
    @Autowired TaskService tasks;
    @Autowired UserService users;
    @Autowired LocalRuntime runtime;
    @Autowired com.summit.base.i18n.Messages messages;

    @Test
    @Order(1)
    void aJobActivatedAgainAfterItsTimeoutKeepsOneRowAndStaysCompletable() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        engine.deploy("test-simple.bpmn", Bpmn.convertToString(Bpmn.createExecutableProcess("test-simple").startEvent()
                .userTask("Task_Do", t -> t.name("处理").zeebeAssignee("zhangwei")).endEvent().done()).getBytes(StandardCharsets.UTF_8));
        long instance = client.newCreateInstanceCommand().bpmnProcessId("test-simple").latestVersion()
                .variables(Map.of()).send().join().getProcessInstanceKey();
        TaskRow row = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.inbox(rep).stream()
                .filter(r -> r.task().processInstanceKey() == instance).findFirst().orElse(null), r -> r != null);
        long jobKey = row.task().jobKey();

        client.newUpdateTimeoutCommand(jobKey).timeout(Duration.ofMillis(1)).send().join();
        await().atMost(Duration.ofSeconds(60)).until(() -> count(jobKey, JobIntent.TIMED_OUT) >= 1);
        // the worker activates it again: the engine writes a second activation of the same job key
        await().atMost(Duration.ofSeconds(30)).until(() -> activations(jobKey) >= 2);

        assertThat(tasks.inbox(rep)).filteredOn(r -> r.task().processInstanceKey() == instance).hasSize(1);
        assertThat(tasks.complete(row.task().id(), rep, "{}", Locales.ZH_CN)).isEqualTo(TaskOutcome.COMPLETED);
    }

    /** Runs last: it stops this class's own engine. */
    @Test
    @Order(2)
    void aSubmissionWhileTheEngineIsUnreachableIsRefusedAndTheTaskStaysOpenWithItsDraft() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        long instance = client.newCreateInstanceCommand().bpmnProcessId("test-simple").latestVersion()
                .variables(Map.of()).send().join().getProcessInstanceKey();
        TaskRow row = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.inbox(rep).stream()
                .filter(r -> r.task().processInstanceKey() == instance).findFirst().orElse(null), r -> r != null);

        runtime.engine().stop();

        assertThatThrownBy(() -> tasks.complete(row.task().id(), rep, "{}", Locales.ZH_CN))
                .isInstanceOfSatisfying(com.summit.base.UserFacingException.class,
                        e -> assertThat(messages.getTranslation(e.messageKey(), Locales.ZH_CN, e.arguments()))
                                .isEqualTo("流程引擎暂时无法访问，任务没有提交；你填写的内容已存为草稿。请稍后再试。"));
        var task = tasks.find(row.task().id()).orElseThrow();
        assertThat(task.state()).isEqualTo(com.summit.tasklist.domain.TaskState.OPEN);
        assertThat(task.completedBy()).isNull();
        assertThat(tasks.inbox(rep)).extracting(r -> r.task().id()).contains(row.task().id());
        assertThat(tasks.history(row.task().id(), rep)).noneMatch(e -> e.type() == com.summit.tasklist.domain.TaskEvent.Type.COMPLETED);
    }

    private long count(long jobKey, JobIntent intent) {
        return StreamSupport.stream(RecordStream.of(runtime.engine().getRecordStreamSource()).jobRecords().spliterator(), false)
                .filter(r -> r.getKey() == jobKey && r.getIntent() == intent).count();
    }

    /** Activations are written as JOB_BATCH records listing the job keys. */
    private long activations(long jobKey) {
        return StreamSupport.stream(RecordStream.of(runtime.engine().getRecordStreamSource()).records().spliterator(), false)
                .filter(r -> r.getValueType() == io.camunda.zeebe.protocol.record.ValueType.JOB_BATCH
                        && r.getIntent() == io.camunda.zeebe.protocol.record.intent.JobBatchIntent.ACTIVATED)
                .filter(r -> ((io.camunda.zeebe.protocol.record.value.JobBatchRecordValue) r.getValue()).getJobKeys().contains(jobKey))
                .count();
    }
}
