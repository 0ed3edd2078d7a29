package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.summit.base.i18n.Locales;
import com.summit.customer.domain.Industry;
import com.summit.customer.service.CustomerService;
import com.summit.customer.service.NewCustomer;
import com.summit.opportunity.domain.GateResult;
import com.summit.customer.domain.LogisticsService;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.domain.ScoreElement;
import com.summit.opportunity.domain.Stage;
import com.summit.opportunity.service.GateService;
import com.summit.opportunity.service.NewOpportunity;
import com.summit.opportunity.service.OpportunityService;
import com.summit.opportunity.service.ScorecardService;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The stage gate reads the opportunity's real facts and the deployed DMN, and says in words what is unmet. */
class StageGateIT extends LocalAppIT {

    @Autowired GateService gates;
    @Autowired ScorecardService scorecards;
    @Autowired OpportunityService opportunities;
    @Autowired CustomerService customers;
    @Autowired UserService users;

    @Test
    void theGateNamesWhatIsMissingAndPassesOnceTheEvidenceIsThere() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        String marker = UUID.randomUUID().toString().substring(0, 6);
        var profiled = customers.create(new NewCustomer("芜湖汽车配件" + marker, null, Industry.AUTOMOTIVE, "安徽芜湖"), rep);
        var unprofiled = customers.create(new NewCustomer("无画像客户" + marker, null, null, null), rep);
        Opportunity deal = opportunities.create(new NewOpportunity(profiled.id(), "入厂物流", null, new BigDecimal("1000000"),
                Set.of(LogisticsService.LINE_HAUL)), rep);
        Opportunity bare = opportunities.create(new NewOpportunity(unprofiled.id(), "试单", null, new BigDecimal("1000"),
                Set.of()), rep);

        GateResult refused = gates.evaluate(bare.id(), Stage.IDENTIFICATION, Map.of());
        assertThat(refused.passed()).isFalse();
        assertThat(gates.describe(refused, Locales.ZH_CN)).containsExactly(
                "客户画像不完整：请补全客户的行业和地区",
                "需求需达到 1 级（现为 0 级）：收到客户的明确要求（如“全国建七个仓”）");
        assertThat(gates.describe(refused, Locales.EN)).contains("Need needs level 1 (now 0): Stated request received (\"seven warehouses nationwide\")");

        scorecards.changeLevel(deal.id(), ScoreElement.NEED, 1, ScorecardService.Evidence.note("客户来函要求准时到厂"), rep);
        assertThat(gates.evaluate(deal.id(), Stage.IDENTIFICATION, Map.of()).passed()).isTrue();

        GateResult needConfirmation = gates.evaluate(deal.id(), Stage.NEED_CONFIRMATION, Map.of());
        assertThat(needConfirmation.unmet()).extracting(GateResult.Unmet::element, GateResult.Unmet::required, GateResult.Unmet::current)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ScoreElement.NEED, 4, 1),
                        org.assertj.core.groups.Tuple.tuple(ScoreElement.POWER, 3, 0),
                        org.assertj.core.groups.Tuple.tuple(ScoreElement.GOALS, 2, 0));
        assertThat(gates.latest(deal.id())).get().satisfies(latest -> {
            assertThat(latest.stage()).isEqualTo(Stage.NEED_CONFIRMATION);
            assertThat(latest.unmet()).hasSize(3);
        });

        GateResult solution = gates.evaluate(deal.id(), Stage.SOLUTION_DESIGN, Map.of("solutionReviewPassed", true));
        assertThat(solution.unmet()).extracting(GateResult.Unmet::condition).doesNotContain("SOLUTION_REVIEW");
        assertThat(gates.evaluate(deal.id(), Stage.SOLUTION_DESIGN, Map.of()).unmet()).extracting(GateResult.Unmet::condition)
                .contains("SOLUTION_REVIEW");
    }

    @Autowired com.summit.tasklist.service.TaskService tasks;
    @Autowired com.summit.opportunity.service.OpportunityPageService pages;

    @Test
    void aRepWhoAsksToAdvanceHearsTheGatesAnswerAtOnceAndAPendingClaimSaysWhoMustAct() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        SummitUser manager = users.find("lina").orElseThrow();
        String marker = UUID.randomUUID().toString().substring(0, 6);
        var customer = customers.create(new NewCustomer("马鞍山钢构" + marker, null, Industry.MACHINERY, "安徽马鞍山"), rep);
        Opportunity deal = opportunities.create(new NewOpportunity(customer.id(), "钢构件干线" + marker, null, new BigDecimal("1000000"),
                Set.of(LogisticsService.LINE_HAUL)), rep);
        String stageWork = """
                {"leadSource":"INBOUND","statedNeed":"双十一期间需要华南三个前置仓","servicesNeeded":["WAREHOUSING"],
                 "estimatedAnnualValue":240,"requestAdvance":true}""";

        // a claim of need 4 waits for the manager: the gate counts need 0 and says who must act
        scorecards.changeLevel(deal.id(), ScoreElement.NEED, 4, ScorecardService.Evidence.note("客户书面确认了需求说明"), rep);
        var first = stageTask(rep, deal.id(), -1);
        java.time.Instant since = java.time.Instant.now();
        assertThat(tasks.complete(first.task().id(), rep, stageWork, Locales.ZH_CN)).isEqualTo(com.summit.tasklist.service.TaskOutcome.COMPLETED);
        assertThat(tasks.feedback(first.task().id(), stageWork, since, rep, Locales.ZH_CN)).contains(
                "出口检查未通过，商机留在本阶段：需求需达到 1 级（现为 0 级）：收到客户的明确要求（如“全国建七个仓”）；4 级的申报待李娜核实，核实前按 0 级计算");
        assertThat(tasks.feedback(first.task().id(), stageWork, since, rep, Locales.EN)).get().asString()
                .startsWith("Exit gate not passed; the opportunity stays in this stage: Need needs level 1 (now 0)")
                .contains("waits for 李娜 to verify it");

        // confirmed: the next request passes, and the rep hears so
        var verify = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> tasks.inbox(manager).stream()
                .filter(r -> Long.valueOf(deal.id()).equals(r.task().opportunityId()) && r.task().name().equals("核实要素等级")).findFirst()
                .orElse(null), r -> r != null);
        tasks.complete(verify.task().id(), manager, "{\"verdict\": \"CONFIRM\", \"verdictReason\": \"已核对\"}", Locales.ZH_CN);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                scorecards.pendingClaim(deal.id(), ScoreElement.NEED).isEmpty());
        var second = stageTask(rep, deal.id(), first.task().id());
        since = java.time.Instant.now();
        tasks.complete(second.task().id(), rep, stageWork, Locales.ZH_CN);
        assertThat(tasks.feedback(second.task().id(), stageWork, since, rep, Locales.ZH_CN)).get().asString()
                .startsWith("出口检查通过：商机进入第 2 阶段");
        // a save without the request hears nothing more than "done"
        assertThat(tasks.feedback(second.task().id(), stageWork.replace("\"requestAdvance\":true", "\"requestAdvance\":false"), since, rep,
                Locales.ZH_CN)).isEmpty();

        // the deal's timeline shows both gate results, newest first (the claim is no longer pending: no note of it)
        var timeline = pages.page(deal.id(), rep, Locales.ZH_CN).timeline();
        assertThat(timeline).filteredOn(e -> e.kind() == com.summit.opportunity.service.OpportunityPage.Kind.GATE)
                .extracting(com.summit.opportunity.service.OpportunityPage.Entry::text)
                .containsExactly("第 1 阶段出口检查通过", "第 1 阶段出口检查未通过：需求需达到 1 级（现为 0 级）：收到客户的明确要求（如“全国建七个仓”）");
    }

    private com.summit.tasklist.service.TaskRow stageTask(SummitUser rep, long dealId, long notThisOne) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> tasks.inbox(rep).stream()
                .filter(r -> Long.valueOf(dealId).equals(r.task().opportunityId()) && r.task().name().equals("识别商机：客户画像与线索")
                        && r.task().id() != notThisOne)
                .findFirst().orElse(null), r -> r != null);
    }
}
