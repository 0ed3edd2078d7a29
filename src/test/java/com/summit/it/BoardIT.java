package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.summit.base.UserFacingException;
import com.summit.base.i18n.Locales;
import com.summit.base.i18n.Messages;
import com.summit.customer.domain.CustomerTier;
import com.summit.customer.domain.Industry;
import com.summit.customer.service.CustomerService;
import com.summit.customer.service.NewCustomer;
import com.summit.customer.domain.LogisticsService;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.domain.ScoreElement;
import com.summit.opportunity.domain.Stage;
import com.summit.opportunity.service.BoardService;
import com.summit.opportunity.service.NewOpportunity;
import com.summit.opportunity.service.OpportunityService;
import com.summit.opportunity.service.ScorecardService;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.tasklist.service.TaskService;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The board: cards in their stage with their levels; a drag asks for the advance and the gate decides, in words. */
class BoardIT extends LocalAppIT {

    @Autowired BoardService boards;
    @Autowired OpportunityService opportunities;
    @Autowired ScorecardService scorecards;
    @Autowired CustomerService customers;
    @Autowired TaskService tasks;
    @Autowired UserService users;
    @Autowired Messages messages;

    @Test
    void aDragAsksForTheAdvanceAndOnlyTheGateMovesTheCard() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        SummitUser manager = users.find("lina").orElseThrow();
        String marker = UUID.randomUUID().toString().substring(0, 5);
        var customer = customers.create(new NewCustomer("无锡汽车电子" + marker, null, Industry.AUTOMOTIVE, "江苏无锡"), rep);
        customers.assignTier(customer.id(), CustomerTier.STRATEGIC);
        Opportunity deal = opportunities.create(new NewOpportunity(customer.id(), "看板测试" + marker, null, new BigDecimal("7700000"),
                Set.of(LogisticsService.LINE_HAUL)), rep);
        await().atMost(Duration.ofSeconds(30)).until(() -> tasks.inbox(rep).stream().anyMatch(r -> Long.valueOf(deal.id()).equals(r.task().opportunityId())));
        scorecards.changeLevel(deal.id(), ScoreElement.GOALS, 2, ScorecardService.Evidence.note("总监的目标：准时率 98%"), rep);

        BoardService.Card card = card(rep, deal, BoardService.Filter.none());
        assertThat(card.stage()).isEqualTo(Stage.IDENTIFICATION);
        assertThat(card.tier()).isEqualTo(CustomerTier.STRATEGIC);
        assertThat(card.levels()).containsEntry(ScoreElement.GOALS, 2).containsEntry(ScoreElement.NEED, 0);
        // no approval yet: no veto holder is counted as open (the routing decides who they are, at the approval)
        assertThat(card.vetoesOpen()).isZero();
        assertThat(card(manager, deal, BoardService.Filter.none())).isNotNull();
        assertThat(boards.board(rep, new BoardService.Filter(null, null, CustomerTier.ORDINARY, null)).columns().values().stream()
                .flatMap(java.util.List::stream)).noneMatch(c -> c.id() == deal.id());
        assertThat(boards.board(rep, new BoardService.Filter(null, null, null, Industry.AUTOMOTIVE)).columns().get(Stage.IDENTIFICATION))
                .anyMatch(c -> c.id() == deal.id());
        assertThat(boards.board(users.find("wangfang").orElseThrow(), BoardService.Filter.none()).columns().values().stream()
                .flatMap(java.util.List::stream)).noneMatch(c -> c.id() == deal.id());

        // only to the next column, only by the owner of the stage's task
        assertRefused(() -> boards.requestAdvance(deal.id(), Stage.SOLUTION_DESIGN, rep, Locales.ZH_CN), "只能拖到下一阶段（第 2 阶段）");
        assertRefused(() -> boards.requestAdvance(deal.id(), Stage.NEED_CONFIRMATION, manager, Locales.ZH_CN), "只有阶段任务的处理人（张伟）可以申请推进");

        // the stage's form still lacks required values: the drag is refused with the form's own messages
        assertThatThrownBy(() -> boards.requestAdvance(deal.id(), Stage.NEED_CONFIRMATION, rep, Locales.ZH_CN))
                .isInstanceOfSatisfying(com.summit.base.ValidationException.class, e -> assertThat(e.errors()).extracting(f ->
                        messages.getTranslation(f.messageKey(), Locales.ZH_CN, f.arguments())).contains("“线索来源”为必填项"));
        long taskId = tasks.inbox(rep).stream().filter(r -> Long.valueOf(deal.id()).equals(r.task().opportunityId())).findFirst()
                .orElseThrow().task().id();
        tasks.saveDraft(taskId, rep, """
                {"leadSource":"REFERRAL","statedNeed":"按生产节拍准时到厂，减少线边库存","servicesNeeded":["LINE_HAUL"],"estimatedAnnualValue":770}""");

        // the gate refuses, in words; the card stays
        BoardService.AdvanceResult refused = boards.requestAdvance(deal.id(), Stage.NEED_CONFIRMATION, rep, Locales.ZH_CN);
        assertThat(refused.outcome()).isEqualTo(BoardService.Outcome.REFUSED);
        assertThat(refused.reasons()).containsExactly("需求需达到 1 级（现为 0 级）：收到客户的明确要求（如“全国建七个仓”）");
        assertThat(opportunities.find(deal.id()).orElseThrow().stage()).isEqualTo(Stage.IDENTIFICATION);

        // with the evidence in place, the next drag passes and the process moves the card
        scorecards.changeLevel(deal.id(), ScoreElement.NEED, 1, ScorecardService.Evidence.note("客户来函：JIT 准时到厂"), rep);
        await().atMost(Duration.ofSeconds(30)).until(() -> tasks.inbox(rep).stream()
                .anyMatch(r -> Long.valueOf(deal.id()).equals(r.task().opportunityId()) && r.task().elementId().equals("Task_IdentifyOpportunity")));
        // (the task came back with the values it was submitted with)
        BoardService.AdvanceResult passed = boards.requestAdvance(deal.id(), Stage.NEED_CONFIRMATION, rep, Locales.ZH_CN);
        assertThat(passed.outcome()).isEqualTo(BoardService.Outcome.ADVANCED);
        await().atMost(Duration.ofSeconds(30)).until(() -> card(rep, deal, BoardService.Filter.none()).stage() == Stage.NEED_CONFIRMATION);
        // a stale tab drags it again: refused, nothing changes
        assertRefused(() -> boards.requestAdvance(deal.id(), Stage.NEED_CONFIRMATION, rep, Locales.ZH_CN), "商机已在这一阶段");
    }

    private BoardService.Card card(SummitUser user, Opportunity deal, BoardService.Filter filter) {
        return boards.board(user, filter).columns().values().stream().flatMap(java.util.List::stream)
                .filter(c -> c.id() == deal.id()).findFirst().orElse(null);
    }

    private void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(messages.getTranslation(e.messageKey(), Locales.ZH_CN, e.arguments())).isEqualTo(message));
    }
}
