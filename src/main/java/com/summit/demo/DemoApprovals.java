package com.summit.demo;

import com.summit.base.i18n.Locales;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.tasklist.domain.HumanTask;
import com.summit.tasklist.service.TaskService;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Plays the demo's approvals the way people would, through the inbox: the carmaker's proposal goes to the veto
 * holders and legal approves it (finance and technology still have it in their queues); the pharma distributor's
 * contract passes its approval with conditions, which become its contract checklist. Runs in the background after
 * the demo data, and gives up quietly (with a log line) if a step does not appear in time.
 */
@Component
class DemoApprovals {

    private static final Logger log = LoggerFactory.getLogger(DemoApprovals.class);
    private static final Duration WAIT = Duration.ofSeconds(90);

    private final TaskService tasks;
    private final com.summit.tasklist.service.TaskAssignment assignment;
    private final UserService users;

    DemoApprovals(TaskService tasks, com.summit.tasklist.service.TaskAssignment assignment, UserService users) {
        this.assignment = assignment;
        this.tasks = tasks;
        this.users = users;
    }

    void start(long proposalDeal, long contractDeal) {
        Thread thread = new Thread(() -> {
            try {
                play(proposalDeal, contractDeal);
                log.info("Demo approvals played: a proposal waiting for finance and technology, a contract with conditions");
            } catch (RuntimeException e) {
                log.warn("Demo approvals stopped early: {}", e.toString());
            }
        }, "summit-demo-approvals");
        thread.setDaemon(true);
        thread.start();
    }

    private void play(long proposalDeal, long contractDeal) {
        // the carmaker: the proposal goes out for review; legal approves, finance and technology have it in their queues
        submit("zhangwei", proposalDeal, "Task_NegotiateProposal", """
                {"proposedAnnualValue": 1250, "grossMarginPercent": 9, "paymentTermDays": 60, "nonStandardTerms": false,
                 "negotiationNotes": "按生产节拍准时到厂；延误按小时计罚", "requestAdvance": true}""");
        decide(proposalDeal, "LEGAL", "{\"decision\": \"APPROVE\"}");

        // the pharma distributor: its contract passes with conditions; signing waits for them (the contract checklist)
        submit("lina", contractDeal, "Task_SignContract", """
                {"contractNumber": "KN-2026-018", "signedDate": "%s", "contractAnnualValue": 920, "contractSigned": false,
                 "requestAdvance": true}""".formatted(LocalDate.now(Locales.ZONE)));
        decide(contractDeal, "LEGAL", "{\"decision\": \"APPROVE\"}");
        decide(contractDeal, "FINANCE", """
                {"decision": "APPROVE_WITH_CONDITIONS", "reason": "新客户首年，账期内按月结算", "conditions": "首年预付 30%，按月结算"}""");
        decide(contractDeal, "TECH", "{\"decision\": \"APPROVE\"}");
        decide(contractDeal, "OPERATIONS", """
                {"decision": "APPROVE_WITH_CONDITIONS", "reason": "GSP 冷库需验证", "conditions": "冷库温控验证报告随合同附上"}""");
    }

    private void submit(String username, long deal, String elementId, String json) {
        SummitUser user = users.find(username).orElseThrow();
        HumanTask task = await(deal, t -> t.elementId().equals(elementId) && username.equals(t.assignee()), elementId);
        tasks.complete(task.id(), user, json, Locales.ZH_CN);
    }

    /** The review of a department, by one of its people (or its head, for a review routed to the head). */
    private void decide(long deal, String department, String json) {
        HumanTask task = await(deal, t -> "veto-approval".equals(t.bpmnProcessId()) && t.elementId().equals("Task_Review")
                && t.candidateGroups().stream().anyMatch(g -> g.equals(department) || g.equals(department + "_HEAD")), department);
        SummitUser reviewer = users.findAll().stream().filter(u -> task.candidateGroups().stream().anyMatch(u.groups()::contains))
                .findFirst().orElseThrow(() -> new IllegalStateException("nobody of " + task.candidateGroups()));
        assignment.claim(task.id(), reviewer);
        tasks.complete(task.id(), reviewer, json, Locales.ZH_CN);
    }

    private HumanTask await(long deal, java.util.function.Predicate<HumanTask> which, String what) {
        Instant until = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(until)) {
            Optional<HumanTask> task = tasks.openTasksOfOpportunity(deal).stream().filter(which).findFirst();
            if (task.isPresent()) {
                return task.get();
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
        }
        throw new IllegalStateException("no " + what + " task of deal " + deal + " within " + WAIT);
    }
}
