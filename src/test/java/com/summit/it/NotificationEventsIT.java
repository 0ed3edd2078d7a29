package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.summit.base.UserFacingException;
import com.summit.base.i18n.Locales;
import com.summit.base.i18n.Messages;
import com.summit.customer.domain.Industry;
import com.summit.customer.domain.LogisticsService;
import com.summit.customer.service.CustomerService;
import com.summit.customer.service.NewCustomer;
import com.summit.notify.domain.Notice;
import com.summit.notify.service.NotificationService;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.service.NewOpportunity;
import com.summit.opportunity.service.OpportunityService;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.tasklist.service.TaskCommentService;
import com.summit.tasklist.service.TaskRow;
import com.summit.tasklist.service.TaskService;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The events people hear in the app: a task assigned to them, a deal of their team lost, an @mention in a task comment
 * or a customer note; a mention of someone who may not see the deal is refused and nothing is stored.
 */
class NotificationEventsIT extends LocalAppIT {

    @Autowired NotificationService notifications;
    @Autowired OpportunityService opportunities;
    @Autowired CustomerService customers;
    @Autowired TaskService tasks;
    @Autowired TaskCommentService comments;
    @Autowired UserService users;
    @Autowired Messages messages;

    @Test
    void theOwnerHearsOfTheNewTaskAndTheTeamOfTheLostDeal() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        Opportunity deal = deal(rep);
        Notice assigned = await().atMost(Duration.ofSeconds(30)).until(() -> find(rep, "TASK_ASSIGNED", deal.name()), n -> n != null);
        assertThat(assigned.text()).isEqualTo("新任务：识别商机：客户画像与线索 “" + deal.name() + "”（" + deal.customerName() + "）");
        assertThat(assigned.link()).startsWith("tasks/");

        opportunities.lose(deal.id(), "PRICE", "对手报价低 15%", rep);
        SummitUser manager = users.find("lina").orElseThrow();
        Notice lost = await().atMost(Duration.ofSeconds(30)).until(() -> find(manager, "OPPORTUNITY_LOST", deal.name()), n -> n != null);
        assertThat(lost.text()).isEqualTo("商机“" + deal.name() + "”（" + deal.customerName() + "）已丢单：价格");
        assertThat(notifications.recent(manager, Locales.EN)).filteredOn(n -> n.id() == lost.id()).singleElement()
                .satisfies(n -> assertThat(n.text()).isEqualTo("The deal \"" + deal.name() + "\" (" + deal.customerName() + ") is lost: Price"));
        assertThat(find(rep, "OPPORTUNITY_LOST", deal.name())).as("the owner too").isNotNull();
    }

    @Test
    void aMentionInACommentTellsThatUserAndSomeoneWhoMayNotSeeTheDealCannotBeMentioned() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        Opportunity deal = deal(rep);
        TaskRow task = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.inbox(rep).stream()
                .filter(t -> deal.id() == (t.task().opportunityId() == null ? -1 : t.task().opportunityId())).findFirst().orElse(null), t -> t != null);
        String marker = UUID.randomUUID().toString().substring(0, 6);

        comments.comment(task.task().id(), rep, "@李娜请看一下报价 " + marker);
        SummitUser manager = users.find("lina").orElseThrow();
        assertThat(find(manager, "MENTIONED", marker)).isNotNull().satisfies(n -> assertThat(n.text())
                .isEqualTo("张伟 在“识别商机：客户画像与线索”中提到了你：@李娜请看一下报价 " + marker));

        // legal does not see this deal: the comment is refused, in words, and not stored
        int before = comments.comments(task.task().id(), rep).size();
        assertThatThrownBy(() -> comments.comment(task.task().id(), rep, "@王芳 合同条款请过目"))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(messages.getTranslation(e.messageKey(), Locales.ZH_CN, e.arguments()))
                        .isEqualTo("@王芳 看不到这个商机，不能提及"));
        assertThat(comments.comments(task.task().id(), rep)).hasSize(before);
        assertThat(find(users.find("wangfang").orElseThrow(), "MENTIONED", "合同条款")).isNull();
    }

    @Test
    void aMentionInACustomerNoteTellsThatUser() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        Opportunity deal = deal(rep);
        String marker = UUID.randomUUID().toString().substring(0, 6);
        customers.addNote(deal.customerId(), "客户下周来访，@lina 一起接待 " + marker, rep);
        assertThat(find(users.find("lina").orElseThrow(), "MENTIONED", marker)).isNotNull()
                .satisfies(n -> assertThat(n.link()).isEqualTo("customers/" + deal.customerId()));
        assertThatThrownBy(() -> customers.addNote(deal.customerId(), "@刘洋 账期", rep)).isInstanceOf(UserFacingException.class);
        assertThat(customers.notes(deal.customerId(), rep)).extracting(n -> n.body()).noneMatch(b -> b.contains("账期"));
    }

    private Notice find(SummitUser user, String kind, String containing) {
        List<Notice> recent = notifications.recent(user, Locales.ZH_CN);
        return recent.stream().filter(n -> n.kind().equals(kind) && n.text().contains(containing)).findFirst().orElse(null);
    }

    private Opportunity deal(SummitUser rep) {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        var customer = customers.create(new NewCustomer("南通纺织" + marker, null, Industry.MACHINERY, "江苏南通"), rep);
        return opportunities.create(new NewOpportunity(customer.id(), "面料仓" + marker, null, new BigDecimal("2300000"),
                Set.of(LogisticsService.WAREHOUSING)), rep);
    }
}
