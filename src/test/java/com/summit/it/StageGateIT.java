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
}
