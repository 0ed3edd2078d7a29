package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.summit.SummitApplication;
import com.summit.approval.domain.ApprovalRound;
import com.summit.approval.service.ApprovalRounds;
import com.summit.approval.service.ApprovalService;
import com.summit.base.i18n.Locales;
import com.summit.customer.domain.Customer;
import com.summit.customer.domain.CustomerTier;
import com.summit.customer.domain.Industry;
import com.summit.customer.domain.LogisticsService;
import com.summit.customer.domain.TierChange;
import com.summit.customer.service.CustomerService;
import com.summit.customer.service.NewCustomer;
import com.summit.customer.service.TieringService;
import com.summit.engine.ProcessEngine;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.domain.Stage;
import com.summit.opportunity.service.NewOpportunity;
import com.summit.opportunity.service.OpportunityService;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.tasklist.service.TaskRow;
import com.summit.tasklist.service.TaskService;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import com.summit.engine.ModelStore;
import com.summit.engine.ModelVersion;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Nothing is lost on restart: the app stops in the middle of each process and starts again on the same data (the
 * embedded engine forgets every instance); the user finds the same work afterwards, once. The lifecycle's stages,
 * hand-over and score verification are in {@link ReconciliationIT}.
 */
class RestartSurvivalIT {

    private final Path data = Path.of("target", "it-data", "restart-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID());
    private final int zeebe = TestPorts.free();
    private final int postgres = TestPorts.free();
    private final String marker = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void aStrategicDowngradeWaitingForTheManagerIsInTheirInboxAgainAfterARestartOnce() {
        long customerId;
        try (ConfigurableApplicationContext app = start()) {
            SummitUser rep = user(app, "zhangwei");
            CustomerService customers = app.getBean(CustomerService.class);
            Customer fading = customers.create(new NewCustomer("华东家电" + marker, null, Industry.HOME_APPLIANCES, "安徽合肥"), rep);
            customers.assignTier(fading.id(), CustomerTier.STRATEGIC);
            customerId = fading.id();
            for (int k = 1; k <= 12; k++) {
                app.getBean(TieringService.class).recordRevenue(fading.id(), LocalDate.now(Locales.ZONE).withDayOfMonth(1).minusMonths(k),
                        "WAREHOUSING", new BigDecimal("700000"), new BigDecimal("70000"));
            }
            app.getBean(ProcessEngine.class).start("customer-tiering", Map.of("afterId", fading.id() - 1, "batchSize", 1));
            awaitTask(app, "lina", t -> t.task().name().equals("确认战略客户降级") && t.task().variablesJson().contains("华东家电" + marker));
        }
        try (ConfigurableApplicationContext app = start()) {
            TaskRow confirm = awaitTask(app, "lina", t -> t.task().name().equals("确认战略客户降级")
                    && t.task().variablesJson().contains("华东家电" + marker));
            settle();
            assertThat(tasksOf(app, "lina", t -> t.task().name().equals("确认战略客户降级") && t.task().variablesJson().contains("华东家电" + marker)))
                    .extracting(t -> t.task().id()).containsExactly(confirm.task().id());
            // and it is decided as before: a downgrade no longer blocks the next one
            app.getBean(TaskService.class).complete(confirm.task().id(), user(app, "lina"),
                    "{\"downgradeDecision\": \"CONFIRM\", \"downgradeNote\": \"客户缩减华东业务\"}", Locales.ZH_CN);
            TieringService tiering = app.getBean(TieringService.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> tiering.history(customerId).getFirst().status() == TierChange.Status.CONFIRMED);
            assertThat(app.getBean(CustomerService.class).find(customerId).orElseThrow().tier()).isEqualTo(CustomerTier.IMPORTANT);
        }
    }

    @Test
    void aVetoRoundUnderWayGoesOnAfterARestartWithTheUndecidedReviewsOnlyOnce() {
        long dealId;
        long requestId;
        try (ConfigurableApplicationContext app = start()) {
            SummitUser rep = user(app, "zhangwei");
            Opportunity deal = dealAt(app, Stage.PROPOSAL_NEGOTIATION);
            dealId = deal.id();
            TaskRow negotiate = awaitTask(app, "zhangwei", t -> t.task().opportunityId() != null && t.task().opportunityId() == deal.id()
                    && t.task().name().equals("提交提案并谈判"));
            app.getBean(TaskService.class).complete(negotiate.task().id(), rep, """
                    {"proposedAnnualValue": 480, "grossMarginPercent": 6, "paymentTermDays": 30, "negotiationNotes": "客户要求 60 天账期，已拒绝",
                     "nonStandardTerms": false, "requestAdvance": true}""", Locales.ZH_CN);
            // legal decides before the app stops; finance (head, a low margin) and technology have not
            TaskRow legal = awaitTask(app, "wangfang", reviewOf(dealId));
            decide(app, "wangfang", legal);
            ApprovalService approvals = app.getBean(ApprovalService.class);
            requestId = await().atMost(Duration.ofSeconds(30)).until(() -> app.getBean(ApprovalRounds.class).requestIdOf(dealId, "PROPOSAL_NEGOTIATION").orElse(null),
                    id -> id != null && approvals.rounds(id).getFirst().reviews().stream().anyMatch(r -> r.decided()));
            awaitTask(app, "sunli", reviewOf(dealId));
            awaitTask(app, "chenjie", reviewOf(dealId));
        }
        try (ConfigurableApplicationContext app = start()) {
            TaskRow finance = awaitTask(app, "sunli", reviewOf(dealId));
            TaskRow tech = awaitTask(app, "chenjie", reviewOf(dealId));
            settle();
            assertThat(tasksOf(app, "sunli", reviewOf(dealId))).extracting(t -> t.task().id()).containsExactly(finance.task().id());
            assertThat(tasksOf(app, "chenjie", reviewOf(dealId))).extracting(t -> t.task().id()).containsExactly(tech.task().id());
            // legal decided already: not asked again; the rep waits, with no stage task
            assertThat(tasksOf(app, "wangfang", reviewOf(dealId))).isEmpty();
            assertThat(tasksOf(app, "zhangwei", t -> t.task().opportunityId() != null && t.task().opportunityId() == dealId
                    && t.task().name().equals("提交提案并谈判"))).isEmpty();
            ApprovalService approvals = app.getBean(ApprovalService.class);
            List<ApprovalRound> rounds = approvals.rounds(requestId);
            assertThat(rounds).singleElement().satisfies(r -> {
                assertThat(r.outcome()).isEqualTo(ApprovalRound.Outcome.RUNNING);
                assertThat(r.reviews()).hasSize(3);
            });
            // the round ends as it would have: both approve, and the deal moves on
            decide(app, "sunli", finance);
            decide(app, "chenjie", tech);
            await().atMost(Duration.ofSeconds(30)).until(() -> approvals.rounds(requestId).getFirst().outcome() == ApprovalRound.Outcome.APPROVED);
        }
    }

    @Test
    void aVetoNotYetReworkedIsTheOwnersReworkAgainAfterARestartAndTheNextRoundHasTheReworkedTerms() {
        long dealId;
        long requestId;
        String rework = "处理否决意见：修改后重新提交或撤回";
        try (ConfigurableApplicationContext app = start()) {
            SummitUser rep = user(app, "zhangwei");
            Opportunity deal = dealAt(app, Stage.PROPOSAL_NEGOTIATION);
            dealId = deal.id();
            TaskRow negotiate = awaitTask(app, "zhangwei", stageTask(dealId, "提交提案并谈判"));
            app.getBean(TaskService.class).complete(negotiate.task().id(), rep, """
                    {"proposedAnnualValue": 480, "grossMarginPercent": 6, "paymentTermDays": 30, "negotiationNotes": "首轮报价",
                     "nonStandardTerms": false, "requestAdvance": true}""", Locales.ZH_CN);
            TaskRow legal = awaitTask(app, "wangfang", reviewOf(dealId));
            TaskService tasks = app.getBean(TaskService.class);
            app.getBean(com.summit.tasklist.service.TaskAssignment.class).claim(legal.task().id(), user(app, "wangfang"));
            tasks.complete(legal.task().id(), user(app, "wangfang"), """
                    {"decision": "VETO", "reason": "违约条款对我方不利"}""", Locales.ZH_CN);
            awaitTask(app, "zhangwei", stageTask(dealId, rework));
            requestId = app.getBean(ApprovalRounds.class).requestIdOf(dealId, "PROPOSAL_NEGOTIATION").orElseThrow();
        }
        try (ConfigurableApplicationContext app = start()) {
            TaskRow again = awaitTask(app, "zhangwei", stageTask(dealId, rework));
            settle();
            // the same work, once: the rework, not the stage task, and no department asked to review the vetoed terms again
            assertThat(tasksOf(app, "zhangwei", stageTask(dealId, rework))).extracting(t -> t.task().id()).containsExactly(again.task().id());
            assertThat(tasksOf(app, "zhangwei", stageTask(dealId, "提交提案并谈判"))).isEmpty();
            for (String reviewer : List.of("wangfang", "sunli", "chenjie")) {
                assertThat(tasksOf(app, reviewer, reviewOf(dealId))).as(reviewer).isEmpty();
            }
            ApprovalService approvals = app.getBean(ApprovalService.class);
            assertThat(approvals.rounds(requestId)).extracting(ApprovalRound::outcome).containsExactly(ApprovalRound.Outcome.VETOED);
            assertThat(app.getBean(TaskService.class).open(again.task().id(), user(app, "zhangwei"), Locales.ZH_CN).formDataJson())
                    .contains("违约条款对我方不利");
            // reworked: the second round reviews the new terms
            app.getBean(TaskService.class).complete(again.task().id(), user(app, "zhangwei"), """
                    {"reworkDecision": "RESUBMIT", "reworkNote": "违约条款改为对等，毛利率提高到 12%", "marginPercent": 12, "paymentTermDays": 30}""",
                    Locales.ZH_CN);
            awaitTask(app, "wangfang", reviewOf(dealId));
            assertThat(approvals.rounds(requestId)).extracting(ApprovalRound::number, r -> r.marginPercent().intValue()).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(1, 6), org.assertj.core.groups.Tuple.tuple(2, 12));
        }
    }

    @Test
    void aVetoedDealPausedAndResumedIsAtItsStageTaskAfterARestartNotBackInTheOldRework() {
        long dealId;
        String rework = "处理否决意见：修改后重新提交或撤回";
        try (ConfigurableApplicationContext app = start()) {
            SummitUser rep = user(app, "zhangwei");
            TaskService tasks = app.getBean(TaskService.class);
            Opportunity deal = dealAt(app, Stage.PROPOSAL_NEGOTIATION);
            dealId = deal.id();
            TaskRow negotiate = awaitTask(app, "zhangwei", stageTask(dealId, "提交提案并谈判"));
            tasks.complete(negotiate.task().id(), rep, """
                    {"proposedAnnualValue": 480, "grossMarginPercent": 6, "paymentTermDays": 30, "negotiationNotes": "首轮报价",
                     "nonStandardTerms": false, "requestAdvance": true}""", Locales.ZH_CN);
            TaskRow legal = awaitTask(app, "wangfang", reviewOf(dealId));
            app.getBean(com.summit.tasklist.service.TaskAssignment.class).claim(legal.task().id(), user(app, "wangfang"));
            tasks.complete(legal.task().id(), user(app, "wangfang"), """
                    {"decision": "VETO", "reason": "违约条款对我方不利"}""", Locales.ZH_CN);
            awaitTask(app, "zhangwei", stageTask(dealId, rework));
            // the deal is paused and taken up again: its owner is back at the stage task, the request stays open
            app.getBean(OpportunityService.class).pause(dealId, rep);
            await().atMost(Duration.ofSeconds(30)).until(() -> tasksOf(app, "zhangwei", stageTask(dealId, rework)).isEmpty());
            app.getBean(OpportunityService.class).resume(dealId, rep);
            awaitTask(app, "zhangwei", stageTask(dealId, "提交提案并谈判"));
        }
        try (ConfigurableApplicationContext app = start()) {
            TaskRow stage = awaitTask(app, "zhangwei", stageTask(dealId, "提交提案并谈判"));
            settle();
            assertThat(tasksOf(app, "zhangwei", stageTask(dealId, "提交提案并谈判"))).extracting(t -> t.task().id())
                    .containsExactly(stage.task().id());
            assertThat(tasksOf(app, "zhangwei", stageTask(dealId, rework))).isEmpty();
            for (String reviewer : List.of("wangfang", "sunli", "chenjie")) {
                assertThat(tasksOf(app, reviewer, reviewOf(dealId))).as(reviewer).isEmpty();
            }
        }
    }

    @Test
    void stageWorkSavedWithoutAdvancingAndADraftTypedAreThereAfterARestart() {
        long dealId;
        try (ConfigurableApplicationContext app = start()) {
            SummitUser rep = user(app, "zhangwei");
            Opportunity deal = dealAt(app, Stage.NEED_CONFIRMATION);
            dealId = deal.id();
            TaskService tasks = app.getBean(TaskService.class);
            TaskRow confirm = awaitTask(app, "zhangwei", stageTask(dealId, "确认真实需求"));
            // saved without advancing: the task comes back with what was saved
            tasks.complete(confirm.task().id(), rep, "{\"realNeed\":\"峰值期间的履约时效决定了复购率\",\"painQuantified\":\"每年缺货损失约 300 万\","
                    + "\"requestAdvance\":false}", Locales.ZH_CN);
            TaskRow again = await().atMost(Duration.ofSeconds(30)).until(() -> tasksOf(app, "zhangwei", stageTask(dealId, "确认真实需求")).stream()
                    .filter(t -> t.task().id() != confirm.task().id()).findFirst().orElse(null), t -> t != null);
            // then typed a little more, not submitted
            tasks.saveDraft(again.task().id(), rep, "{\"realNeed\":\"峰值期间的履约时效决定了复购率\",\"painQuantified\":\"每年缺货损失约 300 万\","
                    + "\"customerConfirmedNeed\":true}");
        }
        try (ConfigurableApplicationContext app = start()) {
            TaskRow resumed = awaitTask(app, "zhangwei", stageTask(dealId, "确认真实需求"));
            settle();
            assertThat(tasksOf(app, "zhangwei", stageTask(dealId, "确认真实需求"))).hasSize(1);
            assertThat(resumed.task().variablesJson()).contains("峰值期间的履约时效决定了复购率", "每年缺货损失约 300 万");
            var opened = app.getBean(TaskService.class).open(resumed.task().id(), user(app, "zhangwei"), Locales.ZH_CN);
            assertThat(opened.hasDraft()).isTrue();
            assertThat(opened.formDataJson()).contains("customerConfirmedNeed");
        }
    }

    private Opportunity dealAt(ConfigurableApplicationContext app, Stage stage) {
        SummitUser rep = user(app, "zhangwei");
        var customer = app.getBean(CustomerService.class).create(new NewCustomer("宁波港口物流" + marker, null, Industry.MACHINERY, "浙江宁波"), rep);
        return app.getBean(OpportunityService.class).importAt(new NewOpportunity(customer.id(), "港口集装箱短驳" + marker, null,
                new BigDecimal("4800000"), Set.of(LogisticsService.LINE_HAUL)), rep, stage, Instant.now());
    }

    private static void decide(ConfigurableApplicationContext app, String username, TaskRow review) {
        TaskService tasks = app.getBean(TaskService.class);
        app.getBean(com.summit.tasklist.service.TaskAssignment.class).claim(review.task().id(), user(app, username));
        tasks.complete(review.task().id(), user(app, username), "{\"decision\": \"APPROVE\"}", Locales.ZH_CN);
    }

    private static Predicate<TaskRow> reviewOf(long dealId) {
        return t -> t.task().opportunityId() != null && t.task().opportunityId() == dealId && t.task().name().startsWith("部门审批");
    }

    @Test
    void theVersionsDeployedInSummitAreWhatRunsAfterARestartNumberedAsBeforeAndTheAppsFileDoesNotReplaceThem() {
        String name = "workbench-restart-" + marker + ".bpmn";
        String processId = name.replace(".bpmn", "");
        String gate;
        try (ConfigurableApplicationContext app = start()) {
            ModelStore models = app.getBean(ModelStore.class);
            models.deployNew(name, WorkbenchIT.process(name, "第一版"), ModelVersion.Origin.WORKBENCH, "初版", "v1.0", "zhaomin");
            models.deployNew(name, WorkbenchIT.process(name, "第二版"), ModelVersion.Origin.WORKBENCH, "改名", "v1.1", "zhaomin");
            // the process owner's change to a model the app has a file of: the file stays as it is in the jar
            gate = models.versionsOf("stage-gate.dmn").getFirst().content();
            models.deployNew("stage-gate.dmn", gate.replaceFirst("name=\"([^\"]*)\"", "name=\"$1（流程负责人修订）\""), ModelVersion.Origin.WORKBENCH, "措辞", null, "zhaomin");
        }
        try (ConfigurableApplicationContext app = start()) {
            ModelStore models = app.getBean(ModelStore.class);
            // the embedded engine forgot both versions: they were deployed again in order, and it numbers them as Summit did
            assertThat(models.versionsOf(name)).extracting(ModelVersion::version, ModelVersion::engineVersion, ModelVersion::versionTag)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1, "v1.0"), org.assertj.core.groups.Tuple.tuple(2, 2, "v1.1"));
            long instance = app.getBean(ProcessEngine.class).start(processId, Map.of());
            TaskRow step = awaitTask(app, "zhangwei", t -> t.task().processInstanceKey() == instance);
            assertThat(step.task().name()).isEqualTo("第二版");
            // the jar's stage-gate.dmn is its first version: no proposal, and the owner's version is the current one
            List<ModelVersion> gates = models.versionsOf("stage-gate.dmn");
            assertThat(gates).extracting(ModelVersion::state).containsOnly(ModelVersion.State.DEPLOYED);
            assertThat(gates).extracting(ModelVersion::version, ModelVersion::engineVersion)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1), org.assertj.core.groups.Tuple.tuple(2, 2));
            assertThat(models.current()).filteredOn(v -> v.resourceName().equals("stage-gate.dmn")).singleElement()
                    .satisfies(v -> assertThat(v.content()).contains("（流程负责人修订）").isNotEqualTo(gate));
        }
    }

    private static Predicate<TaskRow> stageTask(long dealId, String name) {
        return t -> t.task().opportunityId() != null && t.task().opportunityId() == dealId && t.task().name().equals(name);
    }

    private static SummitUser user(ConfigurableApplicationContext app, String username) {
        return app.getBean(UserService.class).find(username).orElseThrow();
    }

    private static List<TaskRow> tasksOf(ConfigurableApplicationContext app, String username, Predicate<TaskRow> which) {
        SummitUser user = user(app, username);
        TaskService tasks = app.getBean(TaskService.class);
        return java.util.stream.Stream.concat(tasks.inbox(user).stream(), tasks.claimable(user, Locales.ZH_CN).stream())
                .filter(which).collect(java.util.stream.Collectors.toMap(t -> t.task().id(), t -> t, (a, b) -> a, java.util.LinkedHashMap::new))
                .values().stream().toList();
    }

    private static TaskRow awaitTask(ConfigurableApplicationContext app, String username, Predicate<TaskRow> which) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> tasksOf(app, username, which).stream().findFirst().orElse(null), t -> t != null);
    }

    /** Time for a second instance to show up, if the restart started one. */
    private static void settle() {
        try {
            Thread.sleep(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(SummitApplication.class).run(
                "--server.port=0",
                "--summit.local.data-dir=" + data,
                "--summit.local.zeebe.port=" + zeebe,
                "--summit.local.postgres.port=" + postgres,
                "--summit.local.elasticsearch.enabled=false",
                "--summit.demo.generated-customers=0",
                "--summit.local.elasticsearch.http-port=" + TestPorts.free());
    }
}
