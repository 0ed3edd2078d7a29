package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.summit.SummitApplication;
import com.summit.base.i18n.Locales;
import com.summit.customer.domain.Industry;
import com.summit.customer.service.CustomerService;
import com.summit.customer.service.NewCustomer;
import com.summit.customer.domain.LogisticsService;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.domain.Stage;
import com.summit.opportunity.service.NewOpportunity;
import com.summit.opportunity.service.OpportunityService;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.tasklist.service.TaskRow;
import com.summit.tasklist.service.TaskService;
import com.summit.opportunity.domain.ScoreElement;
import com.summit.opportunity.service.ScorecardService;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stop the app mid-process and start it again on the same data: the open opportunity gets a new
 * process instance at its current stage, and its task is in the inbox once, not twice.
 */
class ReconciliationIT {

    private final Path data = Path.of("target", "it-data", "reconcile-" + ProcessHandle.current().pid());
    private final int zeebe = TestPorts.free();
    private final int postgres = TestPorts.free();

    @Test
    void anOpenOpportunityResumesAtItsStageAfterARestartWithItsTaskInTheInboxOnce() {
        long opportunityId;
        long wonId;
        long taskBeforeRestart;
        String epochBefore;
        try (ConfigurableApplicationContext app = start()) {
            SummitUser rep = app.getBean(UserService.class).find("zhangwei").orElseThrow();
            CustomerService customers = app.getBean(CustomerService.class);
            OpportunityService opportunities = app.getBean(OpportunityService.class);
            TaskService tasks = app.getBean(TaskService.class);
            var customer = customers.create(new NewCustomer("广州美妆电商有限公司", null, Industry.ECOMMERCE, "广州"), rep);
            Opportunity created = opportunities.create(new NewOpportunity(customer.id(), "大促仓配项目", "双十一峰值仓配",
                    new BigDecimal("2400000"), Set.of(LogisticsService.WAREHOUSING, LogisticsService.DISTRIBUTION)), rep);
            opportunityId = created.id();
            TaskRow first = awaitOpenTask(tasks, rep, opportunityId, "识别商机：客户画像与线索");
            app.getBean(ScorecardService.class).changeLevel(opportunityId, ScoreElement.NEED, 1,
                    ScorecardService.Evidence.note("客户来函：双十一前置仓"), rep);
            tasks.complete(first.task().id(), rep, """
                    {"leadSource":"INBOUND","statedNeed":"双十一期间需要华南三个前置仓","servicesNeeded":["WAREHOUSING"],
                     "estimatedAnnualValue":240,"requestAdvance":true}""", Locales.ZH_CN);
            taskBeforeRestart = awaitOpenTask(tasks, rep, opportunityId, "确认真实需求").task().id();
            // a claim waiting for the manager's verdict when the app stops
            app.getBean(ScorecardService.class).changeLevel(opportunityId, ScoreElement.POWER, 4,
                    ScorecardService.Evidence.note("物流总监同意推荐给总经理"), rep);
            SummitUser manager = app.getBean(UserService.class).find("lina").orElseThrow();
            awaitOpenTask(tasks, manager, opportunityId, "核实要素等级");
            epochBefore = opportunities.find(opportunityId).orElseThrow().engineEpoch();
            // a deal won, whose hand-over to operations was still open when the app stopped
            Opportunity won = opportunities.create(new NewOpportunity(customer.id(), "年度仓配合同", null, new BigDecimal("3600000"),
                    Set.of(LogisticsService.WAREHOUSING)), rep);
            wonId = won.id();
            app.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("update opportunity set status = 'WON', stage = 'CONTRACT_SIGNING' where id = :id").param("id", wonId).update();
        }

        try (ConfigurableApplicationContext app = start()) {
            SummitUser rep = app.getBean(UserService.class).find("zhangwei").orElseThrow();
            OpportunityService opportunities = app.getBean(OpportunityService.class);
            TaskService tasks = app.getBean(TaskService.class);
            Opportunity after = opportunities.find(opportunityId).orElseThrow();
            assertThat(after.stage()).isEqualTo(Stage.NEED_CONFIRMATION);
            assertThat(after.engineEpoch()).isNotEqualTo(epochBefore);

            TaskRow resumed = awaitOpenTask(tasks, rep, opportunityId, "确认真实需求");
            assertThat(resumed.task().id()).isNotEqualTo(taskBeforeRestart);
            List<TaskRow> open = tasks.inbox(rep).stream().filter(r -> r.task().opportunityId() == opportunityId).toList();
            assertThat(open).hasSize(1);

            // the won deal's hand-over is in operations' inbox again
            SummitUser operations = app.getBean(UserService.class).find("zhengyun").orElseThrow();
            awaitOpenTask(tasks, operations, wonId, "移交实施：赢单后启动项目");

            // the claim is put before the manager again, once
            SummitUser manager = app.getBean(UserService.class).find("lina").orElseThrow();
            awaitOpenTask(tasks, manager, opportunityId, "核实要素等级");
            assertThat(tasks.inbox(manager).stream().filter(r -> r.task().opportunityId() != null
                    && r.task().opportunityId() == opportunityId && r.task().name().equals("核实要素等级"))).hasSize(1);
            confirmVerification(tasks, manager, opportunityId, app.getBean(ScorecardService.class));

            // stage 2's gate: need 4, power 3 (verified above), goals 2
            ScorecardService scorecards = app.getBean(ScorecardService.class);
            scorecards.changeLevel(opportunityId, ScoreElement.NEED, 3, ScorecardService.Evidence.note("客户提供了峰值订单数据"), rep);
            scorecards.changeLevel(opportunityId, ScoreElement.GOALS, 2, ScorecardService.Evidence.note("总经理：复购率提升 10%"), rep);
            tasks.complete(resumed.task().id(), rep, "{\"realNeed\":\"峰值期间的履约时效决定了复购率\",\"decisionMakerMet\":true,\"requestAdvance\":true}",
                    Locales.ZH_CN);
            // refused: need is 3 of 4; the task comes back with the reason in words
            TaskRow back = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.inbox(rep).stream()
                    .filter(r -> r.task().opportunityId() != null && r.task().opportunityId() == opportunityId
                            && r.task().name().equals("确认真实需求") && r.task().id() != resumed.task().id())
                    .findFirst().orElse(null), r -> r != null);
            // the findings are put in words when the task is opened, in the reader's language; the process carries codes
            assertThat(back.task().variablesJson()).doesNotContain("需求需达到");
            assertThat(tasks.open(back.task().id(), rep, Locales.ZH_CN).formDataJson()).contains("需求需达到 4 级（现为 3 级）");
            assertThat(tasks.open(back.task().id(), rep, Locales.EN).formDataJson()).contains("Need needs level 4 (now 3)");
            assertThat(opportunities.find(opportunityId).orElseThrow().stage()).isEqualTo(Stage.NEED_CONFIRMATION);
            scorecards.changeLevel(opportunityId, ScoreElement.NEED, 4, ScorecardService.Evidence.note("客户书面确认需求说明"), rep);
            // a claim of 4 opens the gate only once the manager has confirmed it
            confirmVerification(tasks, manager, opportunityId, app.getBean(ScorecardService.class));
            tasks.complete(back.task().id(), rep, "{\"realNeed\":\"峰值期间的履约时效决定了复购率\",\"requestAdvance\":true}", Locales.ZH_CN);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(opportunities.find(opportunityId).orElseThrow().stage()).isEqualTo(Stage.SOLUTION_DESIGN));
        }
    }

    private ConfigurableApplicationContext start() {
        // command-line arguments: they outrank application.yaml, as they do for a user
        return new SpringApplicationBuilder(SummitApplication.class).run(
                "--server.port=0",
                "--summit.local.data-dir=" + data,
                "--summit.local.zeebe.port=" + zeebe,
                "--summit.local.postgres.port=" + postgres,
                "--summit.local.elasticsearch.enabled=false",
                "--summit.local.elasticsearch.http-port=" + TestPorts.free());
    }

    /** The manager confirms the deal's claim that waits for a verdict, and the verdict is recorded. */
    private static void confirmVerification(TaskService tasks, SummitUser manager, long opportunityId, ScorecardService scorecards) {
        TaskRow verify = awaitOpenTask(tasks, manager, opportunityId, "核实要素等级");
        tasks.complete(verify.task().id(), manager, "{\"verdict\": \"CONFIRM\", \"verdictReason\": \"会议纪要已核对\"}", Locales.ZH_CN);
        await().atMost(Duration.ofSeconds(30)).until(() -> scorecards.history(opportunityId, manager).stream()
                .noneMatch(c -> c.status() == com.summit.opportunity.domain.ScoreChange.Status.PENDING));
    }

    private static TaskRow awaitOpenTask(TaskService tasks, SummitUser user, long opportunityId, String name) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> tasks.inbox(user).stream()
                .filter(r -> r.task().opportunityId() != null && r.task().opportunityId() == opportunityId && r.task().name().equals(name))
                .findFirst().orElse(null), r -> r != null);
    }
}
