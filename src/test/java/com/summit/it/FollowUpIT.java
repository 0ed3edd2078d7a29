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
import com.summit.customer.domain.Contact;
import com.summit.customer.domain.ContactRole;
import com.summit.customer.service.ContactService;
import com.summit.customer.service.NewContact;
import com.summit.followup.domain.FollowUpChannel;
import com.summit.opportunity.domain.ScoreChange;
import com.summit.opportunity.domain.ScoreElement;
import com.summit.opportunity.service.OpportunityPage;
import com.summit.opportunity.service.OpportunityPageService;
import com.summit.opportunity.service.ScorecardService;
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

/**
 * Follow-ups of a deal: planning and recording with every bad input refused in the user's language, a contact that
 * happened recorded with whom was met, what was learnt and the next step, the outcome of a planned one recorded once and
 * not before its day, a claim proved by a follow-up, and the counts the deal and the board show.
 */
class FollowUpIT extends LocalAppIT {

    @Autowired FollowUpService followUps;
    @Autowired OpportunityService opportunities;
    @Autowired CustomerService customers;
    @Autowired BoardService boards;
    @Autowired UserService users;
    @Autowired Messages messages;
    @Autowired ContactService contacts;
    @Autowired ScorecardService scorecards;
    @Autowired OpportunityPageService pages;

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

        var later = followUps.plan(deal.id(), FollowUpChannel.MEETING, "季度业务回顾", today.plusDays(9).atTime(14, 0), rep);
        var tomorrow = followUps.plan(deal.id(), FollowUpChannel.CALL, "电话确认到货窗口", today.plusDays(1).atTime(9, 0), rep);
        var sooner = followUps.plan(deal.id(), FollowUpChannel.VISIT, "拜访仓储经理，确认库容", LocalDateTime.now(Locales.ZONE).plusSeconds(30), rep);
        assertThat(card(rep, deal).nextFollowUp()).satisfies(n -> {
            assertThat(n.subject()).isEqualTo("拜访仓储经理，确认库容");
            assertThat(messages.getTranslation(n.channelKey(), Locales.ZH_CN)).isEqualTo("拜访");
        });

        // a visit planned for tomorrow cannot be recorded done today, and nothing changes
        assertRefused(() -> followUps.complete(tomorrow.id(), FollowUpService.Outcome.learnt("提前记一下"), rep),
                "这次跟进计划在 " + today.plusDays(1) + "，还没到那天，不能记录结果；已经联系过客户的话，请直接记录一次跟进");
        assertThat(followUps.ofOpportunity(deal.id(), rep)).noneMatch(f -> f.done());

        followUps.complete(sooner.id(), FollowUpService.Outcome.learnt("库容确认：旺季需 8000 托"), rep);
        var done = followUps.ofOpportunity(deal.id(), rep).stream().filter(f -> f.done()).findFirst().orElseThrow();
        assertThat(followUps.cadence(deal.id(), rep).dueBy()).as("a week after the follow-up just done")
                .isEqualTo(done.doneAt().atZone(Locales.ZONE).toLocalDate().plusDays(7));
        assertThat(card(rep, deal).nextFollowUp()).satisfies(n -> {
            assertThat(n.subject()).isEqualTo("电话确认到货窗口");
            assertThat(n.doneCount()).as("the board card counts the follow-ups done").isEqualTo(1);
        });
        assertThat(followUps.ofOpportunity(deal.id(), rep)).extracting(f -> f.subject(), f -> f.done())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("电话确认到货窗口", false),
                        org.assertj.core.groups.Tuple.tuple("季度业务回顾", false),
                        org.assertj.core.groups.Tuple.tuple("拜访仓储经理，确认库容", true));
        assertRefused(() -> followUps.complete(sooner.id(), FollowUpService.Outcome.learnt("再记一次"), rep), "这次跟进已经记录过结果");
        assertThat(later.id()).isPositive();
    }

    @Test
    void aBadPlanIsRefusedWithEveryReasonAndNothingIsStored() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        Opportunity deal = deal(rep);
        assertThatThrownBy(() -> followUps.plan(deal.id(), null, "  ", LocalDateTime.now(Locales.ZONE).minusDays(1), rep))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(f ->
                        messages.getTranslation(f.messageKey(), Locales.ZH_CN, f.arguments()))
                        .containsExactly("请选择跟进渠道", "请写明跟进内容", "跟进时间不能早于现在"));
        assertThatThrownBy(() -> followUps.plan(deal.id(), FollowUpChannel.CALL, "长".repeat(201), null, rep))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(f ->
                        messages.getTranslation(f.messageKey(), Locales.ZH_CN, f.arguments()))
                        .containsExactly("跟进内容最多 200 个字", "请选择跟进时间"));
        assertThat(followUps.ofOpportunity(deal.id(), rep)).isEmpty();

        // someone who cannot see the deal can neither plan nor read its follow-ups
        SummitUser legal = users.find("wangfang").orElseThrow();
        assertRefused(() -> followUps.plan(deal.id(), FollowUpChannel.CALL, "试探", LocalDateTime.now(Locales.ZONE).plusDays(1), legal),
                "找不到这个商机，或你无权查看");
        assertRefused(() -> followUps.ofOpportunity(deal.id(), legal), "找不到这个商机，或你无权查看");
        // the outcome needs words
        var planned = followUps.plan(deal.id(), FollowUpChannel.CALL, "电话确认报价", LocalDateTime.now(Locales.ZONE).plusHours(2), rep);
        assertThatThrownBy(() -> followUps.complete(planned.id(), FollowUpService.Outcome.learnt(" "), rep)).isInstanceOf(ValidationException.class);
        assertThat(followUps.ofOpportunity(deal.id(), rep)).singleElement().satisfies(f -> assertThat(f.done()).isFalse());
    }

    @Test
    void aContactThatHappenedIsRecordedWithWhomWasMetWhatWasLearntAndTheNextStepAndCountsAgainstTheNorm() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        Opportunity deal = deal(rep);
        Contact boss = contacts.add(deal.customerId(), new NewContact("周总", "运营副总裁", ContactRole.DECISION_MAKER, 2, "只看数据", null), rep);
        Contact buyer = contacts.add(deal.customerId(), new NewContact("吴经理", "采购经理", ContactRole.LEAD, 4, null, null), rep);
        LocalDate today = LocalDate.now(Locales.ZONE);
        assertThat(followUps.standing(deal.id(), rep)).satisfies(s -> {
            assertThat(s.doneCount()).isZero();
            assertThat(s.belowNorm()).isTrue();
            assertThat(s.last()).isNull();
        });

        var call = followUps.record(deal.id(), FollowUpChannel.CALL, "电话确认旺季仓容", today.minusDays(1).atTime(15, 30),
                new FollowUpService.Outcome(Set.of(boss.id(), buyer.id()), "旺季需增加 3000 托，决策在周总", "发送扩容方案", today.plusDays(3), null), rep);
        assertThat(call.done()).isTrue();
        assertThat(call.doneAt()).isEqualTo(today.minusDays(1).atTime(15, 30).atZone(Locales.ZONE).toInstant());
        assertThat(call.contactIds()).containsExactlyInAnyOrder(boss.id(), buyer.id());
        assertThat(call.nextStep()).isEqualTo("发送扩容方案");
        assertThat(followUps.standing(deal.id(), rep)).satisfies(s -> {
            assertThat(s.doneCount()).isEqualTo(1);
            assertThat(s.last().id()).isEqualTo(call.id());
            assertThat(s.nextDue()).as("nothing planned: the last contact plus the cadence (30 days, no tier)").isEqualTo(today.minusDays(1).plusDays(30));
            assertThat(s.overdueDays()).isZero();
        });
        assertThat(card(rep, deal).nextFollowUp()).satisfies(n -> {
            assertThat(n.doneCount()).isEqualTo(1);
            assertThat(n.planned()).isFalse();
        });
        // the timeline names the rep by display name, never by username
        var page = pages.page(deal.id(), rep, Locales.ZH_CN);
        assertThat(page.timeline()).filteredOn(e -> e.kind() == OpportunityPage.Kind.FOLLOW_UP).singleElement()
                .satisfies(e -> assertThat(e.text()).isEqualTo("张伟 完成了电话“电话确认旺季仓容”：旺季需增加 3000 托，决策在周总。下一步：发送扩容方案（"
                        + today.plusDays(3) + "）"));
        var planned = followUps.plan(deal.id(), FollowUpChannel.VISIT, "上门讲解扩容方案", today.plusDays(2).atTime(10, 0), rep);
        assertThat(followUps.standing(deal.id(), rep).nextDue()).as("a planned contact comes first").isEqualTo(today.plusDays(2));
        assertThat(planned.id()).isPositive();
    }

    @Test
    void aFollowUpProvesAScorecardClaimAndTheClaimLinksToIt() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        Opportunity deal = deal(rep);
        Contact boss = contacts.add(deal.customerId(), new NewContact("周总", "运营副总裁", ContactRole.DECISION_MAKER, 2, null, null), rep);
        LocalDateTime justNow = LocalDateTime.now(Locales.ZONE).minusMinutes(5);
        LocalDate today = justNow.toLocalDate();
        var visit = followUps.record(deal.id(), FollowUpChannel.VISIT, "拜访运营副总裁", justNow,
                new FollowUpService.Outcome(Set.of(boss.id()), "见到决策人周总，他认可试点方案", null, null,
                        new FollowUpService.Claim(ScoreElement.POWER, 3)), rep);
        assertThat(scorecards.levels(deal.id())).containsEntry(ScoreElement.POWER, 3);
        assertThat(scorecards.history(deal.id(), rep)).singleElement().satisfies(c -> {
            assertThat(c.evidenceKind()).isEqualTo(ScoreChange.EvidenceKind.FOLLOW_UP);
            assertThat(c.followUpId()).isEqualTo(visit.id());
            assertThat(c.evidenceText()).isEqualTo("见到决策人周总，他认可试点方案");
        });
        assertThat(pages.page(deal.id(), rep, Locales.ZH_CN).timeline()).filteredOn(e -> e.kind() == OpportunityPage.Kind.SCORE).singleElement()
                .satisfies(e -> assertThat(e.text()).contains("依据跟进：" + today + " 拜访“拜访运营副总裁”"));
        assertThat(pages.page(deal.id(), rep, Locales.EN).timeline()).filteredOn(e -> e.kind() == OpportunityPage.Kind.SCORE).singleElement()
                .satisfies(e -> assertThat(e.text()).contains("on the follow-up of " + today + " (Visit) \"拜访运营副总裁\""));

        // a claim the scorecard refuses (the level it already has) leaves no follow-up behind
        assertRefused(() -> followUps.record(deal.id(), FollowUpChannel.CALL, "再次电话", justNow,
                new FollowUpService.Outcome(Set.of(), "确认", null, null, new FollowUpService.Claim(ScoreElement.POWER, 3)), rep), "“权力”已经是 3 级");
        assertThat(followUps.ofOpportunity(deal.id(), rep)).singleElement().satisfies(f -> assertThat(f.id()).isEqualTo(visit.id()));
        // a follow-up of another deal, or one not done, is no evidence
        Opportunity other = deal(rep);
        var notDone = followUps.plan(deal.id(), FollowUpChannel.CALL, "电话", LocalDateTime.now(Locales.ZONE).plusDays(1), rep);
        assertRefused(() -> scorecards.changeLevel(other.id(), ScoreElement.POWER, 2, ScorecardService.Evidence.followUp("别的商机的跟进", visit.id()), rep),
                "请选择这个商机中一次已完成的跟进作为证据");
        assertRefused(() -> scorecards.changeLevel(deal.id(), ScoreElement.GOALS, 1, ScorecardService.Evidence.followUp("还没发生", notDone.id()), rep),
                "请选择这个商机中一次已完成的跟进作为证据");
        assertThat(scorecards.history(other.id(), rep)).isEmpty();
        assertThat(scorecards.history(deal.id(), rep)).hasSize(1);
    }

    @Test
    void aBadRecordIsRefusedWithEveryReasonInTheUsersLanguageAndNothingIsStored() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        Opportunity deal = deal(rep);
        Opportunity elsewhere = deal(rep);
        Contact stranger = contacts.add(elsewhere.customerId(), new NewContact("李总", null, ContactRole.DECISION_MAKER, 1, null, null), rep);
        LocalDate today = LocalDate.now(Locales.ZONE);
        // in the future, with no channel, a contact of another customer, no words, a next step dated before the contact
        assertThatThrownBy(() -> followUps.record(deal.id(), null, "拜访", LocalDateTime.now(Locales.ZONE).plusDays(1),
                new FollowUpService.Outcome(Set.of(stranger.id()), " ", null, today.minusDays(1), null), rep))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.errors()).extracting(f -> messages.getTranslation(f.messageKey(), Locales.ZH_CN, f.arguments())).containsExactly(
                            "请选择跟进渠道", "跟进时间不能晚于现在：还没发生的跟进请计划，发生后再记录", "所选联系人不在这个客户的决策链上", "请写明跟进结果",
                            "写了下一步日期，也请写明下一步做什么", "下一步日期不能早于这次跟进");
                    assertThat(e.errors()).extracting(f -> messages.getTranslation(f.messageKey(), Locales.EN, f.arguments())).startsWith(
                            "Choose the channel of the follow-up", "A follow-up cannot be recorded in the future: plan it, and record it once it has happened");
                });
        assertThatThrownBy(() -> followUps.record(deal.id(), FollowUpChannel.EMAIL, "邮件", today.minusDays(400).atTime(9, 0),
                FollowUpService.Outcome.learnt("很久以前"), rep)).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                .extracting(f -> messages.getTranslation(f.messageKey(), Locales.ZH_CN, f.arguments())).containsExactly("只能记录 365 天内发生的跟进"));
        // someone who cannot see the deal records nothing
        SummitUser legal = users.find("wangfang").orElseThrow();
        assertRefused(() -> followUps.record(deal.id(), FollowUpChannel.CALL, "试探", LocalDateTime.now(Locales.ZONE).minusMinutes(1), FollowUpService.Outcome.learnt("x"), legal),
                "找不到这个商机，或你无权查看");
        assertThat(followUps.ofOpportunity(deal.id(), rep)).isEmpty();
        assertThat(followUps.standing(deal.id(), rep).doneCount()).isZero();
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
