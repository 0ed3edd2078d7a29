package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.summit.approval.domain.ApprovalRound;
import com.summit.approval.service.ApprovalService;
import com.summit.base.UserFacingException;
import com.summit.base.ValidationException;
import com.summit.base.i18n.Locales;
import com.summit.base.i18n.Messages;
import com.summit.customer.domain.Industry;
import com.summit.customer.service.CustomerService;
import com.summit.customer.service.NewCustomer;
import com.summit.engine.ProcessEngine;
import com.summit.opportunity.domain.LogisticsService;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.domain.VetoHolder;
import com.summit.opportunity.service.NewOpportunity;
import com.summit.opportunity.service.OpportunityService;
import com.summit.opportunity.service.ScorecardService;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.tasklist.service.TaskRow;
import com.summit.tasklist.service.TaskService;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The veto approval with the app's own workers: routing by the DMN, who may decide which review, a veto that ends
 * the round and empties the other inboxes, rework into a second round, the scorecard's veto holders, and an audit
 * trail that nobody can edit.
 */
class VetoApprovalIT extends LocalAppIT {

    @Autowired ProcessEngine engine;
    @Autowired TaskService tasks;
    @Autowired ApprovalService approvals;
    @Autowired ScorecardService scorecards;
    @Autowired OpportunityService opportunities;
    @Autowired CustomerService customers;
    @Autowired UserService users;
    @Autowired Messages messages;
    @Autowired JdbcClient jdbc;

    @Test
    void departmentsDecideTheirOwnReviewsAVetoSendsTheDealBackAndASecondRoundPasses() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        SummitUser manager = users.find("lina").orElseThrow();
        SummitUser legal = users.find("wangfang").orElseThrow();
        SummitUser finance = users.find("liuyang").orElseThrow();
        SummitUser financeHead = users.find("sunli").orElseThrow();
        SummitUser tech = users.find("chenjie").orElseThrow();
        String marker = UUID.randomUUID().toString().substring(0, 6);
        var customer = customers.create(new NewCustomer("宁波港口物流" + marker, null, Industry.MACHINERY, "浙江宁波"), rep);
        Opportunity deal = opportunities.create(new NewOpportunity(customer.id(), "港口集装箱短驳", null, new BigDecimal("4800000"),
                Set.of(LogisticsService.LINE_HAUL)), rep);

        Map<String, Object> variables = new HashMap<>(Map.of("opportunityId", deal.id(), "owner", "zhangwei", "stage", "PROPOSAL_NEGOTIATION",
                "amount", 4800000, "marginPercent", 6, "paymentTermDays", 30, "nonStandardTerms", false,
                "customerName", customer.name(), "opportunityName", deal.name()));
        long instance = engine.start("veto-approval", variables);

        // a low margin: the finance review goes to the head; an ordinary finance reviewer does not see it
        TaskRow legalReview = taskOf(legal, instance, "部门审批");
        TaskRow financeReview = taskOf(financeHead, instance, "部门审批");
        TaskRow techReview = taskOf(tech, instance, "部门审批");
        assertThat(financeReview.task().candidateGroups()).containsExactly("FINANCE_HEAD");
        assertThat(tasks.claimable(finance, Locales.ZH_CN)).noneMatch(r -> r.task().processInstanceKey() == instance);

        // someone of another department cannot decide legal's review, even when a manager assigns it to them
        tasks.assign(legalReview.task().id(), manager, "liuyang");
        assertRefused(() -> tasks.complete(legalReview.task().id(), finance, "{\"decision\": \"APPROVE\"}", Locales.ZH_CN),
                "这项审批只能由法务决定");
        tasks.assign(legalReview.task().id(), manager, "wangfang");
        // a veto needs its reason
        assertThatThrownBy(() -> tasks.complete(legalReview.task().id(), legal, "{\"decision\": \"VETO\"}", Locales.ZH_CN))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(f ->
                        messages.getTranslation(f.messageKey(), Locales.ZH_CN, f.arguments())).containsExactly("有条件同意或否决时，请写明理由"));

        tasks.claim(techReview.task().id(), tech);
        tasks.complete(techReview.task().id(), tech, "{\"decision\": \"APPROVE\"}", Locales.ZH_CN);
        tasks.complete(legalReview.task().id(), legal, """
                {"decision": "VETO", "reason": "违约责任条款对我方不利，需改为双方对等"}""", Locales.ZH_CN);

        // the round ends at once: the finance head's review leaves the inbox, the owner gets the rework
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> tasks.claimable(financeHead, Locales.ZH_CN).stream()
                .noneMatch(r -> r.task().processInstanceKey() == instance));
        TaskRow rework = taskOf(rep, instance, "处理否决意见：修改后重新提交或撤回");
        assertThat(rework.task().variablesJson()).contains("违约责任条款对我方不利", "否决", "未审");
        assertThat(scorecards.scorecard(deal.id(), rep, Locales.ZH_CN).vetoHolders()).filteredOn(v -> v.department().equals("LEGAL"))
                .singleElement().extracting(VetoHolder::status).isEqualTo(VetoHolder.Status.CONCERNS);

        // the decision is final: not even SQL changes it
        assertThatThrownBy(() -> jdbc.sql("update approval_decision set decision = 'APPROVE' where decided_by = 'wangfang'").update())
                .hasMessageContaining("cannot be changed");
        assertThatThrownBy(() -> jdbc.sql("delete from approval_decision where decided_by = 'wangfang'").update())
                .hasMessageContaining("cannot be changed");

        // rework with a better margin: a second round, finance back at reviewer level
        tasks.complete(rework.task().id(), rep, """
                {"reworkDecision": "RESUBMIT", "reworkNote": "违约条款改为对等，毛利率提高到 12%", "marginPercent": 12, "paymentTermDays": 30}""",
                Locales.ZH_CN);
        for (SummitUser reviewer : List.of(legal, finance, tech)) {
            TaskRow review = taskOf(reviewer, instance, "部门审批");
            tasks.claim(review.task().id(), reviewer);
            tasks.complete(review.task().id(), reviewer, reviewer == finance
                    ? "{\"decision\": \"APPROVE_WITH_CONDITIONS\", \"reason\": \"账期内按月结算\", \"conditions\": \"预付款不低于 30%\"}"
                    : "{\"decision\": \"APPROVE\"}", Locales.ZH_CN);
        }
        long requestId = jdbc.sql("select id from approval_request where opportunity_id = :o").param("o", deal.id()).query(Long.class).single();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "APPROVED".equals(
                jdbc.sql("select status from approval_request where id = :id").param("id", requestId).query(String.class).single()));
        assertThat(approvals.rounds(requestId)).extracting(ApprovalRound::number, ApprovalRound::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, ApprovalRound.Outcome.VETOED),
                org.assertj.core.groups.Tuple.tuple(2, ApprovalRound.Outcome.APPROVED));
        assertThat(jdbc.sql("select status from approval_request where id = :id").param("id", requestId).query(String.class).single())
                .isEqualTo("APPROVED");
        assertThat(scorecards.scorecard(deal.id(), rep, Locales.ZH_CN).vetoHolders()).extracting(VetoHolder::department, VetoHolder::status)
                .contains(org.assertj.core.groups.Tuple.tuple("LEGAL", VetoHolder.Status.AGREED),
                        org.assertj.core.groups.Tuple.tuple("FINANCE", VetoHolder.Status.AGREED),
                        org.assertj.core.groups.Tuple.tuple("TECH", VetoHolder.Status.AGREED));
    }

    private TaskRow taskOf(SummitUser user, long instance, String name) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> tasks.inbox(user).stream()
                .filter(r -> r.task().processInstanceKey() == instance && r.task().name().equals(name)).findFirst().orElse(null), r -> r != null);
    }

    private void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(messages.getTranslation(e.messageKey(), Locales.ZH_CN, e.arguments())).isEqualTo(message));
    }
}
