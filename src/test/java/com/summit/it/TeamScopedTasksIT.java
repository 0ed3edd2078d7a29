package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.summit.base.UserFacingException;
import com.summit.base.i18n.Locales;
import com.summit.base.i18n.Messages;
import com.summit.customer.domain.Customer;
import com.summit.customer.domain.Industry;
import com.summit.customer.domain.LogisticsService;
import com.summit.customer.service.CustomerImport;
import com.summit.customer.service.CustomerService;
import com.summit.customer.service.ImportKind;
import com.summit.customer.service.NewCustomer;
import com.summit.engine.ProcessEngine;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.service.NewOpportunity;
import com.summit.opportunity.service.OpportunityService;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.tasklist.service.TaskAttachmentService;
import com.summit.tasklist.service.TaskDetails;
import com.summit.tasklist.service.TaskRow;
import com.summit.tasklist.service.TaskService;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A manager works only on their own team's deals. 黄敏 manages 华南; 张伟's deals are 华东's, under 李娜. Every check
 * is made by the services, as 黄敏 would meet it.
 */
class TeamScopedTasksIT extends LocalAppIT {

    @Autowired TaskService tasks;
    @Autowired com.summit.tasklist.service.TaskAssignment assignment;
    @Autowired com.summit.tasklist.service.TaskCommentService comments;
    @Autowired TaskAttachmentService attachments;
    @Autowired OpportunityService opportunities;
    @Autowired CustomerService customers;
    @Autowired CustomerImport imports;
    @Autowired UserService users;
    @Autowired Messages messages;
    @Autowired CamundaClient client;
    @Autowired ProcessEngine engine;
    @Autowired ObjectMapper json;

    private final String marker = UUID.randomUUID().toString().substring(0, 6);
    private SummitUser rep;
    private SummitUser ownManager;
    private SummitUser otherManager;

    @BeforeEach
    void users() {
        rep = users.find("zhangwei").orElseThrow();
        ownManager = users.find("lina").orElseThrow();
        otherManager = users.find("huangmin").orElseThrow();
    }

    @Test
    void aManagerOfAnotherTeamNeitherListsNorOpensTheTasksOfTheOtherTeamsDeals() {
        Opportunity deal = deal();
        long taskId = stageTask(deal);

        assertThat(ids(tasks.allOpen(otherManager, Locales.ZH_CN))).doesNotContain(taskId);
        assertThat(ids(tasks.inbox(otherManager))).doesNotContain(taskId);
        assertNotFound(() -> tasks.open(taskId, otherManager, Locales.ZH_CN));
        assertNotFound(() -> comments.comments(taskId, otherManager));
        assertNotFound(() -> comments.comment(taskId, otherManager, "看一下"));
        assertNotFound(() -> tasks.history(taskId, otherManager));
        assertNotFound(() -> tasks.diagram(taskId, otherManager));
        assertNotFound(() -> attachments.list(taskId, otherManager));
        assertNotFound(() -> attachments.attach(taskId, otherManager, "x.txt", "x".getBytes(StandardCharsets.UTF_8)));

        // the deal's own manager does see it, under everyone's tasks
        assertThat(ids(tasks.allOpen(ownManager, Locales.ZH_CN))).contains(taskId);
        assertThat(tasks.open(taskId, ownManager, Locales.ZH_CN).task().id()).isEqualTo(taskId);
    }

    @Test
    void aManagerOfAnotherTeamCanNeitherAssignNorSubmitTheOtherTeamsTasks() {
        Opportunity deal = deal();
        long taskId = stageTask(deal);

        assertNotFound(() -> assignment.assign(taskId, otherManager, "huangmin"));
        assertNotFound(() -> assignment.assign(taskId, otherManager, "linfeng"));
        assertNotFound(() -> tasks.complete(taskId, otherManager, "{}", Locales.ZH_CN));
        assertThat(tasks.find(taskId).orElseThrow().assignee()).isEqualTo("zhangwei");

        // the deal's manager may hand it only to a candidate who sees the deal, or to its owner
        assertRefused(() -> assignment.assign(taskId, ownManager, "lina"), "不能指派给李娜：只能指派给可以查看这个商机的候选人，或商机负责人。");
        assertRefused(() -> assignment.assign(taskId, ownManager, "linfeng"), "不能指派给林峰：只能指派给可以查看这个商机的候选人，或商机负责人。");
        assertRefused(() -> assignment.assign(taskId, ownManager, "wangqiang"), "不能指派给王强：只能指派给可以查看这个商机的候选人，或商机负责人。");
        assertThat(assignment.assignableTo(taskId, ownManager)).extracting(SummitUser::username).containsExactly("zhangwei");
        assertThat(assignment.assignableTo(taskId, otherManager)).isEmpty();
        assertThat(tasks.find(taskId).orElseThrow().assignee()).isEqualTo("zhangwei");
    }

    @Test
    void aDepartmentsReviewIsAssignedOnlyWithinThatDepartment() {
        Opportunity deal = deal();
        long taskId = startTaskOfDeal(deal, "LEGAL", users.find("wangfang").orElseThrow());

        assertNotFound(() -> tasks.open(taskId, otherManager, Locales.ZH_CN));
        assertNotFound(() -> assignment.assign(taskId, otherManager, "wangfang"));
        assertRefused(() -> assignment.assign(taskId, ownManager, "chenjie"), "部门审批只能指派给本部门的审批人，陈杰不是。");
        assertRefused(() -> assignment.assign(taskId, ownManager, "zhangwei"), "部门审批只能指派给本部门的审批人，张伟不是。");
        assertThat(assignment.assignableTo(taskId, ownManager)).extracting(SummitUser::username).contains("wangfang", "zhoujun")
                .doesNotContain("zhangwei", "chenjie", "lina");
        assignment.assign(taskId, ownManager, "wangfang");
        assertThat(tasks.find(taskId).orElseThrow().assignee()).isEqualTo("wangfang");
    }

    @Test
    void aTaskOfferedToTheManagersReachesOnlyTheManagersWhoMaySeeTheDeal() {
        Opportunity deal = deal();
        long taskId = startTaskOfDeal(deal, "MANAGER", ownManager);

        assertThat(ids(tasks.claimable(otherManager, Locales.ZH_CN))).doesNotContain(taskId);
        assertThat(tasks.isFor(tasks.find(taskId).orElseThrow(), otherManager)).isFalse();
        assertNotFound(() -> assignment.claim(taskId, otherManager));
        assertNotFound(() -> tasks.open(taskId, otherManager, Locales.ZH_CN));
        assertThat(tasks.isFor(tasks.find(taskId).orElseThrow(), ownManager)).isTrue();
        assignment.claim(taskId, ownManager);
        assertThat(tasks.find(taskId).orElseThrow().assignee()).isEqualTo("lina");
    }

    @Test
    void theTaskPageSendsOnlyTheFormsFieldsNotTheInstancesVariables() throws Exception {
        Opportunity deal = deal();
        long taskId = stageTask(deal);

        TaskDetails details = tasks.open(taskId, rep, Locales.ZH_CN);
        Map<String, Object> sent = json.readValue(details.formDataJson(), new TypeReference<Map<String, Object>>() {});
        // the instance carries these, the identification form shows none of them
        Map<String, Object> instance = json.readValue(details.task().variablesJson(), new TypeReference<Map<String, Object>>() {});
        assertThat(instance).containsKeys("manager", "owner", "stallAfter", "opportunityId");
        assertThat(sent).doesNotContainKeys("manager", "owner", "stallAfter", "opportunityId", "amount")
                .containsEntry("customerName", deal.customerName()).containsEntry("opportunityName", deal.name());
    }

    @Test
    void theImportPreviewSaysNothingOfACustomerTheImporterCannotSee() {
        String code = CustomerImportIT.code();
        Customer hidden = customers.create(new NewCustomer("华东保密客户" + marker, code, Industry.FMCG, "上海"), rep);
        String csv = """
                客户名称,统一社会信用代码,行业,地区
                %s,,快消品,上海
                另一个名字%s,%s,快消品,上海
                """.formatted(hidden.name(), marker, code);

        for (boolean update : new boolean[] {false, true}) {
            CustomerImport.Preview preview = imports.preview(ImportKind.CUSTOMERS, "c.csv", csv.getBytes(StandardCharsets.UTF_8), update, otherManager);
            assertThat(preview.rows()).hasSize(2).allSatisfy(row -> {
                assertThat(row.action()).isEqualTo(CustomerImport.Action.ERROR);
                assertThat(row.problems()).extracting(p -> messages.getTranslation(p.messageKey(), Locales.ZH_CN, p.arguments().toArray()))
                        .containsExactly("不能导入");
            });
        }
        // nothing of it was imported either
        CustomerImport.Preview preview = imports.preview(ImportKind.CUSTOMERS, "c.csv", csv.getBytes(StandardCharsets.UTF_8), true, otherManager);
        assertThat(imports.commit(preview, CustomerImport.Mode.VALID_ROWS, otherManager).created()).isZero();
        assertThat(customers.findVisible(hidden.id(), rep).orElseThrow().region()).isEqualTo("上海");
    }

    private Opportunity deal() {
        Customer customer = customers.create(new NewCustomer("宁波家居" + marker, null, Industry.FMCG, "浙江宁波"), rep);
        return opportunities.create(new NewOpportunity(customer.id(), "家居干线" + marker, null, new BigDecimal("1800000"),
                Set.of(LogisticsService.LINE_HAUL)), rep);
    }

    private long stageTask(Opportunity deal) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> tasks.inbox(rep).stream()
                .filter(r -> Long.valueOf(deal.id()).equals(r.task().opportunityId())).map(r -> r.task().id()).findFirst().orElse(null),
                id -> id != null);
    }

    /** A step of the deal offered to a group, as a process owner might model one. */
    private long startTaskOfDeal(Opportunity deal, String group, SummitUser member) {
        String processId = "test-" + group.toLowerCase() + "-" + marker;
        engine.deploy(processId + ".bpmn", Bpmn.convertToString(Bpmn.createExecutableProcess(processId)
                .startEvent()
                .userTask("Task_Check", t -> t.name("核对商机").zeebeCandidateGroups(group))
                .endEvent()
                .done()).getBytes(StandardCharsets.UTF_8));
        long instance = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
                .variables(Map.of("opportunityId", deal.id(), "customerName", deal.customerName())).send().join().getProcessInstanceKey();
        return await().atMost(Duration.ofSeconds(30)).until(() -> tasks.claimable(member, Locales.ZH_CN).stream()
                .filter(r -> r.task().processInstanceKey() == instance).map(r -> r.task().id()).findFirst().orElse(null), id -> id != null);
    }

    private static List<Long> ids(List<TaskRow> rows) {
        return rows.stream().map(r -> r.task().id()).toList();
    }

    private void assertNotFound(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertRefused(call, "找不到这项任务。");
    }

    private void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(messages.getTranslation(e.messageKey(), Locales.ZH_CN, e.arguments())).isEqualTo(message));
    }
}
