package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.summit.base.UserFacingException;
import com.summit.base.ValidationException;
import com.summit.base.i18n.Locales;
import com.summit.base.i18n.Messages;
import com.summit.customer.domain.Customer;
import com.summit.customer.domain.Industry;
import com.summit.customer.service.CustomerService;
import com.summit.customer.service.NewCustomer;
import com.summit.engine.ProcessEngine;
import com.summit.engine.ProcessModels;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.service.OpportunityService;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.tasklist.service.ProcessStartService;
import com.summit.tasklist.service.StartForm;
import com.summit.tasklist.service.TaskRow;
import com.summit.tasklist.service.TaskService;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Processes with a start form are started from the task list, by the people the model allows, with checked values. */
class ProcessStartIT extends LocalAppIT {

    @Autowired ProcessStartService starts;
    @Autowired ProcessEngine engine;
    @Autowired TaskService tasks;
    @Autowired CustomerService customers;
    @Autowired OpportunityService opportunities;
    @Autowired UserService users;
    @Autowired Messages messages;

    private final String marker = UUID.randomUUID().toString().substring(0, 6);
    private SummitUser rep;
    private SummitUser legal;
    private SummitUser manager;

    @BeforeEach
    void setUp() {
        rep = users.find("zhangwei").orElseThrow();
        legal = users.find("wangfang").orElseThrow();
        manager = users.find("lina").orElseThrow();
    }

    @Test
    void aRepOpensAnOpportunityFromTheLifecycleStartForm() {
        Customer mine = customers.create(new NewCustomer("启航物流测试" + marker, null, Industry.FMCG, "江苏苏州"), rep);
        Customer someoneElses = customers.create(new NewCustomer("他人客户" + marker, null, Industry.FMCG, "江苏苏州"), manager);

        assertThat(starts.startable(rep)).extracting(ProcessModels.StartableProcess::bpmnProcessId).contains("opportunity-lifecycle");
        assertThat(starts.startable(legal)).extracting(ProcessModels.StartableProcess::bpmnProcessId).doesNotContain("opportunity-lifecycle");
        StartForm form = starts.open("opportunity-lifecycle", rep, Locales.ZH_CN);
        assertThat(form.processName()).isEqualTo("商机生命周期");
        assertThat(form.dataJson()).contains("启航物流测试" + marker).doesNotContain("他人客户" + marker);
        // the select ships its options to the browser: a manager's start form lists their own book, not the whole team's
        assertThat(starts.open("opportunity-lifecycle", manager, Locales.ZH_CN).dataJson()).contains("他人客户" + marker)
                .doesNotContain("启航物流测试" + marker);
        assertThat(customers.visibleByName(manager, "启航物流测试" + marker, 0, 10)).extracting(Customer::name)
                .as("the new-opportunity dialog still finds the team's customers").containsExactly("启航物流测试" + marker);
        assertThat(starts.open("opportunity-lifecycle", rep, Locales.EN).schemaJson()).contains("Opportunity name");
        assertThat(starts.open("opportunity-lifecycle", rep, Locales.EN).processName()).isEqualTo("Opportunity lifecycle");
        assertThat(starts.startable(rep, Locales.EN)).extracting(ProcessModels.StartableProcess::name).contains("Opportunity lifecycle");

        long instance = starts.start("opportunity-lifecycle", rep, """
                {"customer": "%d", "name": "华东区域仓配", "amount": 2600000, "services": ["WAREHOUSING", "DISTRIBUTION"],
                 "description": "两个区域仓，日均三千单"}""".formatted(mine.id()), Locales.ZH_CN);

        Opportunity opened = opportunities.visibleTo(rep).stream().filter(o -> o.customerId() == mine.id()).findFirst().orElseThrow();
        assertThat(opened.name()).isEqualTo("华东区域仓配");
        assertThat(opened.processInstanceKey()).isEqualTo(instance);
        TaskRow first = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.inbox(rep).stream()
                .filter(r -> r.task().processInstanceKey() == instance).findFirst().orElse(null), r -> r != null);
        assertThat(first.task().name()).isEqualTo("识别商机：客户画像与线索");

        // bad values: a message per field, nothing opened
        int before = opportunities.visibleTo(manager).size();
        assertThatThrownBy(() -> starts.start("opportunity-lifecycle", rep, """
                {"customer": "%d", "name": "", "amount": -5}""".formatted(mine.id()), Locales.ZH_CN))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(texts(e)).containsExactlyInAnyOrder(
                        "“商机名称”为必填项", "“预计年合同额（元）”不能小于 0"));
        assertThatThrownBy(() -> starts.start("opportunity-lifecycle", rep, """
                {"customer": "%d", "name": "越权商机", "amount": 100}""".formatted(someoneElses.id()), Locales.ZH_CN))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(texts(e)).containsExactly("“客户”的选项无效"));
        assertThatThrownBy(() -> starts.start("opportunity-lifecycle", rep, """
                {"customer": "%d", "name": "华东区域仓配", "amount": 100}""".formatted(mine.id()), Locales.ZH_CN))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(texts(e)).containsExactly("该客户已有进行中的商机“华东区域仓配”"));
        assertThat(opportunities.visibleTo(manager)).hasSize(before);

        // the model says who may start it
        assertThatThrownBy(() -> starts.start("opportunity-lifecycle", legal, "{}", Locales.ZH_CN))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(text(e)).isEqualTo("你无权发起“商机生命周期”"));
        assertThatThrownBy(() -> starts.open("no-such-process", rep, Locales.ZH_CN))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(text(e)).isEqualTo("这个流程不能从任务列表发起"));
    }

    @Test
    void aProcessWithoutItsOwnStarterStartsWithTheFormValuesAsVariables() {
        String id = "test-visit-request-" + marker;
        engine.deploy("visit-request-" + marker + ".form", ("""
                {"id": "visit-request-%s", "type": "default", "schemaVersion": 18, "components": [
                  {"type": "textfield", "key": "customerName", "label": "客户", "validate": {"required": true}, "id": "f1"},
                  {"type": "number", "key": "visitors", "label": "来访人数", "validate": {"min": 1, "max": 20}, "id": "f2"}]}"""
                .formatted(marker)).getBytes(StandardCharsets.UTF_8));
        engine.deploy(id + ".bpmn", ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
                    id="d" targetNamespace="http://summit.example/test">
                  <bpmn:process id="%1$s" name="客户参观申请 %2$s" isExecutable="true">
                    <bpmn:extensionElements><zeebe:properties><zeebe:property name="summit:starterGroups" value="*" />
                      </zeebe:properties></bpmn:extensionElements>
                    <bpmn:startEvent id="Start"><bpmn:extensionElements><zeebe:formDefinition formId="visit-request-%2$s" /></bpmn:extensionElements>
                      <bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
                    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Task_Arrange" />
                    <bpmn:userTask id="Task_Arrange" name="安排参观"><bpmn:extensionElements><zeebe:assignmentDefinition assignee="=startedBy" />
                      </bpmn:extensionElements><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
                    <bpmn:sequenceFlow id="f2" sourceRef="Task_Arrange" targetRef="End" />
                    <bpmn:endEvent id="End"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
                  </bpmn:process>
                </bpmn:definitions>""").formatted(id, marker).getBytes(StandardCharsets.UTF_8));

        assertThat(starts.startable(legal)).extracting(ProcessModels.StartableProcess::bpmnProcessId).contains(id);
        // the same model without the property: nobody may start it
        String closed = id + "-closed";
        engine.deploy(closed + ".bpmn", Bpmn.convertToString(Bpmn.createExecutableProcess(closed).name("未开放的流程")
                .startEvent().zeebeFormId("visit-request-" + marker).endEvent().done()).getBytes(StandardCharsets.UTF_8));
        assertThat(starts.startable(manager)).extracting(ProcessModels.StartableProcess::bpmnProcessId).doesNotContain(closed);
        assertThatThrownBy(() -> starts.start(closed, manager, "{\"customerName\": \"鲜达冷链\"}", Locales.ZH_CN))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(text(e)).isEqualTo("你无权发起“未开放的流程”"));
        assertThatThrownBy(() -> starts.start(id, legal, "{\"visitors\": 50}", Locales.ZH_CN))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(texts(e)).containsExactlyInAnyOrder(
                        "“客户”为必填项", "“来访人数”不能大于 20"));

        long instance = starts.start(id, legal, "{\"customerName\": \"鲜达冷链\", \"visitors\": 4}", Locales.ZH_CN);
        TaskRow task = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.inbox(legal).stream()
                .filter(r -> r.task().processInstanceKey() == instance).findFirst().orElse(null), r -> r != null);
        assertThat(task.task().name()).isEqualTo("安排参观");
        assertThat(task.task().variablesJson()).contains("\"customerName\": \"鲜达冷链\"", "\"visitors\": 4", "\"startedBy\": \"wangfang\"");
    }

    private List<String> texts(ValidationException e) {
        return e.errors().stream().map(f -> messages.getTranslation(f.messageKey(), Locales.ZH_CN, f.arguments())).toList();
    }

    private String text(UserFacingException e) {
        return messages.getTranslation(e.messageKey(), Locales.ZH_CN, e.arguments());
    }
}
