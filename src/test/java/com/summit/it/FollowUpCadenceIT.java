package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.summit.base.i18n.Locales;
import com.summit.calendar.service.BusinessCalendar;
import com.summit.customer.domain.Industry;
import com.summit.customer.domain.LogisticsService;
import com.summit.customer.service.CustomerService;
import com.summit.customer.service.NewCustomer;
import com.summit.followup.domain.FollowUpChannel;
import com.summit.followup.service.FollowUpCadences;
import com.summit.followup.service.FollowUpService;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.service.NewOpportunity;
import com.summit.opportunity.service.OpportunityService;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The follow-up cadence in the running app: every open deal has one instance; its next contact is due by the cadence
 * of the tier or the next planned follow-up, reminded on the next business day in the morning; the owner is reminded
 * and the manager told once per due date, and not at all once the contact is made; a second instance for a deal ends.
 */
class FollowUpCadenceIT extends LocalAppIT {

    @Autowired FollowUpCadences cadences;
    @Autowired FollowUpService followUps;
    @Autowired OpportunityService opportunities;
    @Autowired CustomerService customers;
    @Autowired UserService users;
    @Autowired BusinessCalendar calendar;
    @Autowired JdbcClient jdbc;

    @Test
    void everyOpenDealHasItsCadenceAndANewDealGetsOneAtOnce() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        Opportunity deal = deal(rep);
        long instance = instanceOf(deal);
        assertThat(instance).isPositive();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql("""
                select count(*) from opportunity o where o.status in ('OPEN', 'PAUSED')
                and not exists (select 1 from follow_up_cadence c where c.opportunity_id = o.id and c.process_instance_key is not null)""")
                .query(Long.class).single()).as("open deals without a running cadence").isZero());
        // a second instance for the same deal (a start asked twice, another replica) ends at its first step
        assertThat(cadences.next(deal.id(), instance + 1_000_000, null).state()).isEqualTo(FollowUpCadences.State.CLOSED);
        assertThat(cadences.next(deal.id(), instance, null).state()).isEqualTo(FollowUpCadences.State.WAIT);
    }

    @Test
    void theNextContactIsDueByTheCadenceOrTheNextPlannedOneAndRemindedOnTheNextBusinessDayInTheMorning() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        Opportunity deal = deal(rep);
        long instance = instanceOf(deal);
        LocalDate today = LocalDate.now(Locales.ZONE);
        FollowUpCadences.Next byCadence = cadences.next(deal.id(), instance, null);
        assertThat(byCadence.dueOn()).as("no tier: every 30 days from the deal's start").isEqualTo(today.plusDays(30));
        assertReminderAfter(byCadence);
        assertThat(byCadence.owner()).isEqualTo("zhangwei");
        assertThat(byCadence.manager()).isEqualTo(users.managerFor("zhangwei"));

        followUps.plan(deal.id(), FollowUpChannel.VISIT, "拜访仓储经理", today.plusDays(3).atTime(10, 0), rep);
        FollowUpCadences.Next planned = cadences.next(deal.id(), instance, null);
        assertThat(planned.dueOn()).as("the planned visit").isEqualTo(today.plusDays(3));
        assertReminderAfter(planned);
        // the manager handled the overdue contact of that date: the next period of the cadence starts after it
        assertThat(cadences.next(deal.id(), instance, today.plusDays(3)).dueOn()).isEqualTo(today.plusDays(33));
    }

    @Test
    void theOwnerIsRemindedAndTheManagerToldOncePerDueDateAndNotOnceTheContactIsMade() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        Opportunity deal = deal(rep);
        long instance = instanceOf(deal);
        LocalDate today = LocalDate.now(Locales.ZONE);
        // the last contact was 40 days ago: with no tier (30 days) it was due 10 days ago
        followUps.record(deal.id(), FollowUpChannel.CALL, "电话回访", today.minusDays(40).atTime(10, 0),
                FollowUpService.Outcome.learnt("客户下季度招标"), rep);
        LocalDate due = cadences.next(deal.id(), instance, null).dueOn();
        assertThat(due).isEqualTo(today.minusDays(10));
        String manager = users.managerFor("zhangwei");

        // the deal's own instance hears of the follow-up and reminds at once, as the job of a retry would: once per due date
        assertThat(cadences.remind(deal.id(), due, null)).isTrue();
        assertThat(cadences.remind(deal.id(), due, null)).as("a retried job").isTrue();
        assertThat(notices("zhangwei", "follow-up-due:" + deal.id() + ":" + due)).singleElement().asString()
                .startsWith("商机“" + deal.name() + "”").contains("应在 " + due + " 前跟进客户");
        assertThat(cadences.escalate(deal.id(), due, null)).isTrue();
        assertThat(cadences.escalate(deal.id(), due, null)).isTrue();
        assertThat(notices(manager, "follow-up-overdue:" + deal.id() + ":" + due)).as("the manager is told once").singleElement().asString()
                .startsWith("张伟 的商机“" + deal.name() + "”");
        assertThat(cadences.overdueText(deal.id(), due, Locales.ZH_CN)).isEqualTo("应在 " + due + " 前跟进，已逾期 10 天。上次跟进："
                + today.minusDays(40) + "，共跟进 1 次。");

        // a follow-up recorded now: the reminder of that date finds nothing missing
        followUps.record(deal.id(), FollowUpChannel.VISIT, "上门拜访", java.time.LocalDateTime.now(Locales.ZONE).minusMinutes(5),
                FollowUpService.Outcome.learnt("确认招标时间"), rep);
        assertThat(cadences.remind(deal.id(), due, null)).isFalse();
        assertThat(cadences.escalate(deal.id(), due, null)).isFalse();
        assertThat(notices("zhangwei", "follow-up-due:" + deal.id() + ":" + due)).hasSize(1);
    }

    private java.util.List<String> notices(String recipient, String dedupeKey) {
        return jdbc.sql("select text_zh from notification where recipient = :r and dedupe_key = :k").param("r", recipient).param("k", dedupeKey)
                .query(String.class).list();
    }

    private void assertReminderAfter(FollowUpCadences.Next next) {
        ZonedDateTime remind = next.remindAt().atZone(Locales.ZONE);
        assertThat(remind.toLocalDate()).as("the first business day after the due day").isEqualTo(calendar.onOrAfter(next.dueOn().plusDays(1)));
        assertThat(remind.toLocalTime()).isEqualTo(FollowUpCadences.REMIND_AT);
        assertThat(calendar.isBusinessDay(next.escalateAt().atZone(Locales.ZONE).toLocalDate())).isTrue();
        assertThat(next.escalateAt()).isAfter(next.remindAt());
    }

    private long instanceOf(Opportunity deal) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select process_instance_key from follow_up_cadence where opportunity_id = :o")
                .param("o", deal.id()).query(Long.class).optional().orElse(null), key -> key != null);
    }

    private Opportunity deal(SummitUser rep) {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        var customer = customers.create(new NewCustomer("常州新材" + marker, null, Industry.MACHINERY, "江苏常州"), rep);
        return opportunities.create(new NewOpportunity(customer.id(), "原料仓" + marker, null, new BigDecimal("1200000"),
                Set.of(LogisticsService.WAREHOUSING)), rep);
    }
}
