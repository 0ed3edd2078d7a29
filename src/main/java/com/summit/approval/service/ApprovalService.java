package com.summit.approval.service;

import com.summit.approval.domain.ApprovalRepository;
import com.summit.approval.domain.ApprovalReview;
import com.summit.approval.domain.ApprovalRound;
import com.summit.approval.domain.Decision;
import com.summit.base.FieldError;
import com.summit.base.UserFacingException;
import com.summit.base.ValidationException;
import com.summit.base.i18n.Locales;
import com.summit.base.i18n.Messages;
import com.summit.customer.service.CustomerService;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.domain.VetoHolder;
import com.summit.opportunity.service.OpportunityService;
import com.summit.opportunity.service.ScorecardService;
import com.summit.security.domain.SummitUser;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cross-department review with veto (METHODOLOGY §4). The DMN {@code approval-route} picks the departments and
 * levels; each review gets one decision that is never changed; any veto ends the round; the owner reworks and
 * resubmits (a new round) or withdraws. Every round is kept, and the outcome is written onto the scorecard's
 * veto-holder statuses.
 */
@Service
public class ApprovalService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApprovalService.class);

    public static final int TEXT_MAX = 2000;

    private final ApprovalRepository approvals;
    private final OpportunityService opportunities;
    private final CustomerService customers;
    private final ScorecardService scorecards;
    private final Messages messages;
    private final com.summit.notify.service.NotificationService notifications;
    private final com.summit.tasklist.service.TaskService tasks;
    private final com.summit.security.service.UserService users;

    ApprovalService(ApprovalRepository approvals, OpportunityService opportunities, CustomerService customers,
            ScorecardService scorecards, Messages messages,
            com.summit.notify.service.NotificationService notifications,
            @org.springframework.context.annotation.Lazy com.summit.tasklist.service.TaskService tasks,
            com.summit.security.service.UserService users) {
        this.notifications = notifications;
        this.tasks = tasks;
        this.users = users;
        this.approvals = approvals;
        this.opportunities = opportunities;
        this.customers = customers;
        this.scorecards = scorecards;
        this.messages = messages;
    }

    /**
     * Checks a reviewer's submission before it reaches the engine: only a member of the review's group decides it,
     * it is decided once, and anything but a plain approval needs a reason.
     */
    public void checkDecision(long reviewId, SummitUser user, String decision, String reason) {
        ApprovalReview review = approvals.review(reviewId).orElseThrow(() -> new UserFacingException("approval.error.notFound"));
        if (review.decidingGroups().stream().noneMatch(user.groups()::contains)) {
            throw new UserFacingException("approval.error.notYourDepartment",
                    new Messages.Key("veto.dept." + review.department(), review.department()));
        }
        if (review.decided()) {
            throw new UserFacingException("approval.error.alreadyDecided");
        }
        Decision d = parse(decision);
        if (d != null && d.needsReason() && (reason == null || reason.isBlank())) {
            throw new ValidationException(List.of(new FieldError("reason", null, "approval.error.reasonRequired")));
        }
    }

    /** Records a decision once (a repeated job changes nothing). */
    @Transactional
    public void recordDecision(long reviewId, String decision, String reason, String conditions, String decidedBy) {
        Decision d = parse(decision);
        if (d == null) {
            throw new IllegalArgumentException("no decision for review " + reviewId);
        }
        approvals.insertDecision(reviewId, d, blankToNull(reason), blankToNull(conditions), decidedBy);
    }

    /**
     * A closed round as the process carries it: codes and the reviewers' own words, never rendered text. The history is
     * every round so far ({@link #rounds(long)} as variables); the conditions each department approved with.
     */
    public record RoundClosed(ApprovalRound.Outcome outcome, List<Map<String, Object>> history,
            List<Map<String, Object>> conditions, boolean financeApproved) {}

    /**
     * Ends a round: approved when every routed department approved, vetoed when any vetoed (the reviews not yet
     * done were withdrawn by the process). Writes each decided department's status onto the scorecard.
     */
    @Transactional
    public RoundClosed closeRound(long requestId, long roundId) {
        long opportunityId = approvals.opportunityOf(requestId).orElseThrow();
        ApprovalRound round = approvals.rounds(requestId).stream().filter(r -> r.id() == roundId).findFirst().orElseThrow();
        boolean vetoed = round.reviews().stream().anyMatch(v -> v.decision() == Decision.VETO);
        boolean allApproved = round.reviews().stream().allMatch(ApprovalReview::decided) && !vetoed;
        ApprovalRound.Outcome outcome = allApproved ? ApprovalRound.Outcome.APPROVED : ApprovalRound.Outcome.VETOED;
        approvals.endRound(roundId, outcome);
        if (outcome == ApprovalRound.Outcome.APPROVED) {
            // the conditions the departments approved with become the contract stage's checklist
            round.reviews().stream().filter(v -> v.decision() == Decision.APPROVE_WITH_CONDITIONS && v.conditions() != null)
                    .forEach(v -> approvals.insertCondition(opportunityId, v.id(), v.department(), v.conditions()));
        }
        for (ApprovalReview review : round.reviews()) {
            if (review.decided()) {
                scorecards.recordVetoHolder(opportunityId, review.department(),
                        review.decision() == Decision.VETO ? VetoHolder.Status.CONCERNS : VetoHolder.Status.AGREED,
                        review.reason() == null ? review.conditions() : review.reason(), review.decidedBy());
            }
        }
        List<Map<String, Object>> conditions = approvals.rounds(requestId).stream().flatMap(r -> r.reviews().stream())
                .filter(v -> v.conditions() != null)
                .map(v -> Map.<String, Object>of("department", v.department(), "text", v.conditions())).toList();
        boolean financeApproved = round.reviews().stream().anyMatch(v -> v.department().equals("FINANCE") && v.decided()
                && v.decision() != Decision.VETO);
        return new RoundClosed(outcome, historyVariable(requestId, Integer.MAX_VALUE), conditions, financeApproved);
    }

    @Transactional
    public void closeRequest(long requestId, boolean approved) {
        approvals.closeRequest(requestId, approved ? "APPROVED" : "WITHDRAWN");
    }

    public List<ApprovalRound> rounds(long requestId) {
        return approvals.rounds(requestId);
    }

    /**
     * The rounds before the given one as a process variable: per round its number and outcome code, per review the
     * department and level codes, the decision code and the reviewer's own reason and conditions.
     */
    public List<Map<String, Object>> historyVariable(long requestId, int beforeRound) {
        List<Map<String, Object>> rounds = new ArrayList<>();
        for (ApprovalRound round : approvals.rounds(requestId)) {
            if (round.number() >= beforeRound) {
                continue;
            }
            List<Map<String, Object>> reviews = new ArrayList<>();
            for (ApprovalReview review : round.reviews()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("department", review.department());
                r.put("level", review.level());
                r.put("decision", review.decided() ? review.decision().name() : null);
                r.put("reason", review.reason());
                r.put("conditions", review.conditions());
                reviews.add(r);
            }
            rounds.add(java.util.Map.of("round", round.number(), "outcome", round.outcome().name(), "reviews", reviews));
        }
        return rounds;
    }

    /** Every round so far, each department's decision and reason: what the owner reworks against. */
    public String history(long requestId, Locale locale) {
        return history(requestId, Integer.MAX_VALUE, locale);
    }

    /** The rounds before the given one (what a reviewer of that round sees of earlier rounds). */
    public String history(long requestId, int beforeRound, Locale locale) {
        StringBuilder text = new StringBuilder();
        for (ApprovalRound round : approvals.rounds(requestId)) {
            if (round.number() >= beforeRound) {
                continue;
            }
            text.append(messages.getTranslation("approval.history.round", locale, round.number(),
                    messages.getTranslation("approval.outcome." + round.outcome().name(), locale))).append('\n');
            for (ApprovalReview review : round.reviews()) {
                String who = departmentName(review.department(), locale) + ("HEAD".equals(review.level())
                        ? messages.getTranslation("approval.level.HEAD.suffix", locale) : "");
                if (!review.decided()) {
                    text.append(messages.getTranslation(round.outcome() == ApprovalRound.Outcome.RUNNING
                            ? "approval.history.waiting" : "approval.history.undecided", locale, who)).append('\n');
                    continue;
                }
                text.append(messages.getTranslation("approval.history.decision", locale, who,
                        messages.getTranslation("approval.decision." + review.decision().name(), locale),
                        review.reason() == null ? "" : review.reason(), review.conditions() == null ? "" : review.conditions())).append('\n');
            }
        }
        String result = text.toString().strip();
        return result.isEmpty() ? messages.getTranslation("approval.history.none", locale) : result;
    }

    // --- the department queue ---

    /**
     * A deal waiting for (or decided by) the reader's department: its summary, every round, and which reviews are the
     * reader's. In the current round, the other departments' decisions are left out until the reader's department has
     * decided (so nobody decides by following the others).
     */
    public record QueueItem(long requestId, long opportunityId, String opportunityName, String customerName, String tier, String stage,
            String owner, List<String> services, ApprovalRound current, List<ApprovalRound> earlier, List<ApprovalReview> mine,
            boolean decidedByUs, Long taskId) {

        public boolean overdue() {
            return !decidedByUs && mine.stream().anyMatch(v -> !v.decided() && v.dueAt() != null && v.dueAt().isBefore(Instant.now()));
        }

        public boolean escalated() {
            return mine.stream().anyMatch(v -> v.escalatedAt() != null);
        }
    }

    public static final int DECIDED_LIMIT = 50;

    /** The reviews the user's departments still have to decide, oldest deadline first. */
    public List<QueueItem> pending(SummitUser user) {
        return approvals.pendingReviewRequests(user.groups()).stream().map(r -> queueItem(r, user)).flatMap(java.util.Optional::stream)
                .sorted(java.util.Comparator.comparing((QueueItem q) -> q.mine().stream().map(ApprovalReview::dueAt)
                        .filter(java.util.Objects::nonNull).min(java.util.Comparator.naturalOrder()).orElse(Instant.MAX)))
                .toList();
    }

    /** What the user's departments decided lately, newest first, with every department's decision. */
    public List<QueueItem> decided(SummitUser user) {
        return approvals.decidedReviewRequests(user.groups(), DECIDED_LIMIT).stream().map(r -> queueItem(r, user))
                .flatMap(java.util.Optional::stream).toList();
    }

    private java.util.Optional<QueueItem> queueItem(long requestId, SummitUser user) {
        var request = approvals.request(requestId).orElse(null);
        if (request == null) {
            return java.util.Optional.empty();
        }
        Opportunity o = opportunities.find(request.opportunityId()).orElse(null);
        if (o == null) {
            return java.util.Optional.empty();
        }
        List<ApprovalRound> rounds = approvals.rounds(requestId);
        if (rounds.isEmpty()) {
            return java.util.Optional.empty();
        }
        ApprovalRound current = rounds.getLast();
        List<ApprovalReview> mine = current.reviews().stream().filter(v -> v.decidingGroups().stream().anyMatch(user.groups()::contains)).toList();
        boolean decidedByUs = !mine.isEmpty() && mine.stream().allMatch(ApprovalReview::decided);
        if (current.outcome() == ApprovalRound.Outcome.RUNNING && !decidedByUs) {
            // the others' decisions of this round stay hidden until ours is given
            current = new ApprovalRound(current.id(), current.requestId(), current.number(), current.outcome(), current.amount(),
                    current.marginPercent(), current.paymentTermDays(), current.nonStandardTerms(), current.reworkNote(), current.startedAt(),
                    current.endedAt(), current.reviews().stream().map(v -> mine.contains(v) ? v : hidden(v)).toList());
        }
        Long taskId = null;
        if (!decidedByUs && current.outcome() == ApprovalRound.Outcome.RUNNING) {
            taskId = tasks.openTasksOfOpportunity(o.id()).stream()
                    .filter(t -> com.summit.approval.process.VetoApprovalProcess.PROCESS_ID.equals(t.bpmnProcessId()))
                    .filter(t -> t.candidateGroups().stream().anyMatch(g -> mine.stream().anyMatch(v -> v.decidingGroups().contains(g))))
                    .map(com.summit.tasklist.domain.HumanTask::id).findFirst().orElse(null);
        }
        String tier = customers.find(o.customerId()).map(c -> c.tier().name()).orElse("ORDINARY");
        return java.util.Optional.of(new QueueItem(requestId, o.id(), o.name(), o.customerName(), tier, request.stage(), o.ownerUsername(),
                o.services().stream().map(Enum::name).sorted().toList(), current, rounds.subList(0, rounds.size() - 1), mine, decidedByUs, taskId));
    }

    private static ApprovalReview hidden(ApprovalReview v) {
        return new ApprovalReview(v.id(), v.roundId(), v.roundNumber(), v.department(), v.level(), v.candidateGroup(), v.dueAt(),
                null, null, null, null, null, v.remindedAt(), v.escalatedAt(), v.escalationGroup());
    }

    // --- the opportunity page: rounds and the conditions checklist ---

    /** A stage's approval request with every round, for the deal's page. */
    public record RequestHistory(long requestId, String stage, String status, Instant createdAt, List<ApprovalRound> rounds) {}

    /** Every approval request of a deal the user may see, oldest first. */
    public List<RequestHistory> historyOf(long opportunityId, SummitUser user) {
        opportunities.findVisible(opportunityId, user).orElseThrow(() -> new UserFacingException("opportunity.error.notVisible"));
        return approvals.requestsOf(opportunityId).stream().map(id -> approvals.request(id).orElseThrow())
                .map(r -> new RequestHistory(r.id(), r.stage(), r.status(), r.createdAt(), approvals.rounds(r.id()))).toList();
    }

    /** The conditions the departments approved with: the contract stage's checklist. */
    public List<com.summit.approval.domain.ApprovalCondition> conditions(long opportunityId, SummitUser user) {
        opportunities.findVisible(opportunityId, user).orElseThrow(() -> new UserFacingException("opportunity.error.notVisible"));
        return approvals.conditions(opportunityId);
    }

    public static final int NOTE_MAX = 2000;

    /** Ticks a condition off, with a note on how it was met; only who steers the deal may, and only once. */
    @Transactional
    public void meetCondition(long opportunityId, long conditionId, SummitUser user, String note) {
        Opportunity o = opportunities.findVisible(opportunityId, user).orElseThrow(() -> new UserFacingException("opportunity.error.notVisible"));
        if (!opportunities.managesDeal(o, user)) {
            throw new UserFacingException("approval.condition.error.forbidden");
        }
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw new ValidationException(List.of(new FieldError("note", null, "approval.condition.error.noteRequired")));
        }
        if (text.codePointCount(0, text.length()) > NOTE_MAX) {
            throw new ValidationException(List.of(new FieldError("note", null, "approval.condition.error.noteTooLong", NOTE_MAX)));
        }
        var condition = approvals.conditions(opportunityId).stream().filter(c -> c.id() == conditionId).findFirst()
                .orElseThrow(() -> new UserFacingException("approval.condition.error.notFound"));
        if (condition.met() || !approvals.markConditionMet(conditionId, opportunityId, user.username(), text)) {
            throw new UserFacingException("approval.condition.error.alreadyMet");
        }
    }

    /** People's names as the UI shows them (username → display name). */
    public Map<String, String> displayNames() {
        return users.displayNames();
    }

    public String departmentName(String department, Locale locale) {
        return messages.find("veto.dept." + department, locale).orElse(department);
    }

    private static Decision parse(String decision) {
        if (decision == null) {
            return null;
        }
        try {
            return Decision.valueOf(decision);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The reviewer of an overdue review is reminded (its assignee, or everyone of its group while nobody has taken it).
     * Once per review.
     */
    @Transactional
    public void remind(long reviewId, long processInstanceKey) {
        ApprovalReview review = approvals.review(reviewId).orElseThrow();
        if (review.decided() || !approvals.markReminded(reviewId)) {
            return;
        }
        Summary deal = summaryOfReview(reviewId);
        var task = tasks.openTasksOfOpportunity(deal.opportunityId()).stream()
                .filter(t -> t.processInstanceKey() == processInstanceKey && t.candidateGroups().contains(review.candidateGroup()))
                .findFirst();
        var message = new com.summit.notify.service.NotificationService.Message("REVIEW_OVERDUE", "review-overdue:" + reviewId,
                task.map(t -> "tasks/" + t.id()).orElse("approvals"), notifications.text("notify.review.overdue",
                        locale -> new Object[] {departmentName(review.department(), locale), deal.opportunityName(), deal.customerName(),
                                WHEN.format(review.dueAt())}));
        if (task.isPresent() && task.get().assignee() != null) {
            notifications.send(List.of(task.get().assignee()), message);
        } else {
            notifications.sendToGroup(review.candidateGroup(), message);
        }
    }

    /** An undecided review goes to the department head's group as well: they are told. Once per review. */
    @Transactional
    public void escalate(long reviewId) {
        ApprovalReview review = approvals.review(reviewId).orElseThrow();
        if (review.decided() || !approvals.markEscalated(reviewId)) {
            return;
        }
        Summary deal = summaryOfReview(reviewId);
        String headGroup = review.escalationGroup() == null ? review.department() + "_HEAD" : review.escalationGroup();
        notifications.sendToGroup(headGroup, new com.summit.notify.service.NotificationService.Message("REVIEW_ESCALATED",
                "review-escalated:" + reviewId, "approvals", notifications.text("notify.review.escalated",
                        locale -> new Object[] {departmentName(review.department(), locale), deal.opportunityName(), deal.customerName(),
                                WHEN.format(review.dueAt())})));
    }

    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(Locales.ZONE);

    private record Summary(long opportunityId, String opportunityName, String customerName) {}

    private Summary summaryOfReview(long reviewId) {
        long requestId = approvals.requestOfReview(reviewId).orElseThrow();
        long opportunityId = approvals.opportunityOf(requestId).orElseThrow();
        Opportunity o = opportunities.find(opportunityId).orElseThrow();
        return new Summary(opportunityId, o.name(), o.customerName());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : truncate(s.strip());
    }

    private static String truncate(String s) {
        return s.length() <= TEXT_MAX ? s : s.substring(0, TEXT_MAX);
    }
}
