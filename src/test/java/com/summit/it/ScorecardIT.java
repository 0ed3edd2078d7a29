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
import com.summit.opportunity.domain.ScoreChange;
import com.summit.opportunity.domain.ScoreElement;
import com.summit.opportunity.domain.VetoHolder;
import com.summit.opportunity.service.NewOpportunity;
import com.summit.opportunity.service.OpportunityService;
import com.summit.opportunity.service.ScorecardService;
import com.summit.opportunity.service.ScorecardService.Evidence;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.tasklist.service.TaskOutcome;
import com.summit.tasklist.service.TaskRow;
import com.summit.tasklist.service.TaskService;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The scorecard's rules: evidence for every change, every change kept, high claims verified by the manager. */
class ScorecardIT extends LocalAppIT {

    @Autowired ScorecardService scorecards;
    @Autowired OpportunityService opportunities;
    @Autowired CustomerService customers;
    @Autowired TaskService tasks;
    @Autowired com.summit.tasklist.service.TaskAssignment assignment;
    @Autowired UserService users;
    @Autowired Messages messages;

    private SummitUser rep;
    private SummitUser manager;
    private Opportunity deal;

    @BeforeEach
    void setUp() {
        rep = users.find("zhangwei").orElseThrow();
        manager = users.find("lina").orElseThrow();
        String marker = UUID.randomUUID().toString().substring(0, 6);
        var customer = customers.create(new NewCustomer("常熟纺织集团" + marker, null, Industry.RETAIL, "江苏常熟"), rep);
        deal = opportunities.create(new NewOpportunity(customer.id(), "成品仓外包", null, new BigDecimal("3000000"),
                Set.of(LogisticsService.WAREHOUSING)), rep);
    }

    @Test
    void aLevelChangesOnlyWithEvidenceAndEveryChangeIsKept() {
        assertRefused(() -> scorecards.changeLevel(deal.id(), ScoreElement.GOALS, 2, Evidence.note("  "), rep),
                "调整等级需要证据：请写明依据（会议纪要、邮件、文件或跟进记录）");
        assertRefused(() -> scorecards.changeLevel(deal.id(), ScoreElement.GOALS, 2, null, rep),
                "调整等级需要证据：请写明依据（会议纪要、邮件、文件或跟进记录）");
        assertRefused(() -> scorecards.changeLevel(deal.id(), ScoreElement.GOALS, 2, Evidence.link("邮件", "ftp://x"), rep),
                "链接应以 http:// 或 https:// 开头");
        assertRefused(() -> scorecards.changeLevel(deal.id(), ScoreElement.GOALS, 7, Evidence.note("会议纪要"), rep), "等级应在 0 到 6 之间");
        assertRefused(() -> scorecards.changeLevel(deal.id(), ScoreElement.GOALS, 0, Evidence.note("会议纪要"), rep), "“目标”已经是 0 级");
        assertThat(scorecards.levels(deal.id())).containsEntry(ScoreElement.GOALS, 0);
        assertThat(scorecards.history(deal.id(), rep)).isEmpty();

        scorecards.changeLevel(deal.id(), ScoreElement.GOALS, 2, Evidence.note("与物流总监会谈：目标是库存周转提升 20%"), rep);
        scorecards.changeLevel(deal.id(), ScoreElement.GOALS, 1, Evidence.link("总监调岗，需重新确认", "https://wiki.example/notes/42"), rep);

        var card = scorecards.scorecard(deal.id(), rep, Locales.ZH_CN);
        assertThat(card.level(ScoreElement.GOALS)).isEqualTo(1);
        var goals = card.lines().stream().filter(l -> l.ladder().element() == ScoreElement.GOALS).findFirst().orElseThrow();
        assertThat(goals.current()).isEqualTo("了解对接人的目标（如客诉率降到 X%）");
        assertThat(goals.next()).isEqualTo("了解决策人的目标（收入、利润）");
        assertThat(scorecards.history(deal.id(), rep)).extracting(ScoreChange::fromLevel, ScoreChange::toLevel, ScoreChange::changedBy,
                ScoreChange::evidenceKind, ScoreChange::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0, 2, "zhangwei", ScoreChange.EvidenceKind.NOTE, ScoreChange.Status.ACCEPTED),
                org.assertj.core.groups.Tuple.tuple(2, 1, "zhangwei", ScoreChange.EvidenceKind.LINK, ScoreChange.Status.ACCEPTED));
        assertThat(scorecards.scorecard(deal.id(), rep, Locales.EN).lines().getFirst().ladder().name(Locales.EN)).isEqualTo("Need");
    }

    @Test
    void aHighClaimOnPowerIsVerifiedByTheManagerAndFallsBackWhenRejected() {
        scorecards.changeLevel(deal.id(), ScoreElement.POWER, 4, Evidence.note("总经理在评审会上认可了方案"), rep);
        // claimed: the level shows at once, and waits for the verdict
        assertThat(scorecards.levels(deal.id())).containsEntry(ScoreElement.POWER, 4);
        assertThat(scorecards.history(deal.id(), rep)).extracting(ScoreChange::status).containsExactly(ScoreChange.Status.PENDING);
        assertRefused(() -> scorecards.changeLevel(deal.id(), ScoreElement.POWER, 5, Evidence.note("又见了一次"), rep),
                "“权力”有一项等级变更正等待经理核实");

        TaskRow verify = awaitTaskOf(manager, "核实要素等级");
        assertThat(verify.task().assignee()).isEqualTo("lina");
        // a manager of another team can neither be handed the task nor give the verdict
        String other = "mgr" + UUID.randomUUID().toString().substring(0, 5);
        users.createIfMissing(new SummitUser(other, "郑经理", Set.of(com.summit.security.domain.Role.MANAGER), "西南大客户部", null), "summit");
        assertRefused(() -> assignment.assign(verify.task().id(), manager, other), "不能指派给郑经理：只能指派给可以查看这个商机的候选人，或商机负责人。");
        assertRefused(() -> tasks.complete(verify.task().id(), users.find(other).orElseThrow(),
                "{\"verdict\": \"CONFIRM\", \"verdictReason\": \"看着不错\"}", Locales.ZH_CN), "找不到这项任务。");
        // the process carries the claim's codes; the form shows it in the manager's language
        assertThat(verify.task().variablesJson()).contains("总经理在评审会上认可了方案", "\"scoreElement\": \"POWER\"", "\"claimedLevel\": 4")
                .doesNotContain("决策人认可我们的能力和方案");
        assertThat(tasks.open(verify.task().id(), manager, Locales.ZH_CN).formDataJson())
                .contains("\"verificationElement\":\"权力\"", "0 → 4：决策人认可我们的能力和方案");
        assertThat(tasks.open(verify.task().id(), manager, Locales.EN).formDataJson())
                .contains("\"verificationElement\":\"Power\"", "\"verificationClaim\":\"0 → 4: ").doesNotContain("权力");
        assertThat(tasks.complete(verify.task().id(), manager, """
                {"verdict": "REJECT", "verdictReason": "没有会议纪要，无法证明见到了总经理"}""", Locales.ZH_CN)).isEqualTo(TaskOutcome.COMPLETED);

        await().atMost(Duration.ofSeconds(30)).until(() -> scorecards.levels(deal.id()).get(ScoreElement.POWER) == 0);
        ScoreChange rejected = scorecards.history(deal.id(), rep).getFirst();
        assertThat(rejected.status()).isEqualTo(ScoreChange.Status.REJECTED);
        assertThat(rejected.verifiedBy()).isEqualTo("lina");
        assertThat(rejected.verdictReason()).isEqualTo("没有会议纪要，无法证明见到了总经理");

        // a confirmed claim stays
        scorecards.changeLevel(deal.id(), ScoreElement.NEED, 4, Evidence.note("客户书面确认了需求说明"), rep);
        TaskRow second = awaitTaskOf(manager, "核实要素等级");
        tasks.complete(second.task().id(), manager, "{\"verdict\": \"CONFIRM\", \"verdictReason\": \"邮件已核对\"}", Locales.ZH_CN);
        await().atMost(Duration.ofSeconds(30)).until(() -> scorecards.history(deal.id(), rep).getLast().status() == ScoreChange.Status.ACCEPTED);
        assertThat(scorecards.levels(deal.id())).containsEntry(ScoreElement.NEED, 4);
    }

    @Test
    void someoneElseCannotSeeOrChangeTheScorecardAndVetoHoldersHaveAStatus() {
        SummitUser legal = users.find("wangfang").orElseThrow();
        assertRefused(() -> scorecards.scorecard(deal.id(), legal, Locales.ZH_CN), "你无权查看或修改这个商机的要素");
        assertRefused(() -> scorecards.changeLevel(deal.id(), ScoreElement.NEED, 1, Evidence.note("我觉得有需求"), legal),
                "你无权查看或修改这个商机的要素");

        assertThat(scorecards.scorecard(deal.id(), rep, Locales.ZH_CN).vetoHolders()).extracting(VetoHolder::department, VetoHolder::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("LEGAL", VetoHolder.Status.UNKNOWN),
                        org.assertj.core.groups.Tuple.tuple("FINANCE", VetoHolder.Status.UNKNOWN),
                        org.assertj.core.groups.Tuple.tuple("TECH", VetoHolder.Status.UNKNOWN));
        scorecards.setVetoHolder(deal.id(), "FINANCE", VetoHolder.Status.CONCERNS, "账期 90 天过长", rep);
        assertThat(scorecards.scorecard(deal.id(), manager, Locales.ZH_CN).vetoHolders()).filteredOn(v -> v.department().equals("FINANCE"))
                .singleElement().satisfies(v -> {
                    assertThat(v.status()).isEqualTo(VetoHolder.Status.CONCERNS);
                    assertThat(v.note()).isEqualTo("账期 90 天过长");
                    assertThat(v.changedBy()).isEqualTo("zhangwei");
                });
    }

    @Test
    void theProcessOwnerRewordsACheckpointAndEveryScorecardShowsIt() {
        SummitUser owner = users.find("zhaomin").orElseThrow();
        var ladder = scorecards.ladders().stream().filter(l -> l.element() == ScoreElement.COLLABORATION).findFirst().orElseThrow();
        String before = ladder.checkpoint(1, Locales.ZH_CN);
        assertRefused(() -> scorecards.editLadder(ScoreElement.COLLABORATION, 1, "改写", "Reworded", null, rep), "只有流程负责人可以修改阶梯");
        assertRefused(() -> scorecards.editLadder(ScoreElement.COLLABORATION, 1, " ", "Reworded", null, owner), "中文和英文说明都不能为空");
        try {
            scorecards.editLadder(ScoreElement.COLLABORATION, 1, "组建了内部项目团队（销售、方案、运营、IT）", "Internal deal team formed (with IT)",
                    ladder.verifyFromLevel(), owner);
            var line = scorecards.scorecard(deal.id(), rep, Locales.ZH_CN).lines().stream()
                    .filter(l -> l.ladder().element() == ScoreElement.COLLABORATION).findFirst().orElseThrow();
            assertThat(line.next()).isEqualTo("组建了内部项目团队（销售、方案、运营、IT）");
            assertThat(scorecards.scorecard(deal.id(), rep, Locales.EN).lines().stream()
                    .filter(l -> l.ladder().element() == ScoreElement.COLLABORATION).findFirst().orElseThrow().next())
                    .isEqualTo("Internal deal team formed (with IT)");
        } finally {
            scorecards.editLadder(ScoreElement.COLLABORATION, 1, before, ladder.checkpoint(1, Locales.EN), ladder.verifyFromLevel(), owner);
        }
    }

    private TaskRow awaitTaskOf(SummitUser user, String name) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> tasks.inbox(user).stream()
                .filter(r -> r.task().name().equals(name) && r.task().variablesJson().contains("\"opportunityId\": " + deal.id()))
                .findFirst().orElse(null), r -> r != null);
    }

    private void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(messages.getTranslation(e.messageKey(), Locales.ZH_CN, e.arguments())).isEqualTo(message));
    }
}
