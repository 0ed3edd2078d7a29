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
import com.summit.engine.ProcessEngine;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.domain.VetoHolder;
import com.summit.opportunity.service.OpportunityService;
import com.summit.opportunity.service.ScorecardService;
import com.summit.security.domain.SummitUser;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
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

    public static final String ROUTE_DECISION = "approval-route";
    public static final String DEADLINE_DECISION = "review-deadline";
    public static final int TEXT_MAX = 2000;

    private final ApprovalRepository approvals;
    private final OpportunityService opportunities;
    private final CustomerService customers;
    private final ScorecardService scorecards;
    private final ProcessEngine engine;
    private final Messages messages;
    private final com.summit.notify.service.NotificationService notifications;
    private final com.summit.tasklist.service.TaskService tasks;
    private final com.summit.security.service.UserService users;

    ApprovalService(ApprovalRepository approvals, OpportunityService opportunities, CustomerService customers,
            ScorecardService scorecards, ProcessEngine engine, Messages messages,
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
        this.engine = engine;
        this.messages = messages;
    }

    /** The deal's terms as submitted for a round. */
    public record Terms(BigDecimal amount, BigDecimal marginPercent, Integer paymentTermDays, boolean nonStandardTerms) {}

    /**
     * A review to be done in a round: its department, level, the group that does it, its deadline, when it goes to
     * the department head's group if still undecided, and the groups that may decide it then.
     */
    public record Review(long reviewId, String department, String level, String group, Instant due, Instant escalateAt,
            List<String> escalationGroups) {}

    /**
     * The round the approval goes on with, and its terms. {@code resumeRework}: the round was vetoed before a restart and
     * the owner had not reworked it yet; the process goes back to the rework, with no review.
     */
    public record RoundOpened(long requestId, long roundId, int number, List<Review> reviews, Terms terms, boolean resumeRework) {

        RoundOpened(long requestId, long roundId, int number, List<Review> reviews, Terms terms) {
            this(requestId, roundId, number, reviews, terms, false);
        }
    }

    /**
     * Opens the next round of a request (the first one creates the request): routes the deal through the DMN and
     * gives each review a deadline by tier (strategic 1 business day, others 2).
     */
    @Transactional
    public RoundOpened openRound(Long requestId, long opportunityId, String stage, String requestedBy, Long processInstanceKey,
            Terms terms, String reworkNote) {
        return openRound(requestId, opportunityId, stage, requestedBy, processInstanceKey, terms, reworkNote, null);
    }

    /**
     * The same, for a job of the approval process ({@code job}: its engine epoch and key): a job handed out again
     * (its completion was lost) gets the round it opened the first time, and no second round is opened.
     */
    @Transactional
    public RoundOpened openRound(Long requestId, long opportunityId, String stage, String requestedBy, Long processInstanceKey,
            Terms terms, String reworkNote, String job) {
        if (job != null) {
            java.util.Optional<ApprovalRepository.OpenedRound> before = approvals.roundOpenedBy(job);
            if (before.isPresent()) {
                ApprovalRepository.OpenedRound r = before.get();
                // the job handed out again gets what the first attempt handed out: the reviews still to be done, none
                // once a department vetoed (a round continued after a restart asks only those)
                java.util.Optional<ApprovalRound> round = approvals.rounds(r.requestId()).stream().filter(x -> x.id() == r.roundId()).findFirst();
                java.util.Set<Long> decided = round.map(x -> x.reviews().stream().filter(ApprovalReview::decided).map(ApprovalReview::id)
                        .collect(java.util.stream.Collectors.toSet())).orElse(java.util.Set.of());
                boolean vetoed = round.map(x -> x.reviews().stream().anyMatch(v -> v.decision() == Decision.VETO)).orElse(false);
                return new RoundOpened(r.requestId(), r.roundId(), r.number(), r.reviews().stream()
                        .filter(v -> !vetoed && !decided.contains(v.id()))
                        .map(v -> new Review(v.id(), v.department(), v.level(), v.group(), v.dueAt(), v.escalateAt(),
                                v.group().equals(v.escalationGroup()) ? List.of(v.escalationGroup()) : List.of(v.group(), v.escalationGroup())))
                        .toList(), termsOf(r.requestId(), r.roundId()).orElse(terms));
            }
        }
        Opportunity opportunity = opportunities.find(opportunityId).orElseThrow(() -> new IllegalArgumentException("no opportunity " + opportunityId));
        String tier = customers.find(opportunity.customerId()).map(c -> c.tier().name()).orElse("ORDINARY");
        BigDecimal amount = terms.amount() != null ? terms.amount() : opportunity.amount();
        java.util.Optional<Long> open = requestId != null ? java.util.Optional.empty() : approvals.openRequest(opportunityId, stage);
        if (open.isPresent()) {
            // the approval started again (after a restart) for the same submission: its running round goes on with the
            // decisions given, or a vetoed round goes back to the owner's rework
            java.util.Optional<RoundOpened> continued = continueRound(open.get(), opportunityId, amount, terms);
            if (continued.isPresent()) {
                if (job != null && !continued.get().resumeRework()) {
                    approvals.markOpenedBy(continued.get().roundId(), job);
                }
                return continued.get();
            }
        }
        // a stage re-entered after a pause or a loss undone, with new terms, continues its request: every round stays in one history
        long request = requestId != null ? requestId : open.map(o -> {
            approvals.endRunningRounds(o);
            return o;
        }).orElseGet(() -> approvals.insertRequest(opportunityId, stage, requestedBy, processInstanceKey));
        int number = approvals.nextRoundNumber(request);
        long round = approvals.insertRound(request, number, amount, terms.marginPercent(), terms.paymentTermDays(), terms.nonStandardTerms(),
                reworkNote == null || reworkNote.isBlank() ? null : truncate(reworkNote.strip()));
        if (job != null) {
            approvals.markOpenedBy(round, job);
        }

        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("amount", amount);
        facts.put("marginPercent", terms.marginPercent());
        facts.put("tier", tier);
        facts.put("paymentTermDays", terms.paymentTermDays());
        facts.put("nonStandardTerms", terms.nonStandardTerms());
        facts.put("coldChain", opportunity.services().stream().anyMatch(s -> s.name().equals("COLD_CHAIN")));
        // the highest level per department counts
        Map<String, String> levels = new LinkedHashMap<>();
        for (Map<String, Object> row : engine.evaluateDecisionRows(ROUTE_DECISION, facts)) {
            String department = String.valueOf(row.get("department"));
            String level = String.valueOf(row.get("level"));
            levels.merge(department, level, (a, b) -> "HEAD".equals(a) || "HEAD".equals(b) ? "HEAD" : "REVIEWER");
        }
        Instant now = Instant.now();
        Map<String, Instant[]> deadlines = new LinkedHashMap<>();
        List<Review> reviews = new ArrayList<>();
        levels.forEach((department, level) -> {
            // the deadline by tier and level (DMN review-deadline), in business days; then the head's group
            Instant[] deadline = deadlines.computeIfAbsent(level, l -> deadline(tier, l, now));
            String group = "HEAD".equals(level) ? department + "_HEAD" : department;
            String headGroup = department + "_HEAD";
            long reviewId = approvals.insertReview(round, department, level, group, deadline[0], deadline[1], headGroup);
            reviews.add(new Review(reviewId, department, level, group, deadline[0], deadline[1],
                    group.equals(headGroup) ? List.of(headGroup) : List.of(group, headGroup)));
        });
        return new RoundOpened(request, round, number, reviews, new Terms(amount, terms.marginPercent(), terms.paymentTermDays(),
                terms.nonStandardTerms()));
    }

    /**
     * Where an open request goes on when its approval starts again. The same submission is one on the terms of its
     * running round, or on those the stage sent for its latest round opened from the stage (a restart starts the approval
     * with the stage's saved work, not with what a rework changed since). Then the running round goes on: the reviews
     * not decided yet are asked again, none if a department vetoed already (the round then closes as vetoed). With no
     * round running and the last one vetoed, the owner had not reworked it: the rework comes back, with the terms the
     * departments saw. Other terms are a new submission: empty, a new round.
     */
    private java.util.Optional<RoundOpened> continueRound(long requestId, long opportunityId, BigDecimal amount, Terms terms) {
        List<ApprovalRound> rounds = approvals.rounds(requestId);
        boolean sameSubmission = rounds.stream().filter(r -> r.reworkNote() == null).reduce((a, b) -> b)
                .filter(r -> sameTerms(r, amount, terms)).isPresent();
        java.util.Optional<ApprovalRound> latest = rounds.stream().reduce((a, b) -> b);
        if (sameSubmission && latest.isPresent() && latest.get().outcome() == ApprovalRound.Outcome.VETOED && awaitingRework(opportunityId)) {
            ApprovalRound r = latest.get();
            log.info("Approval request {}: round {} was vetoed before a restart; its rework goes back to the owner", requestId, r.number());
            return java.util.Optional.of(new RoundOpened(requestId, r.id(), r.number(), List.of(), termsOf(r), true));
        }
        return rounds.stream()
                .filter(r -> r.outcome() == ApprovalRound.Outcome.RUNNING)
                .filter(r -> sameSubmission || sameTerms(r, amount, terms))
                .reduce((a, b) -> b)
                .map(r -> {
                    boolean vetoed = r.reviews().stream().anyMatch(v -> v.decision() == Decision.VETO);
                    List<Review> open = vetoed ? List.of() : r.reviews().stream().filter(v -> !v.decided())
                            .map(v -> approvals.review(v.id()).orElseThrow())
                            .map(v -> new Review(v.id(), v.department(), v.level(), v.candidateGroup(), v.dueAt(), escalateAt(v),
                                    v.escalationGroup() == null || v.candidateGroup().equals(v.escalationGroup()) ? List.of(v.candidateGroup())
                                            : List.of(v.candidateGroup(), v.escalationGroup())))
                            .toList();
                    log.info("Approval request {}: round {} goes on after a restart, {} reviews still open", requestId, r.number(), open.size());
                    return new RoundOpened(requestId, r.id(), r.number(), open, termsOf(r));
                });
    }

    private static boolean sameTerms(ApprovalRound r, BigDecimal amount, Terms terms) {
        return same(r.amount(), amount) && same(r.marginPercent(), terms.marginPercent())
                && java.util.Objects.equals(r.paymentTermDays(), terms.paymentTermDays()) && r.nonStandardTerms() == terms.nonStandardTerms();
    }

    private static Terms termsOf(ApprovalRound r) {
        return new Terms(r.amount(), r.marginPercent(), r.paymentTermDays(), r.nonStandardTerms());
    }

    private java.util.Optional<Terms> termsOf(long requestId, long roundId) {
        return approvals.rounds(requestId).stream().filter(r -> r.id() == roundId).findFirst().map(ApprovalService::termsOf);
    }

    private Instant escalateAt(ApprovalReview review) {
        return approvals.escalateAt(review.id()).orElse(review.dueAt());
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** The open approval request of a deal at a stage, if any. */
    public java.util.Optional<Long> requestIdOf(long opportunityId, String stage) {
        return approvals.openRequest(opportunityId, stage);
    }

    /** Whether a deal's approval at its stage has a round under way (its lifecycle continues there after a restart). */
    public boolean hasRunningRound(long opportunityId, String stage) {
        return approvals.openRequest(opportunityId, stage)
                .map(request -> approvals.rounds(request).stream().anyMatch(r -> r.outcome() == ApprovalRound.Outcome.RUNNING))
                .orElse(false);
    }

    /** An open request whose round is running, or whose last round was vetoed and waits for the owner's rework. */
    public boolean hasRoundUnderWay(long opportunityId, String stage) {
        return approvals.openRequest(opportunityId, stage).map(request -> {
            List<ApprovalRound> rounds = approvals.rounds(request);
            return rounds.stream().anyMatch(r -> r.outcome() == ApprovalRound.Outcome.RUNNING)
                    || (!rounds.isEmpty() && rounds.getLast().outcome() == ApprovalRound.Outcome.VETOED && awaitingRework(opportunityId));
        }).orElse(false);
    }

    /**
     * Whether the deal's latest human step is one of its approval (the rework of the veto, or a review of the vetoed
     * round when the rework had not reached the inbox yet). A deal paused or lost after a veto, and taken up again, is
     * back at its stage task: a request left open by that is not waiting for a rework.
     */
    private boolean awaitingRework(long opportunityId) {
        return approvals.latestStepOf(opportunityId).map(step -> step.startsWith(APPROVAL_STEP)).orElse(false);
    }

    private static final String APPROVAL_STEP = "veto-approval/";

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

    /** The review's deadline and the moment it escalates, from the DMN review-deadline. */
    private Instant[] deadline(String tier, String level, Instant from) {
        Object result = engine.evaluateDecisionResult(DEADLINE_DECISION, Map.of("tier", tier, "level", level));
        int reviewDays = 2;
        int escalateAfter = 1;
        if (result instanceof Map<?, ?> outputs) {
            reviewDays = outputs.get("reviewDays") instanceof Number n ? Math.max(0, n.intValue()) : reviewDays;
            escalateAfter = outputs.get("escalateAfterDays") instanceof Number n ? Math.max(0, n.intValue()) : escalateAfter;
        }
        Instant due = addBusinessDays(from, reviewDays);
        // never escalate before the reminder
        Instant escalate = addBusinessDays(due, escalateAfter);
        return new Instant[] {due, escalate.isAfter(due) ? escalate : due.plusSeconds(3600)};
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

    /** A moment plus the given number of business days (Monday to Friday), in China's time zone. */
    static Instant addBusinessDays(Instant from, int days) {
        ZonedDateTime at = from.atZone(Locales.ZONE);
        int added = 0;
        while (added < days) {
            at = at.plusDays(1);
            if (at.getDayOfWeek() != DayOfWeek.SATURDAY && at.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return at.toInstant();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : truncate(s.strip());
    }

    private static String truncate(String s) {
        return s.length() <= TEXT_MAX ? s : s.substring(0, TEXT_MAX);
    }
}
