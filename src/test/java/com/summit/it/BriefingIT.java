package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.summit.base.UserFacingException;
import com.summit.base.i18n.Locales;
import com.summit.followup.service.BriefingService;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.service.OpportunityService;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pre-contact briefing of a demo deal: the last conversation with whom was met, what was learnt and the promised
 * next step; what is open; the contacts with their preferences; the scorecard's gaps, weakest first; the veto holders;
 * only for who may see the deal.
 */
class BriefingIT extends LocalAppIT {

    @Autowired BriefingService briefings;
    @Autowired OpportunityService opportunities;
    @Autowired UserService users;

    @Test
    void theBriefingPutsTheLastConversationTheContactsAndTheGapsOnOnePage() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        Opportunity deal = opportunities.visibleTo(rep).stream().filter(o -> o.name().equals("全国七仓仓配一体化")).findFirst().orElseThrow();
        BriefingService.Briefing b = briefings.briefing(deal.id(), rep, Locales.ZH_CN);

        assertThat(b.last().subject()).isEqualTo("方案初稿沟通");
        assertThat(b.last().outcome()).isEqualTo("仓网从七仓收敛为三个区域中心仓加前置仓，客户愿意看测算");
        assertThat(b.met()).extracting(c -> c.name()).containsExactly("刘晓");
        assertThat(b.open()).first().asString().startsWith("准备成本测算（");
        assertThat(b.standing().doneCount()).isEqualTo(5);
        assertThat(b.nextPlanned().subject()).isEqualTo("拜访供应链总监，演示七仓可视化方案");
        assertThat(b.contacts()).extracting(c -> c.name()).containsExactlyInAnyOrder("陈立华", "刘晓", "赵敏行");
        assertThat(b.contacts()).filteredOn(c -> c.name().equals("陈立华")).singleElement()
                .satisfies(c -> assertThat(c.preferences()).isEqualTo("看数据说话，关心新品首发准时率"));
        // weakest element first, each with the checkpoint to reach next
        assertThat(b.gaps()).hasSize(5).first().satisfies(g -> {
            assertThat(g.element()).isEqualTo("协同");
            assertThat(g.level()).isEqualTo(2);
            assertThat(g.next()).isNotBlank();
        });
        assertThat(b.vetoHolders()).hasSize(3);

        SummitUser legal = users.find("wangfang").orElseThrow();
        assertThatThrownBy(() -> briefings.briefing(deal.id(), legal, Locales.ZH_CN)).isInstanceOf(UserFacingException.class);
    }
}
