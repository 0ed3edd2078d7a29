package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.summit.base.UserFacingException;
import com.summit.base.i18n.Locales;
import com.summit.engine.ModelStore;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.domain.OpportunityStatus;
import com.summit.opportunity.domain.ScoreElement;
import com.summit.opportunity.domain.Stage;
import com.summit.opportunity.service.OpportunityService;
import com.summit.opportunity.service.ScorecardService;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.workbench.service.ImpactPreview;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A changed stage-gate evaluated against the live deals before it is deployed, with the DMN engine Zeebe embeds:
 * the deals whose next exit check would answer differently, each before and after; deals the reader may not see are
 * counted, never shown.
 */
class ImpactPreviewIT extends LocalAppIT {

    @Autowired ImpactPreview impacts;
    @Autowired ModelStore models;
    @Autowired UserService users;
    @Autowired OpportunityService opportunities;
    @Autowired ScorecardService scorecards;
    @Autowired com.summit.workbench.service.ModelDrafts drafts;
    @Autowired com.summit.workbench.service.ModelChanges changes;
    @Autowired com.summit.opportunity.service.GateService gates;
    @Autowired com.summit.customer.service.CustomerService customers;

    /** The running stage-gate with stage 2's need threshold raised from 4 to 5. */
    private String raisedNeed() {
        String current = models.current().stream().filter(v -> v.resourceName().equals("stage-gate.dmn")).findFirst().orElseThrow().content();
        String rule = current.substring(current.indexOf("<rule id=\"Rule_05\">"), current.indexOf("</rule>", current.indexOf("<rule id=\"Rule_05\">")));
        String raised = rule.replace("<text>&lt; 4</text>", "<text>&lt; 5</text>").replace("<outputEntry id=\"Rule_05_required\"><text>4</text>",
                "<outputEntry id=\"Rule_05_required\"><text>5</text>");
        assertThat(raised).isNotEqualTo(rule).contains("&lt; 5").contains("<text>5</text>");
        return current.replace(rule, raised);
    }

    @Test
    void raisingStageTwosNeedThresholdListsEveryOpenStageTwoDealBelowItAndNoOther() {
        SummitUser admin = users.find("admin").orElseThrow();
        List<ImpactPreview.Impact> result = impacts.preview("stage-gate.dmn", raisedNeed(), admin, Locales.ZH_CN);
        assertThat(result).singleElement().satisfies(i -> assertThat(i.decisionId()).isEqualTo("stage-gate"));
        ImpactPreview.Impact impact = result.getFirst();

        List<Opportunity> open = opportunities.visibleTo(admin).stream().filter(o -> o.status() == OpportunityStatus.OPEN).toList();
        Set<String> expected = open.stream().filter(o -> o.stage() == Stage.NEED_CONFIRMATION)
                .filter(o -> scorecards.verifiedLevels(o.id()).getOrDefault(ScoreElement.NEED, 0) < 5)
                .map(o -> "opportunities/" + o.id()).collect(Collectors.toSet());
        assertThat(expected).as("the demo has open deals in stage 2 below need 5").isNotEmpty();
        assertThat(impact.evaluated()).isEqualTo(open.size());
        assertThat(impact.changed()).isEqualTo(expected.size());
        assertThat(impact.hiddenChanged()).isZero();
        assertThat(impact.entries()).extracting(ImpactPreview.Entry::href).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(impact.entries()).allSatisfy(e -> {
            assertThat(e.after()).startsWith("拦下：").contains("需求需达到 5 级");
            assertThat(e.before()).doesNotContain("需求需达到 5 级");
        });
        // the demo's appliance maker at need 3: held for need 4 now, for need 5 with the change
        assertThat(impact.entries()).filteredOn(e -> e.label().startsWith("华东家电集团有限公司")).singleElement().satisfies(e -> {
            assertThat(e.before()).contains("需求需达到 4 级（现为 3 级）");
            assertThat(e.after()).contains("需求需达到 5 级（现为 3 级）");
        });
        assertThat(impact.assumption()).contains("按已满足计");
    }

    @Test
    void aProcessOwnerWhoMayOpenNoDealSeesEachChangedDealNamedWithoutALink() {
        SummitUser owner = users.find("zhaomin").orElseThrow();
        SummitUser admin = users.find("admin").orElseThrow();
        ImpactPreview.Impact impact = impacts.preview("stage-gate.dmn", raisedNeed(), owner, Locales.ZH_CN).getFirst();
        ImpactPreview.Impact seenByAdmin = impacts.preview("stage-gate.dmn", raisedNeed(), admin, Locales.ZH_CN).getFirst();
        assertThat(impact.changed()).isPositive().isEqualTo(seenByAdmin.changed());
        assertThat(impact.hiddenChanged()).isEqualTo(impact.changed());
        assertThat(impact.entries()).extracting(ImpactPreview.Entry::label)
                .containsExactlyInAnyOrderElementsOf(seenByAdmin.entries().stream().map(ImpactPreview.Entry::label).toList());
        assertThat(impact.entries()).allSatisfy(e -> assertThat(e.href()).as("no link to a page she may not open").isNull());
    }

    @Test
    void theRunningTableItselfChangesNothingAndABrokenOneIsRefusedInWords() {
        SummitUser admin = users.find("admin").orElseThrow();
        String current = models.current().stream().filter(v -> v.resourceName().equals("stage-gate.dmn")).findFirst().orElseThrow().content();
        ImpactPreview.Impact same = impacts.preview("stage-gate.dmn", current, admin, Locales.ZH_CN).getFirst();
        assertThat(same.changed()).isZero();
        assertThat(same.entries()).isEmpty();
        assertThatThrownBy(() -> impacts.preview("stage-gate.dmn", current.replace("<text>&lt; 4</text>", "<text>&lt; &lt; 4</text>"), admin,
                Locales.ZH_CN)).isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> impacts.preview("stage-gate.dmn", current, users.find("zhangwei").orElseThrow(), Locales.ZH_CN))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("workbench.error.forbidden"));
    }

    @Test
    void aRaisedThresholdDeployedThroughTheWorkbenchIsWhatTheNextGateCheckApplies() {
        SummitUser owner = users.find("zhaomin").orElseThrow();
        SummitUser rep = users.find("zhangwei").orElseThrow();
        String marker = java.util.UUID.randomUUID().toString().substring(0, 5);
        var customer = customers.create(new com.summit.customer.service.NewCustomer("门槛测试物流" + marker, null,
                com.summit.customer.domain.Industry.RETAIL, "江苏南京"), rep);
        Opportunity deal = opportunities.create(new com.summit.opportunity.service.NewOpportunity(customer.id(), "门槛测试" + marker, null,
                new java.math.BigDecimal("2000000"), Set.of(com.summit.customer.domain.LogisticsService.LINE_HAUL)), rep);
        assertThat(String.join("；", gates.describe(gates.evaluate(deal.id(), Stage.NEED_CONFIRMATION, java.util.Map.of()), Locales.ZH_CN)))
                .contains("需求需达到 4 级");

        var before = models.current().stream().filter(v -> v.resourceName().equals("stage-gate.dmn")).findFirst().orElseThrow();
        drafts.save("stage-gate.dmn", raisedNeed(), 0, owner);
        var request = changes.propose("stage-gate.dmn", "需求确认阶段的需求门槛提高到 5 级", "need-5", false, owner);
        var deployed = changes.deploy(request.id(), owner);
        try {
            assertThat(deployed.version()).isEqualTo(before.version() + 1);
            var result = gates.evaluate(deal.id(), Stage.NEED_CONFIRMATION, java.util.Map.of());
            assertThat(result.passed()).isFalse();
            assertThat(String.join("；", gates.describe(result, Locales.ZH_CN))).contains("需求需达到 5 级（现为 0 级）");
        } finally {
            changes.deploy(changes.rollBack(before.id(), "测试结束，恢复原来的门槛", null, false, owner).id(), owner);
        }
        assertThat(String.join("；", gates.describe(gates.evaluate(deal.id(), Stage.NEED_CONFIRMATION, java.util.Map.of()), Locales.ZH_CN)))
                .contains("需求需达到 4 级");
    }

    @Autowired com.summit.customer.service.TieringService tiering;
    @Autowired com.summit.approval.service.ApprovalRounds approvalRounds;
    @Autowired com.summit.approval.domain.ApprovalRepository approvalRepository;

    private String currentOf(String file) {
        return models.current().stream().filter(v -> v.resourceName().equals(file)).findFirst().orElseThrow().content();
    }

    @Test
    void raisingTheImportantProfitLineMovesACustomerJustAboveItToOrdinaryAndNamesTheTiers() {
        SummitUser admin = users.find("admin").orElseThrow();
        SummitUser rep = users.find("zhangwei").orElseThrow();
        String marker = java.util.UUID.randomUUID().toString().substring(0, 5);
        var customer = customers.create(new com.summit.customer.service.NewCustomer("分级影响物流" + marker, null,
                com.summit.customer.domain.Industry.RETAIL, "江苏南京"), rep);
        java.time.LocalDate lastMonth = java.time.LocalDate.now(Locales.ZONE).withDayOfMonth(1).minusMonths(1);
        tiering.recordRevenue(customer.id(), lastMonth, "LINE_HAUL", new java.math.BigDecimal("3000000"), new java.math.BigDecimal("900000"));
        String raised = currentOf("customer-tier.dmn").replace("<text>&gt;= 800000</text>", "<text>&gt;= 1000000</text>");
        assertThat(raised).contains("&gt;= 1000000");

        ImpactPreview.Impact impact = impacts.preview("customer-tier.dmn", raised, admin, Locales.ZH_CN).getFirst();
        assertThat(impact.decisionId()).isEqualTo("customer-tier");
        assertThat(impact.entries()).filteredOn(e -> e.label().equals("分级影响物流" + marker)).singleElement().satisfies(e -> {
            assertThat(e.href()).isEqualTo("customers/" + customer.id());
            assertThat(e.before()).startsWith("重要客户：").contains("毛利");
            assertThat(e.after()).startsWith("普通客户：");
        });
        assertThat(impact.entries()).allSatisfy(e -> assertThat(e.before()).startsWith("重要客户"));
        assertThat(impacts.preview("customer-tier.dmn", currentOf("customer-tier.dmn"), admin, Locales.ZH_CN).getFirst().changed()).isZero();
    }

    @Test
    void loweringTheMarginLineForTheFinanceHeadReroutesTheRoundsUnderWayBetweenTheLines() {
        SummitUser admin = users.find("admin").orElseThrow();
        SummitUser rep = users.find("zhangwei").orElseThrow();
        String marker = java.util.UUID.randomUUID().toString().substring(0, 5);
        var customer = customers.create(new com.summit.customer.service.NewCustomer("审批路由物流" + marker, null,
                com.summit.customer.domain.Industry.RETAIL, "江苏南京"), rep);
        Opportunity between = opportunities.create(new com.summit.opportunity.service.NewOpportunity(customer.id(), "毛利九个点" + marker, null,
                new java.math.BigDecimal("5000000"), Set.of(com.summit.customer.domain.LogisticsService.LINE_HAUL)), rep);
        Opportunity above = opportunities.create(new com.summit.opportunity.service.NewOpportunity(customer.id(), "毛利十五个点" + marker, null,
                new java.math.BigDecimal("5000000"), Set.of(com.summit.customer.domain.LogisticsService.LINE_HAUL)), rep);
        var first = approvalRounds.openRound(null, between.id(), "PROPOSAL_NEGOTIATION", "zhangwei", null,
                new com.summit.approval.service.ApprovalRounds.Terms(new java.math.BigDecimal("5000000"), new java.math.BigDecimal("9"), 30, false),
                null, null);
        var second = approvalRounds.openRound(null, above.id(), "PROPOSAL_NEGOTIATION", "zhangwei", null,
                new com.summit.approval.service.ApprovalRounds.Terms(new java.math.BigDecimal("5000000"), new java.math.BigDecimal("15"), 30, false),
                null, null);
        try {
            String raised = currentOf("approval-route.dmn").replace("<text>&lt; 8</text>", "<text>&lt; 10</text>");
            assertThat(raised).contains("&lt; 10");
            ImpactPreview.Impact impact = impacts.preview("approval-route.dmn", raised, admin, Locales.ZH_CN).getFirst();
            assertThat(impact.decisionId()).isEqualTo("approval-route");
            assertThat(impact.entries()).filteredOn(e -> e.label().contains("毛利九个点" + marker)).singleElement().satisfies(e -> {
                assertThat(e.before()).contains("财务").doesNotContain("财务（负责人）");
                assertThat(e.after()).contains("财务（负责人）");
                assertThat(e.href()).isEqualTo("opportunities/" + between.id());
            });
            assertThat(impact.entries()).noneMatch(e -> e.label().contains("毛利十五个点" + marker));
        } finally {
            for (var round : List.of(first, second)) {
                approvalRepository.endRunningRounds(round.requestId());
                approvalRepository.closeRequest(round.requestId(), "WITHDRAWN");
            }
        }
    }
}
