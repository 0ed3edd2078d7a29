package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.summit.base.UserFacingException;
import com.summit.base.i18n.Locales;
import com.summit.base.i18n.Messages;
import com.summit.engine.ProcessEngine;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.tasklist.service.TaskDetails;
import com.summit.tasklist.service.TaskRow;
import com.summit.tasklist.service.TaskService;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A task whose form was deployed to the engine past Summit (from another modeler): Summit does not know its fields,
 * so the task page says so and a submission is refused; before, the values were dropped and the job completed empty.
 */
class UnknownFormIT extends LocalAppIT {

    @Autowired CamundaClient client;
    @Autowired ProcessEngine engine;
    @Autowired TaskService tasks;
    @Autowired UserService users;
    @Autowired Messages messages;

    @Test
    void aTaskWhoseFormSummitDoesNotKnowSaysSoAndRefusesTheSubmitAndStaysOpen() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        String marker = UUID.randomUUID().toString().substring(0, 6);
        String formId = "outside-form-" + marker;
        // deployed with a bare client, as another modeler would: Summit never recorded this form
        client.newDeployResourceCommand().addResourceBytes(("""
                {"id": "%s", "type": "default", "components": [{"key": "visitNotes", "label": "考察记录", "type": "textfield"}]}"""
                .formatted(formId)).getBytes(StandardCharsets.UTF_8), formId + ".form").send().join();
        String processId = "outside-" + marker;
        engine.deploy(processId + ".bpmn", Bpmn.convertToString(Bpmn.createExecutableProcess(processId).startEvent()
                .userTask("Task_Outside", t -> t.name("外部表单的任务").zeebeAssignee("zhangwei").zeebeFormId(formId)).endEvent().done())
                .getBytes(StandardCharsets.UTF_8));
        long instance = engine.start(processId, Map.of());
        TaskRow row = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.inbox(rep).stream()
                .filter(r -> r.task().processInstanceKey() == instance).findFirst().orElse(null), r -> r != null);
        assertThat(row.task().formKey()).as("the engine linked a form").isNotNull();

        TaskDetails details = tasks.open(row.task().id(), rep, Locales.ZH_CN);
        assertThat(details.formUnknown()).isTrue();
        assertThat(details.formSchemaJson()).isNull();

        assertThatThrownBy(() -> tasks.complete(row.task().id(), rep, "{\"visitNotes\": \"仓库很整洁\"}", Locales.ZH_CN))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(messages.getTranslation(e.messageKey(), Locales.ZH_CN))
                        .startsWith("Summit 不认识这个任务的表单"));
        assertThat(tasks.find(row.task().id()).orElseThrow().isOpen()).as("nothing was completed").isTrue();
    }
}
