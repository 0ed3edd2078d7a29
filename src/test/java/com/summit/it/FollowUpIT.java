package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.summit.base.UserFacingException;
import com.summit.base.ValidationException;
import com.summit.base.i18n.Locales;
import com.summit.base.i18n.Messages;
import com.summit.customer.domain.Industry;
import com.summit.customer.service.CustomerService;
import com.summit.customer.service.NewCustomer;
import com.summit.followup.domain.FollowUpKind;
import com.summit.followup.service.FollowUpService;
import com.summit.customer.domain.LogisticsService;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.service.BoardService;
import com.summit.opportunity.service.NewOpportunity;
import com.summit.opportunity.service.OpportunityService;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Follow-ups of a deal: planning with every bad input refused in Chinese, the outcome recorded once, and the board's "next follow-up". */
class FollowUpIT extends LocalAppIT {

    @Autowired FollowUpService followUps;
    @Autowired OpportunityService opportunities;
    @Autowired CustomerService customers;
    @Autowired BoardService boards;
    @Autowired UserService users;
    @Autowired Messages messages;

    @Test
    void theBoardCardShowsTheDealsEarliestOpenFollowUpAndADoneOneIsNoLongerNext() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        Opportunity deal = deal(rep);
        LocalDate today = LocalDate.now(Locales.ZONE);
        assertThat(card(rep, deal).nextFollowUp()).isNull();

        // the customer's tier sets the cadence (DMN follow-up-cadence): ordinary, every 30 days from the deal's start
        assertThat(followUps.cadence(deal.id(), rep)).satisfies(c -> {
            assertThat(c.days()).isEqualTo(30);
            assertThat(c.dueBy()).isEqualTo(deal.createdAt().atZone(Locales.ZONE).toLocalDate().plusDays(30));
            assertThat(c.overdueDays()).isZero();
        });
        customers.assignTier(deal.customerId(), com.summit.customer.domain.CustomerTier.STRATEGIC);
        assertThat(followUps.cadence(deal.id(), rep).days()).isEqualTo(7);

        var later = followUps.plan(deal.id(), FollowUpKind.MEETING, "季度业务回顾", today.plusDays(9).atTime(14, 0), rep);
        var sooner = followUps.plan(deal.id(), FollowUpKind.VISIT, "拜访仓储经理，确认库容", today.plusDays(2).atTime(10, 0), rep);
        assertThat(card(rep, deal).nextFollowUp()).satisfies(n -> {
            assertThat(n.subject()).isEqualTo("拜访仓储经理，确认库容");
            assertThat(messages.getTranslation(n.kindKey(), Locales.ZH_CN)).isEqualTo("拜访");
        });

        followUps.complete(sooner.id(), "库容确认：旺季需 8000 托", rep);
        assertThat(followUps.cadence(deal.id(), rep).dueBy()).as("a week after the follow-up just done").isEqualTo(today.plusDays(7));
        assertThat(card(rep, deal).nextFollowUp().subject()).isEqualTo("季度业务回顾");
        assertThat(followUps.ofOpportunity(deal.id(), rep)).extracting(f -> f.subject(), f -> f.done())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("季度业务回顾", false),
                        org.assertj.core.groups.Tuple.tuple("拜访仓储经理，确认库容", true));
        assertRefused(() -> followUps.complete(sooner.id(), "再记一次", rep), "这次跟进已经记录过结果");
        assertThat(later.id()).isPositive();
    }

    @Test
    void aBadPlanIsRefusedWithEveryReasonAndNothingIsStored() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        Opportunity deal = deal(rep);
        assertThatThrownBy(() -> followUps.plan(deal.id(), null, "  ", LocalDateTime.now(Locales.ZONE).minusDays(1), rep))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(f ->
                        messages.getTranslation(f.messageKey(), Locales.ZH_CN, f.arguments()))
                        .containsExactly("请选择跟进方式", "请写明跟进内容", "跟进时间不能早于现在"));
        assertThatThrownBy(() -> followUps.plan(deal.id(), FollowUpKind.CALL, "长".repeat(201), null, rep))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(f ->
                        messages.getTranslation(f.messageKey(), Locales.ZH_CN, f.arguments()))
                        .containsExactly("跟进内容最多 200 个字", "请选择跟进时间"));
        assertThat(followUps.ofOpportunity(deal.id(), rep)).isEmpty();

        // someone who cannot see the deal can neither plan nor read its follow-ups
        SummitUser legal = users.find("wangfang").orElseThrow();
        assertRefused(() -> followUps.plan(deal.id(), FollowUpKind.CALL, "试探", LocalDateTime.now(Locales.ZONE).plusDays(1), legal),
                "找不到这个商机，或你无权查看");
        assertRefused(() -> followUps.ofOpportunity(deal.id(), legal), "找不到这个商机，或你无权查看");
        // the outcome needs words
        var planned = followUps.plan(deal.id(), FollowUpKind.CALL, "电话确认报价", LocalDateTime.now(Locales.ZONE).plusHours(2), rep);
        assertThatThrownBy(() -> followUps.complete(planned.id(), " ", rep)).isInstanceOf(ValidationException.class);
        assertThat(followUps.ofOpportunity(deal.id(), rep)).singleElement().satisfies(f -> assertThat(f.done()).isFalse());
    }

    private BoardService.Card card(SummitUser user, Opportunity deal) {
        return boards.board(user, new BoardService.Filter(null, null, null, null)).columns().values().stream().flatMap(java.util.List::stream)
                .filter(c -> c.id() == deal.id()).findFirst().orElseThrow();
    }

    private Opportunity deal(SummitUser rep) {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        var customer = customers.create(new NewCustomer("昆山精密" + marker, null, Industry.MACHINERY, "江苏昆山"), rep);
        // a large amount, so that the card is among the column's largest
        return opportunities.create(new NewOpportunity(customer.id(), "保税仓" + marker, null, new BigDecimal("990000000"),
                Set.of(LogisticsService.WAREHOUSING)), rep);
    }

    private void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(messages.getTranslation(e.messageKey(), Locales.ZH_CN, e.arguments())).isEqualTo(message));
    }
}
