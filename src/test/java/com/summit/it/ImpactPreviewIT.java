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
    void aProcessOwnerWhoSeesNoDealGetsTheCountAndNoDeal() {
        SummitUser owner = users.find("zhaomin").orElseThrow();
        ImpactPreview.Impact impact = impacts.preview("stage-gate.dmn", raisedNeed(), owner, Locales.ZH_CN).getFirst();
        assertThat(impact.changed()).isPositive();
        assertThat(impact.entries()).isEmpty();
        assertThat(impact.hiddenChanged()).isEqualTo(impact.changed());
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
}
