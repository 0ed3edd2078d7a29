package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.summit.base.UserFacingException;
import com.summit.base.i18n.Locales;
import com.summit.base.i18n.Messages;
import com.summit.customer.domain.Industry;
import com.summit.customer.service.CustomerService;
import com.summit.customer.service.NewCustomer;
import com.summit.customer.domain.LogisticsService;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.domain.OpportunityRepository;
import com.summit.opportunity.domain.ScoreElement;
import com.summit.opportunity.domain.TeamRole;
import com.summit.opportunity.service.NewOpportunity;
import com.summit.opportunity.service.OpportunityService;
import com.summit.opportunity.service.ScorecardService;
import com.summit.security.domain.Role;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Who sees a deal and its customer: its owner and team, the owner's manager and team's managers, admins; nobody else. */
class OpportunityVisibilityIT extends LocalAppIT {

    @Autowired OpportunityService opportunities;
    @Autowired ScorecardService scorecards;
    @Autowired CustomerService customers;
    @Autowired UserService users;
    @Autowired Messages messages;

    @Test
    void theNewDealCustomerBoxAndTheDealListReadOnlyWhatTheUserMaySeeAPageAtATime() {
        String marker = UUID.randomUUID().toString().substring(0, 5);
        users.createIfMissing(new SummitUser("hx" + marker, "黄鑫", Set.of(Role.MANAGER), "西南大客户部" + marker, null), "summit");
        SummitUser rep = users.find("zhangwei").orElseThrow();
        SummitUser otherManager = users.find("hx" + marker).orElseThrow();
        for (int i = 1; i <= 7; i++) {
            customers.create(new NewCustomer("分页物流" + marker + "号" + i, null, Industry.FMCG, "上海"), rep);
        }
        // typing narrows the box to the matching customers, by name, a page at a time, with the real count
        assertThat(customers.countVisibleByName(rep, "分页物流" + marker)).isEqualTo(7);
        assertThat(customers.visibleByName(rep, "分页物流" + marker, 0, 5)).extracting(c -> c.name())
                .containsExactly("分页物流" + marker + "号1", "分页物流" + marker + "号2", "分页物流" + marker + "号3",
                        "分页物流" + marker + "号4", "分页物流" + marker + "号5");
        assertThat(customers.visibleByName(rep, "分页物流" + marker, 5, 5)).hasSize(2);
        assertThat(customers.visibleByName(rep, "%", 0, 50)).as("a % is a character, not a wildcard")
                .noneMatch(c -> c.name().startsWith("分页物流" + marker));
        // another team's manager is not offered them, not even counted
        assertThat(customers.countVisibleByName(otherManager, "分页物流" + marker)).isZero();
        assertThat(customers.visibleByName(otherManager, "", 0, 1000)).noneMatch(c -> c.name().startsWith("分页物流" + marker));

        // the deal list: the count and the pages together are exactly the deals the user sees
        int count = opportunities.countVisible(rep);
        java.util.List<Long> paged = new java.util.ArrayList<>();
        for (int offset = 0; offset < count; offset += 3) {
            opportunities.visiblePage(rep, offset, 3).forEach(o -> paged.add(o.id()));
        }
        assertThat(paged).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
                opportunities.visibleTo(rep).stream().map(Opportunity::id).toList());
        assertThat(opportunities.countVisible(otherManager)).isZero();
    }

    @Test
    void visibilityFollowsTeamMembershipAndTheManagersTeam() {
        String marker = UUID.randomUUID().toString().substring(0, 5);
        users.createIfMissing(new SummitUser("zg" + marker, "周刚", Set.of(Role.MANAGER), "华南大客户部" + marker, null), "summit");
        users.createIfMissing(new SummitUser("wx" + marker, "吴霞", Set.of(Role.REP), "华南大客户部" + marker, "zg" + marker), "summit");
        SummitUser rep = users.find("zhangwei").orElseThrow();
        SummitUser ownManager = users.find("lina").orElseThrow();
        SummitUser otherManager = users.find("zg" + marker).orElseThrow();
        SummitUser otherRep = users.find("wx" + marker).orElseThrow();
        SummitUser admin = users.find("admin").orElseThrow();
        var customer = customers.create(new NewCustomer("嘉兴纸业" + marker, null, Industry.FMCG, "浙江嘉兴"), rep);
        Opportunity deal = opportunities.create(new NewOpportunity(customer.id(), "原纸入厂物流", null, new BigDecimal("2200000"),
                Set.of(LogisticsService.LINE_HAUL)), rep);

        assertThat(opportunities.findVisible(deal.id(), rep)).isPresent();
        assertThat(opportunities.findVisible(deal.id(), ownManager)).isPresent();
        assertThat(opportunities.findVisible(deal.id(), admin)).isPresent();
        assertThat(opportunities.findVisible(deal.id(), otherManager)).isEmpty();
        assertThat(opportunities.findVisible(deal.id(), otherRep)).isEmpty();
        assertThat(opportunities.visibleTo(otherRep)).extracting(Opportunity::id).doesNotContain(deal.id());
        // the customer follows the same rule: the owner, the owner's manager, admins; not another team
        assertThat(customers.findVisible(customer.id(), ownManager)).isPresent();
        assertThat(customers.findVisible(customer.id(), admin)).isPresent();
        assertThat(customers.findVisible(customer.id(), otherManager)).isEmpty();
        assertThat(customers.findVisible(customer.id(), otherRep)).isEmpty();
        assertThat(customers.count(otherManager, CustomerService.Filter.none())).isZero();
        assertRefused(() -> scorecards.scorecard(deal.id(), otherRep, Locales.ZH_CN), "你无权查看或修改这个商机的要素");

        // a solution colleague from another team joins: they see the deal and help climb the scorecard
        opportunities.addMember(deal.id(), otherRep.username(), TeamRole.SOLUTION, rep);
        assertThat(opportunities.visibleTo(otherRep)).extracting(Opportunity::id).contains(deal.id());
        assertThat(customers.findVisible(customer.id(), otherRep)).isPresent();
        assertThat(customers.page(otherRep, CustomerService.Filter.none(), 0, 50)).extracting(c -> c.id()).containsExactly(customer.id());
        scorecards.changeLevel(deal.id(), ScoreElement.COLLABORATION, 1, ScorecardService.Evidence.note("方案、运营已组成项目组"), otherRep);
        assertThat(opportunities.members(deal.id(), rep)).extracting(OpportunityRepository.Member::username, OpportunityRepository.Member::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("zhangwei", "OWNER"),
                        org.assertj.core.groups.Tuple.tuple(otherRep.username(), "SOLUTION"));
        assertThat(opportunities.findVisible(deal.id(), otherManager)).isEmpty();
        assertRefused(() -> opportunities.addMember(deal.id(), "chenjie", TeamRole.OPERATIONS, otherRep), "只有负责人和销售经理可以调整商机团队");
        assertRefused(() -> opportunities.addMember(deal.id(), "nobody-" + marker, TeamRole.SALES, rep), "找不到这个用户");
        assertRefused(() -> opportunities.addMember(deal.id(), "chenjie", TeamRole.OWNER, rep), "请选择成员的角色（负责人不能在这里添加）");
        assertRefused(() -> opportunities.addMember(deal.id(), "chenjie", TeamRole.SALES, otherManager), "找不到这个商机，或你无权查看");

        opportunities.removeMember(deal.id(), otherRep.username(), ownManager);
        assertThat(opportunities.findVisible(deal.id(), otherRep)).isEmpty();
        assertThat(customers.findVisible(customer.id(), otherRep)).isEmpty();
        assertRefused(() -> opportunities.removeMember(deal.id(), "zhangwei", rep), "此人不是团队成员，或是负责人");
    }

    private void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(messages.getTranslation(e.messageKey(), Locales.ZH_CN, e.arguments())).isEqualTo(message));
    }
}
