package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.summit.base.UserFacingException;
import com.summit.base.i18n.Locales;
import com.summit.base.i18n.Messages;
import com.summit.customer.domain.Industry;
import com.summit.customer.service.CustomerService;
import com.summit.customer.service.NewCustomer;
import com.summit.customer.domain.LogisticsService;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.domain.OpportunityStatus;
import com.summit.opportunity.service.NewOpportunity;
import com.summit.opportunity.service.OpportunityService;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.tasklist.service.TaskService;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Pause, resume and lost, through the real lifecycle: the deal's state follows, and its task comes and goes. */
class LifecycleControlIT extends LocalAppIT {

    @Autowired OpportunityService opportunities;
    @Autowired CustomerService customers;
    @Autowired TaskService tasks;
    @Autowired UserService users;
    @Autowired Messages messages;

    @Test
    void aDealIsPausedResumedAndLostWithAReasonFromTheList() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        SummitUser legal = users.find("wangfang").orElseThrow();
        var customer = customers.create(new NewCustomer("温州鞋业" + UUID.randomUUID().toString().substring(0, 5), null,
                Industry.RETAIL, "浙江温州"), rep);
        Opportunity deal = opportunities.create(new NewOpportunity(customer.id(), "电商仓配", null, new BigDecimal("900000"),
                Set.of(LogisticsService.WAREHOUSING)), rep);
        awaitWork(rep, deal, true);

        assertRefused(() -> opportunities.resume(deal.id(), rep), "商机没有暂停");
        assertRefused(() -> opportunities.pause(deal.id(), legal), "找不到这个商机，或你无权查看");
        opportunities.pause(deal.id(), rep);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(deal) == OpportunityStatus.PAUSED);
        awaitWork(rep, deal, false);

        opportunities.resume(deal.id(), rep);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(deal) == OpportunityStatus.OPEN);
        awaitWork(rep, deal, true);

        assertRefused(() -> opportunities.lose(deal.id(), "BAD_LUCK", null, rep), "请从列表中选择丢单原因");
        opportunities.lose(deal.id(), "COMPETITOR", "对手报价低 15%", rep);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(deal) == OpportunityStatus.LOST);
        Opportunity lost = opportunities.find(deal.id()).orElseThrow();
        assertThat(lost.lostReason()).isEqualTo("COMPETITOR");
        assertThat(lost.lostNote()).isEqualTo("对手报价低 15%");
        awaitWork(rep, deal, false);
        assertRefused(() -> opportunities.pause(deal.id(), rep), "商机已结束或已暂停");
    }

    @org.springframework.beans.factory.annotation.Autowired com.summit.notify.service.NotificationService notifications;

    @Test
    void aReassignedDealTakesItsOpenStageTaskToTheNewOwner() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        String marker = UUID.randomUUID().toString().substring(0, 5);
        users.createIfMissing(new SummitUser("zhou" + marker, "周新", java.util.Set.of(com.summit.security.domain.Role.REP), "华东大客户部", "lina"), "summit");
        SummitUser newOwner = users.find("zhou" + marker).orElseThrow();
        var customer = customers.create(new NewCustomer("台州模具" + marker, null, Industry.MACHINERY, "浙江台州"), rep);
        Opportunity deal = opportunities.create(new NewOpportunity(customer.id(), "模具出口集运", null, new BigDecimal("600000"),
                Set.of(LogisticsService.LINE_HAUL)), rep);
        awaitWork(rep, deal, true);

        // what the manager's "reassign" on a stalled deal does
        opportunities.reassign(deal.id(), newOwner.username());
        awaitWork(newOwner, deal, true);
        assertThat(tasks.inbox(rep).stream().noneMatch(r -> Long.valueOf(deal.id()).equals(r.task().opportunityId()))).isTrue();
        assertThat(opportunities.find(deal.id()).orElseThrow().ownerUsername()).isEqualTo(newOwner.username());
        assertThat(opportunities.findVisible(deal.id(), newOwner)).isPresent();
    }

    @Test
    void aStalledDealTellsItsOwnerAndTheOwnersManagerOnce() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        SummitUser manager = users.find("lina").orElseThrow();
        String marker = UUID.randomUUID().toString().substring(0, 5);
        var customer = customers.create(new NewCustomer("温州鞋服" + marker, null, Industry.MACHINERY, "浙江温州"), rep);
        Opportunity deal = opportunities.create(new NewOpportunity(customer.id(), "鞋服电商仓" + marker, null, new BigDecimal("900000"),
                Set.of(LogisticsService.WAREHOUSING)), rep);

        // what the lifecycle's "mark stalled" step does; the engine may repeat a job, nobody is told twice
        opportunities.markStalled(deal.id(), 4242L + deal.id());
        opportunities.markStalled(deal.id(), 4242L + deal.id());
        assertThat(opportunities.find(deal.id()).orElseThrow().stalled()).isTrue();
        // the rep also hears of the deal's first task; the stall is told once
        assertThat(notifications.recent(rep, Locales.ZH_CN)).filteredOn(n -> n.text().contains("鞋服电商仓" + marker) && !n.kind().equals("TASK_ASSIGNED"))
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.kind()).isEqualTo("OPPORTUNITY_STALLED");
                    assertThat(n.text()).contains("已标为停滞", "李娜将和你一起复盘");
                    assertThat(n.link()).isEqualTo("opportunities/" + deal.id());
                });
        assertThat(notifications.recent(manager, Locales.EN)).filteredOn(n -> n.text().contains("鞋服电商仓" + marker) && !n.kind().equals("TASK_ASSIGNED"))
                .singleElement()
                .satisfies(n -> assertThat(n.text()).startsWith("张伟's opportunity").contains("marked stalled"));
        int unread = notifications.unreadCount(rep);
        notifications.markAllRead(rep);
        assertThat(unread).isPositive();
        assertThat(notifications.unreadCount(rep)).isZero();
    }

    private OpportunityStatus status(Opportunity deal) {
        return opportunities.find(deal.id()).orElseThrow().status();
    }

    /** Waits until the rep's inbox has (or has no) open task of the deal (tasks leave through the liveness sweep). */
    private void awaitWork(SummitUser rep, Opportunity deal, boolean present) {
        await().atMost(Duration.ofSeconds(30)).until(() -> tasks.inbox(rep).stream()
                .anyMatch(r -> r.task().opportunityId() != null && r.task().opportunityId() == deal.id()) == present);
    }

    private void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(messages.getTranslation(e.messageKey(), Locales.ZH_CN, e.arguments())).isEqualTo(message));
    }
}
