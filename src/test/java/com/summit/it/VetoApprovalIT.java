package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.summit.approval.domain.ApprovalRound;
import com.summit.approval.service.ApprovalRounds;
import com.summit.approval.service.ApprovalService;
import com.summit.base.UserFacingException;
import com.summit.base.ValidationException;
import com.summit.base.i18n.Locales;
import com.summit.base.i18n.Messages;
import com.summit.customer.domain.Industry;
import com.summit.customer.service.CustomerService;
import com.summit.customer.service.NewCustomer;
import com.summit.engine.ProcessEngine;
import com.summit.customer.domain.LogisticsService;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.domain.VetoHolder;
import com.summit.opportunity.service.NewOpportunity;
import com.summit.opportunity.service.OpportunityService;
import com.summit.opportunity.service.ScorecardService;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.tasklist.service.TaskRow;
import com.summit.tasklist.service.TaskService;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The veto approval with the app's own workers: routing by the DMN, who may decide which review, a veto that ends
 * the round and empties the other inboxes, rework into a second round, the scorecard's veto holders, and an audit
 * trail that nobody can edit.
 */
class VetoApprovalIT extends LocalAppIT {

    @Autowired ProcessEngine engine;
    @Autowired TaskService tasks;
    @Autowired com.summit.tasklist.service.TaskAssignment assignment;
    @Autowired ApprovalService approvals;
    @Autowired ApprovalRounds opening;
    @Autowired ScorecardService scorecards;
    @Autowired OpportunityService opportunities;
    @Autowired CustomerService customers;
    @Autowired UserService users;
    @Autowired Messages messages;
    @Autowired JdbcClient jdbc;
    @Autowired com.summit.opportunity.service.GateService gates;
    @Autowired com.summit.opportunity.service.BoardService boards;
    @Autowired com.summit.opportunity.service.OpportunityPageService pages;
    @Autowired com.summit.notify.service.NotificationService notifications;

    @Test
    void aRoundOpeningJobHandedOutAgainOpensNoSecondRoundAndAGateJobHandedOutAgainRecordsOnce() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        String marker = UUID.randomUUID().toString().substring(0, 6);
        var customer = customers.create(new NewCustomer("重试物流" + marker, null, Industry.MACHINERY, "浙江宁波"), rep);
        Opportunity deal = opportunities.create(new NewOpportunity(customer.id(), "干线运输" + marker, null, new BigDecimal("4800000"),
                Set.of(LogisticsService.LINE_HAUL)), rep);
        var terms = new ApprovalRounds.Terms(new BigDecimal("4800000"), new BigDecimal("6"), 30, false);
        String job = "test-epoch:" + marker;

        var first = opening.openRound(null, deal.id(), "PROPOSAL_NEGOTIATION", "zhangwei", 1L, terms, null, job);
        // the worker wrote the round, but its completion never reached the engine: the same job comes again
        var again = opening.openRound(null, deal.id(), "PROPOSAL_NEGOTIATION", "zhangwei", 1L, terms, null, job);
        assertThat(again.roundId()).isEqualTo(first.roundId());
        assertThat(again.number()).isEqualTo(1);
        assertThat(again.reviews()).extracting(r -> r.reviewId() + " " + r.department() + " " + r.group() + " " + r.escalationGroups())
                .containsExactlyElementsOf(first.reviews().stream()
                        .map(r -> r.reviewId() + " " + r.department() + " " + r.group() + " " + r.escalationGroups()).toList());
        List<ApprovalRound> rounds = approvals.rounds(first.requestId());
        assertThat(rounds).hasSize(1);
        assertThat(rounds.getFirst().outcome()).isEqualTo(ApprovalRound.Outcome.RUNNING);

        // the board counts the veto holders this deal's routing called in, not a fixed three
        var card = boards.board(rep, com.summit.opportunity.service.BoardService.Filter.none()).columns().values().stream()
                .flatMap(List::stream).filter(c -> c.id() == deal.id()).findFirst().orElseThrow();
        assertThat(card.vetoesOpen()).isEqualTo(first.reviews().size());

        var gate = gates.evaluate(deal.id(), com.summit.opportunity.domain.Stage.IDENTIFICATION, Map.of(), job);
        var gateAgain = gates.evaluate(deal.id(), com.summit.opportunity.domain.Stage.IDENTIFICATION, Map.of(), job);
        assertThat(gateAgain.passed()).isEqualTo(gate.passed());
        assertThat(gateAgain.unmet()).isEqualTo(gate.unmet());
        assertThat(jdbc.sql("select count(*) from gate_evaluation where job = :job").param("job", job).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void departmentsDecideTheirOwnReviewsAVetoSendsTheDealBackAndASecondRoundPasses() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        SummitUser manager = users.find("lina").orElseThrow();
        SummitUser legal = users.find("wangfang").orElseThrow();
        SummitUser finance = users.find("liuyang").orElseThrow();
        SummitUser financeHead = users.find("sunli").orElseThrow();
        SummitUser tech = users.find("chenjie").orElseThrow();
        String marker = UUID.randomUUID().toString().substring(0, 6);
        var customer = customers.create(new NewCustomer("宁波港口物流" + marker, null, Industry.MACHINERY, "浙江宁波"), rep);
        Opportunity deal = opportunities.create(new NewOpportunity(customer.id(), "港口集装箱短驳", null, new BigDecimal("4800000"),
                Set.of(LogisticsService.LINE_HAUL)), rep);

        Map<String, Object> variables = new HashMap<>(Map.of("opportunityId", deal.id(), "owner", "zhangwei", "stage", "PROPOSAL_NEGOTIATION",
                "amount", 4800000, "marginPercent", 6, "paymentTermDays", 30, "nonStandardTerms", false,
                "customerName", customer.name(), "opportunityName", deal.name()));
        long instance = engine.start("veto-approval", variables);

        // a low margin: the finance review goes to the head; an ordinary finance reviewer does not see it
        TaskRow legalReview = taskOf(legal, instance, "部门审批");
        TaskRow financeReview = taskOf(financeHead, instance, "部门审批");
        TaskRow techReview = taskOf(tech, instance, "部门审批");
        assertThat(financeReview.task().candidateGroups()).containsExactly("FINANCE_HEAD");
        // the inbox and the task page name the department, in the reader's language
        assertThat(tasks.open(legalReview.task().id(), legal, Locales.ZH_CN).name()).isEqualTo("部门审批（法务）");
        assertThat(tasks.open(financeReview.task().id(), financeHead, Locales.EN).name()).isEqualTo("Department review (Finance)");
        assertThat(tasks.claimable(finance, Locales.ZH_CN)).noneMatch(r -> r.task().processInstanceKey() == instance);

        // legal's review stays in legal: the deal's manager cannot hand it to finance, and finance cannot decide it
        assertRefused(() -> assignment.assign(legalReview.task().id(), manager, "liuyang"), "部门审批只能指派给本部门的审批人，刘洋不是。");
        assertRefused(() -> tasks.complete(legalReview.task().id(), finance, "{\"decision\": \"APPROVE\"}", Locales.ZH_CN),
                "找不到这项任务。");
        assignment.assign(legalReview.task().id(), manager, "wangfang");
        // a veto needs its reason
        assertThatThrownBy(() -> tasks.complete(legalReview.task().id(), legal, "{\"decision\": \"VETO\"}", Locales.ZH_CN))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(f ->
                        messages.getTranslation(f.messageKey(), Locales.ZH_CN, f.arguments())).containsExactly("有条件同意或否决时，请写明理由"));

        assignment.claim(techReview.task().id(), tech);
        tasks.complete(techReview.task().id(), tech, "{\"decision\": \"APPROVE\"}", Locales.ZH_CN);
        tasks.complete(legalReview.task().id(), legal, """
                {"decision": "VETO", "reason": "违约责任条款对我方不利，需改为双方对等"}""", Locales.ZH_CN);

        // the round ends at once: the finance head's review leaves the inbox, the owner gets the rework
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> tasks.claimable(financeHead, Locales.ZH_CN).stream()
                .noneMatch(r -> r.task().processInstanceKey() == instance));
        TaskRow rework = taskOf(rep, instance, "处理否决意见：修改后重新提交或撤回");
        // the process keeps codes and the reviewers' own words; the form shows them in the reader's language
        assertThat(rework.task().variablesJson()).contains("违约责任条款对我方不利", "\"decision\": \"VETO\"", "\"department\": \"LEGAL\"").doesNotContain("否决", "未审");
        assertThat(tasks.open(rework.task().id(), rep, Locales.ZH_CN).formDataJson())
                .contains("第 1 轮：被否决", "法务：否决。违约责任条款对我方不利", "未审");
        assertThat(tasks.open(rework.task().id(), rep, Locales.EN).formDataJson())
                .contains("Round 1: Vetoed", ": Vetoed. 违约责任条款对我方不利", "not reviewed").doesNotContain("被否决", "未审");
        assertThat(scorecards.scorecard(deal.id(), rep, Locales.ZH_CN).vetoHolders()).filteredOn(v -> v.department().equals("LEGAL"))
                .singleElement().extracting(VetoHolder::status).isEqualTo(VetoHolder.Status.CONCERNS);

        // the decision is final: not even SQL changes it
        assertThatThrownBy(() -> jdbc.sql("update approval_decision set decision = 'APPROVE' where decided_by = 'wangfang'").update())
                .hasMessageContaining("cannot be changed");
        assertThatThrownBy(() -> jdbc.sql("delete from approval_decision where decided_by = 'wangfang'").update())
                .hasMessageContaining("cannot be changed");

        // rework with a better margin: a second round, finance back at reviewer level
        tasks.complete(rework.task().id(), rep, """
                {"reworkDecision": "RESUBMIT", "reworkNote": "违约条款改为对等，毛利率提高到 12%", "marginPercent": 12, "paymentTermDays": 30}""",
                Locales.ZH_CN);
        for (SummitUser reviewer : List.of(legal, finance, tech)) {
            TaskRow review = taskOf(reviewer, instance, "部门审批");
            if (reviewer == finance) {
                // the reviewer of round 2 sees round 1 in their language, and the amount as money
                assertThat(tasks.open(review.task().id(), reviewer, Locales.EN).formDataJson())
                        .contains("Round 1: Vetoed", "\"amountText\":\"¥4,800,000.00\"").doesNotContain("Round 2");
            }
            assignment.claim(review.task().id(), reviewer);
            tasks.complete(review.task().id(), reviewer, reviewer == finance
                    ? "{\"decision\": \"APPROVE_WITH_CONDITIONS\", \"reason\": \"账期内按月结算\", \"conditions\": \"预付款不低于 30%\"}"
                    : "{\"decision\": \"APPROVE\"}", Locales.ZH_CN);
        }
        long requestId = jdbc.sql("select id from approval_request where opportunity_id = :o").param("o", deal.id()).query(Long.class).single();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "APPROVED".equals(
                jdbc.sql("select status from approval_request where id = :id").param("id", requestId).query(String.class).single()));
        assertThat(approvals.rounds(requestId)).extracting(ApprovalRound::number, ApprovalRound::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, ApprovalRound.Outcome.VETOED),
                org.assertj.core.groups.Tuple.tuple(2, ApprovalRound.Outcome.APPROVED));
        assertThat(jdbc.sql("select status from approval_request where id = :id").param("id", requestId).query(String.class).single())
                .isEqualTo("APPROVED");
        assertThat(scorecards.scorecard(deal.id(), rep, Locales.ZH_CN).vetoHolders()).extracting(VetoHolder::department, VetoHolder::status)
                .contains(org.assertj.core.groups.Tuple.tuple("LEGAL", VetoHolder.Status.AGREED),
                        org.assertj.core.groups.Tuple.tuple("FINANCE", VetoHolder.Status.AGREED),
                        org.assertj.core.groups.Tuple.tuple("TECH", VetoHolder.Status.AGREED));
    }

    @Test
    void theQueueHidesTheOtherDecisionsUntilOursAndAnOverdueReviewRemindsThenEscalates() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        SummitUser legal = users.find("wangfang").orElseThrow();
        SummitUser finance = users.find("liuyang").orElseThrow();
        SummitUser tech = users.find("chenjie").orElseThrow();
        SummitUser techHead = users.find("wuhao").orElseThrow();
        long instance = startApproval(rep, "嘉兴电商仓配", 15);
        TaskRow legalReview = taskOf(legal, instance, "部门审批");
        TaskRow financeReview = taskOf(finance, instance, "部门审批");
        taskOf(tech, instance, "部门审批");

        // finance's queue: the deal's terms, finance's own review with its deadline; legal decides first, finance does not see how
        assignment.claim(legalReview.task().id(), legal);
        tasks.complete(legalReview.task().id(), legal, "{\"decision\": \"APPROVE\"}", Locales.ZH_CN);
        awaitDecided("LEGAL", instance);
        ApprovalService.QueueItem item = queueItem(approvals.pending(finance), instance);
        assertThat(item.current().marginPercent()).isEqualByComparingTo("15");
        assertThat(item.mine()).singleElement().satisfies(v -> {
            assertThat(v.department()).isEqualTo("FINANCE");
            assertThat(v.dueAt()).isAfter(java.time.Instant.now());
        });
        assertThat(item.current().reviews()).filteredOn(v -> v.department().equals("LEGAL")).singleElement()
                .satisfies(v -> assertThat(v.decided()).as("legal's decision is hidden from finance until finance decides").isFalse());
        assertThat(item.taskId()).isEqualTo(financeReview.task().id());

        // past the deadline: the one who took the review is reminded, once
        assignment.claim(financeReview.task().id(), finance);
        long financeReviewId = item.mine().getFirst().id();
        approvals.remind(financeReviewId, instance);
        approvals.remind(financeReviewId, instance);
        assertThat(notices(finance)).filteredOn(n -> n.kind().equals("REVIEW_OVERDUE")).singleElement().satisfies(n -> {
            assertThat(n.text()).startsWith("财务审批已超期").contains("嘉兴电商仓配");
            assertThat(n.link()).isEqualTo("tasks/" + financeReview.task().id());
        });
        // nobody has taken tech's review: everyone of the group is reminded; later it goes to the tech head's group
        long techReviewId = queueItem(approvals.pending(tech), instance).mine().getFirst().id();
        approvals.remind(techReviewId, instance);
        assertThat(notices(tech)).anyMatch(n -> n.kind().equals("REVIEW_OVERDUE") && n.text().startsWith("技术审批已超期"));
        approvals.escalate(techReviewId);
        assertThat(notices(techHead)).anyMatch(n -> n.kind().equals("REVIEW_ESCALATED") && n.text().contains("已升级到你"));
        assertThat(notices(tech)).noneMatch(n -> n.kind().equals("REVIEW_ESCALATED"));
        assertThat(queueItem(approvals.pending(techHead), instance).escalated()).isTrue();

        // once finance has decided, the other decisions of the round show
        tasks.complete(financeReview.task().id(), finance, "{\"decision\": \"APPROVE\"}", Locales.ZH_CN);
        awaitDecided("FINANCE", instance);
        assertThat(approvals.pending(finance)).noneMatch(q -> q.requestId() == item.requestId());
        ApprovalService.QueueItem decided = approvals.decided(finance).stream().filter(q -> q.requestId() == item.requestId()).findFirst().orElseThrow();
        assertThat(decided.current().reviews()).filteredOn(v -> v.department().equals("LEGAL")).singleElement()
                .satisfies(v -> assertThat(v.decidedBy()).isEqualTo("wangfang"));
    }

    @Test
    void conditionsOfAnApprovalAreTheContractChecklistAndHoldTheGateUntilMet() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        SummitUser legal = users.find("wangfang").orElseThrow();
        SummitUser finance = users.find("liuyang").orElseThrow();
        SummitUser tech = users.find("chenjie").orElseThrow();
        long instance = startApproval(rep, "苏州精密电子", 15);
        long opportunityId = ((Number) engineVariable(instance)).longValue();
        for (SummitUser reviewer : List.of(legal, finance, tech)) {
            TaskRow review = taskOf(reviewer, instance, "部门审批");
            assignment.claim(review.task().id(), reviewer);
            tasks.complete(review.task().id(), reviewer, reviewer == finance
                    ? "{\"decision\": \"APPROVE_WITH_CONDITIONS\", \"reason\": \"账期较长\", \"conditions\": \"预付款不低于 30%\"}"
                    : "{\"decision\": \"APPROVE\"}", Locales.ZH_CN);
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !approvals.conditions(opportunityId, rep).isEmpty());
        var condition = approvals.conditions(opportunityId, rep).getFirst();
        assertThat(condition.department()).isEqualTo("FINANCE");
        assertThat(condition.text()).isEqualTo("预付款不低于 30%");
        assertThat(condition.met()).isFalse();
        // the round closes (with its conditions) one step before the request does
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> approvals.historyOf(opportunityId, rep).stream().allMatch(r -> r.status().equals("APPROVED")));
        assertThat(approvals.historyOf(opportunityId, rep)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo("APPROVED");
            assertThat(r.rounds()).extracting(ApprovalRound::outcome).containsExactly(ApprovalRound.Outcome.APPROVED);
        });

        // the contract stage's gate holds while a condition is open
        Map<String, Object> facts = Map.of("solutionReviewPassed", true, "vetoApprovalPassed", true, "priceApproved", true, "contractSigned", true);
        var refused = gates.evaluate(opportunityId, com.summit.opportunity.domain.Stage.CONTRACT_SIGNING, facts);
        assertThat(gates.describe(refused, Locales.ZH_CN)).contains("审批附带的条件尚未全部落实");

        // only who steers the deal confirms a condition, with a note, once
        assertRefused(() -> approvals.meetCondition(opportunityId, condition.id(), finance, "已确认"), "找不到这个商机，或你无权查看");
        assertThatThrownBy(() -> approvals.meetCondition(opportunityId, condition.id(), rep, "  "))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(f ->
                        messages.getTranslation(f.messageKey(), Locales.ZH_CN, f.arguments())).containsExactly("请写明条件是如何落实的"));
        assertThat(approvals.conditions(opportunityId, rep).getFirst().met()).isFalse();
        approvals.meetCondition(opportunityId, condition.id(), rep, "合同第 8 条：预付款 30%");
        assertRefused(() -> approvals.meetCondition(opportunityId, condition.id(), rep, "再次确认"), "这项条件已经确认落实，不能重复确认");
        assertThat(approvals.conditions(opportunityId, rep).getFirst()).satisfies(c -> {
            assertThat(c.metBy()).isEqualTo("zhangwei");
            assertThat(c.metNote()).isEqualTo("合同第 8 条：预付款 30%");
        });
        // the deal's timeline has each department's decision
        assertThat(pages.page(opportunityId, rep, Locales.ZH_CN).timeline()).filteredOn(e -> e.kind() == com.summit.opportunity.service.OpportunityPage.Kind.APPROVAL)
                .extracting(com.summit.opportunity.service.OpportunityPage.Entry::text)
                .contains("财务：有条件同意（刘洋）账期较长 附带条件：预付款不低于 30%", "审批第 1 轮：全部同意");
        // and each review's task line says which department's review it was, in the reader's language
        assertThat(pages.page(opportunityId, rep, Locales.ZH_CN).timeline()).filteredOn(e -> e.kind() == com.summit.opportunity.service.OpportunityPage.Kind.TASK)
                .extracting(com.summit.opportunity.service.OpportunityPage.Entry::text)
                .anyMatch(text -> text.startsWith("部门审批（财务） · "));
        assertThat(pages.page(opportunityId, rep, Locales.EN).timeline()).filteredOn(e -> e.kind() == com.summit.opportunity.service.OpportunityPage.Kind.TASK)
                .extracting(com.summit.opportunity.service.OpportunityPage.Entry::text)
                .anyMatch(text -> text.startsWith("Department review (Finance) · "));
        var passed = gates.evaluate(opportunityId, com.summit.opportunity.domain.Stage.CONTRACT_SIGNING, facts);
        assertThat(passed.unmet()).noneMatch(u -> u.condition().equals("APPROVAL_CONDITIONS"));
    }

    private long startApproval(SummitUser rep, String customerName, int margin) {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        var customer = customers.create(new NewCustomer(customerName + marker, null, Industry.MACHINERY, "江苏苏州"), rep);
        Opportunity deal = opportunities.create(new NewOpportunity(customer.id(), customerName + "仓配一体", null, new BigDecimal("3000000"),
                Set.of(LogisticsService.WAREHOUSING)), rep);
        Map<String, Object> variables = new HashMap<>(Map.of("opportunityId", deal.id(), "owner", "zhangwei", "stage", "CONTRACT_SIGNING",
                "amount", 3000000, "marginPercent", margin, "paymentTermDays", 30, "nonStandardTerms", false,
                "customerName", customer.name(), "opportunityName", deal.name()));
        return engine.start("veto-approval", variables);
    }

    private Object engineVariable(long instance) {
        return jdbc.sql("select opportunity_id from approval_request where process_instance_key = :pi").param("pi", instance)
                .query(Long.class).optional().orElseGet(() -> org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                        () -> jdbc.sql("select opportunity_id from approval_request where process_instance_key = :pi").param("pi", instance)
                                .query(Long.class).optional().orElse(null), java.util.Objects::nonNull));
    }

    private void awaitDecided(String department, long instance) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                select count(*) from approval_decision d join approval_review v on v.id = d.review_id
                join approval_round r on r.id = v.round_id join approval_request q on q.id = r.request_id
                where q.process_instance_key = :pi and v.department = :d""").param("pi", instance).param("d", department)
                .query(Integer.class).single() == 1);
    }

    private ApprovalService.QueueItem queueItem(List<ApprovalService.QueueItem> items, long instance) {
        long requestId = jdbc.sql("select id from approval_request where process_instance_key = :pi").param("pi", instance).query(Long.class).single();
        return items.stream().filter(q -> q.requestId() == requestId).findFirst().orElseThrow();
    }

    private List<com.summit.notify.domain.Notice> notices(SummitUser user) {
        return notifications.recent(user, Locales.ZH_CN);
    }

    private TaskRow taskOf(SummitUser user, long instance, String name) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> tasks.inbox(user).stream()
                .filter(r -> r.task().processInstanceKey() == instance && r.task().name().equals(name)).findFirst().orElse(null), r -> r != null);
    }

    private void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(messages.getTranslation(e.messageKey(), Locales.ZH_CN, e.arguments())).isEqualTo(message));
    }
}
