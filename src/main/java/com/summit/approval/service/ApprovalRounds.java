package com.summit.approval.service;

import com.summit.approval.domain.ApprovalRepository;
import com.summit.approval.domain.ApprovalReview;
import com.summit.approval.domain.ApprovalRound;
import com.summit.approval.domain.Decision;
import com.summit.base.i18n.Locales;
import com.summit.customer.service.CustomerService;
import com.summit.engine.ProcessEngine;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.service.OpportunityService;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opening the rounds of a veto approval (METHODOLOGY §4): the DMN {@code approval-route} picks the departments and
 * levels, the DMN {@code review-deadline} gives each review its deadline by tier. Both are evaluated on the engine
 * before the round is written, so no database transaction is open across an engine call. An approval started again
 * after a restart goes on with its running round, or with the rework of its vetoed one.
 */
@Service
public class ApprovalRounds {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApprovalRounds.class);

    public static final String ROUTE_DECISION = "approval-route";
    public static final String DEADLINE_DECISION = "review-deadline";
    static final int NOTE_MAX = ApprovalService.TEXT_MAX;
    private static final String APPROVAL_STEP = "veto-approval/";

    private final ApprovalRepository approvals;
    private final OpportunityService opportunities;
    private final CustomerService customers;
    private final ProcessEngine engine;
    private final TransactionTemplate transactions;

    private final com.summit.calendar.service.BusinessCalendar calendar;

    ApprovalRounds(ApprovalRepository approvals, OpportunityService opportunities, CustomerService customers, ProcessEngine engine,
            TransactionTemplate transactions, com.summit.calendar.service.BusinessCalendar calendar) {
        this.calendar = calendar;
        this.approvals = approvals;
        this.opportunities = opportunities;
        this.customers = customers;
        this.engine = engine;
        this.transactions = transactions;
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

    /** A department's review as routed, with its deadline, before it is written. */
    private record Routed(String department, String level, Instant due, Instant escalateAt) {}

    /**
     * Opens the next round of a request (the first one creates the request), for a job of the approval process
     * ({@code job}: its engine epoch and key, or null): a job handed out again (its completion was lost) gets the round
     * it opened the first time, and no second round is opened.
     */
    public RoundOpened openRound(Long requestId, long opportunityId, String stage, String requestedBy, Long processInstanceKey,
            Terms terms, String reworkNote, String job) {
        ProcessEngine.requireNoTransaction("open an approval round");
        if (job != null) {
            Optional<RoundOpened> before = openedBy(job, terms);
            if (before.isPresent()) {
                return before.get();
            }
        }
        Opportunity opportunity = opportunities.find(opportunityId).orElseThrow(() -> new IllegalArgumentException("no opportunity " + opportunityId));
        String tier = customers.find(opportunity.customerId()).map(c -> c.tier().name()).orElse("ORDINARY");
        BigDecimal amount = terms.amount() != null ? terms.amount() : opportunity.amount();
        Optional<Long> open = requestId != null ? Optional.empty() : approvals.openRequest(opportunityId, stage);
        if (open.isPresent()) {
            // the approval started again (after a restart) for the same submission: its running round goes on with the
            // decisions given, or a vetoed round goes back to the owner's rework
            Optional<RoundOpened> continued = continueRound(open.get(), opportunityId, amount, terms);
            if (continued.isPresent()) {
                if (job != null && !continued.get().resumeRework()) {
                    approvals.markOpenedBy(continued.get().roundId(), job);
                }
                return continued.get();
            }
        }
        // the engine decides first; the round is written after, in one transaction
        List<Routed> routed = route(opportunity, tier, amount, terms);
        return transactions.execute(status -> {
            if (job != null) {
                Optional<RoundOpened> before = openedBy(job, terms);
                if (before.isPresent()) {
                    return before.get();
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
            List<Review> reviews = new ArrayList<>();
            for (Routed r : routed) {
                String group = "HEAD".equals(r.level()) ? r.department() + "_HEAD" : r.department();
                String headGroup = r.department() + "_HEAD";
                long reviewId = approvals.insertReview(round, r.department(), r.level(), group, r.due(), r.escalateAt(), headGroup);
                reviews.add(new Review(reviewId, r.department(), r.level(), group, r.due(), r.escalateAt(),
                        group.equals(headGroup) ? List.of(headGroup) : List.of(group, headGroup)));
            }
            return new RoundOpened(request, round, number, reviews, new Terms(amount, terms.marginPercent(), terms.paymentTermDays(),
                    terms.nonStandardTerms()));
        });
    }

    /**
     * The round a job opened before, as it handed it out the first time: the reviews still to be done, none once a
     * department vetoed (a round continued after a restart asks only those).
     */
    private Optional<RoundOpened> openedBy(String job, Terms terms) {
        return approvals.roundOpenedBy(job).map(r -> {
            Optional<ApprovalRound> round = approvals.rounds(r.requestId()).stream().filter(x -> x.id() == r.roundId()).findFirst();
            Set<Long> decided = round.map(x -> x.reviews().stream().filter(ApprovalReview::decided).map(ApprovalReview::id)
                    .collect(Collectors.toSet())).orElse(Set.of());
            boolean vetoed = round.map(x -> x.reviews().stream().anyMatch(v -> v.decision() == Decision.VETO)).orElse(false);
            return new RoundOpened(r.requestId(), r.roundId(), r.number(), r.reviews().stream()
                    .filter(v -> !vetoed && !decided.contains(v.id()))
                    .map(v -> new Review(v.id(), v.department(), v.level(), v.group(), v.dueAt(), v.escalateAt(),
                            v.group().equals(v.escalationGroup()) ? List.of(v.escalationGroup()) : List.of(v.group(), v.escalationGroup())))
                    .toList(), round.map(ApprovalRounds::termsOf).orElse(terms));
        });
    }

    /** The departments the DMN routes the deal to, the highest level per department, each with its deadline. */
    private List<Routed> route(Opportunity opportunity, String tier, BigDecimal amount, Terms terms) {
        Map<String, String> levels = levels(engine.evaluateDecisionRows(ROUTE_DECISION, routeFacts(opportunity, tier, amount, terms)));
        Instant now = Instant.now();
        Map<String, Instant[]> deadlines = new LinkedHashMap<>();
        List<Routed> routed = new ArrayList<>();
        levels.forEach((department, level) -> {
            // the deadline by tier and level (DMN review-deadline), in business days; then the head's group
            Instant[] deadline = deadlines.computeIfAbsent(level, l -> deadline(tier, l, now));
            routed.add(new Routed(department, level, deadline[0], deadline[1]));
        });
        return routed;
    }

    /** What the route decision reads: the submitted terms, the customer's tier, whether it is cold chain. */
    static Map<String, Object> routeFacts(Opportunity opportunity, String tier, BigDecimal amount, Terms terms) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("amount", amount);
        facts.put("marginPercent", terms.marginPercent());
        facts.put("tier", tier);
        facts.put("paymentTermDays", terms.paymentTermDays());
        facts.put("nonStandardTerms", terms.nonStandardTerms());
        facts.put("coldChain", opportunity.services().stream().anyMatch(s -> s.name().equals("COLD_CHAIN")));
        return facts;
    }

    /** The departments the route's rows name, each at the highest level a row asks of it (the head over a reviewer). */
    static Map<String, String> levels(List<Map<String, Object>> rows) {
        Map<String, String> levels = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            levels.merge(String.valueOf(row.get("department")), String.valueOf(row.get("level")),
                    (a, b) -> "HEAD".equals(a) || "HEAD".equals(b) ? "HEAD" : "REVIEWER");
        }
        return levels;
    }

    /**
     * Where an open request goes on when its approval starts again. The same submission is one on the terms of its
     * running round, or on those the stage sent for its latest round opened from the stage (a restart starts the approval
     * with the stage's saved work, not with what a rework changed since). Then the running round goes on: the reviews
     * not decided yet are asked again, none if a department vetoed already (the round then closes as vetoed). With no
     * round running and the last one vetoed, the owner had not reworked it: the rework comes back, with the terms the
     * departments saw. Other terms are a new submission: empty, a new round.
     */
    private Optional<RoundOpened> continueRound(long requestId, long opportunityId, BigDecimal amount, Terms terms) {
        List<ApprovalRound> rounds = approvals.rounds(requestId);
        boolean sameSubmission = rounds.stream().filter(r -> r.reworkNote() == null).reduce((a, b) -> b)
                .filter(r -> sameTerms(r, amount, terms)).isPresent();
        Optional<ApprovalRound> latest = rounds.stream().reduce((a, b) -> b);
        if (sameSubmission && latest.isPresent() && latest.get().outcome() == ApprovalRound.Outcome.VETOED && awaitingRework(opportunityId)) {
            ApprovalRound r = latest.get();
            log.info("Approval request {}: round {} was vetoed before a restart; its rework goes back to the owner", requestId, r.number());
            return Optional.of(new RoundOpened(requestId, r.id(), r.number(), List.of(), termsOf(r), true));
        }
        return rounds.stream()
                .filter(r -> r.outcome() == ApprovalRound.Outcome.RUNNING)
                .filter(r -> sameSubmission || sameTerms(r, amount, terms))
                .reduce((a, b) -> b)
                .map(r -> {
                    boolean vetoed = r.reviews().stream().anyMatch(v -> v.decision() == Decision.VETO);
                    List<Review> open = vetoed ? List.of() : r.reviews().stream().filter(v -> !v.decided())
                            .map(v -> approvals.review(v.id()).orElseThrow())
                            .map(v -> new Review(v.id(), v.department(), v.level(), v.candidateGroup(), v.dueAt(),
                                    approvals.escalateAt(v.id()).orElse(v.dueAt()),
                                    v.escalationGroup() == null || v.candidateGroup().equals(v.escalationGroup()) ? List.of(v.candidateGroup())
                                            : List.of(v.candidateGroup(), v.escalationGroup())))
                            .toList();
                    log.info("Approval request {}: round {} goes on after a restart, {} reviews still open", requestId, r.number(), open.size());
                    return new RoundOpened(requestId, r.id(), r.number(), open, termsOf(r));
                });
    }

    /** The open approval request of a deal at a stage, if any. */
    public Optional<Long> requestIdOf(long opportunityId, String stage) {
        return approvals.openRequest(opportunityId, stage);
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

    private static boolean sameTerms(ApprovalRound r, BigDecimal amount, Terms terms) {
        return same(r.amount(), amount) && same(r.marginPercent(), terms.marginPercent())
                && Objects.equals(r.paymentTermDays(), terms.paymentTermDays()) && r.nonStandardTerms() == terms.nonStandardTerms();
    }

    private static Terms termsOf(ApprovalRound r) {
        return new Terms(r.amount(), r.marginPercent(), r.paymentTermDays(), r.nonStandardTerms());
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** The review's deadline and the moment it escalates, from the DMN review-deadline. */
    Instant[] deadline(String tier, String level, Instant from) {
        Object result = engine.evaluateDecisionResult(DEADLINE_DECISION, Map.of("tier", tier, "level", level));
        int reviewDays = 2;
        int escalateAfter = 1;
        if (result instanceof Map<?, ?> outputs) {
            reviewDays = outputs.get("reviewDays") instanceof Number n ? Math.max(0, n.intValue()) : reviewDays;
            escalateAfter = outputs.get("escalateAfterDays") instanceof Number n ? Math.max(0, n.intValue()) : escalateAfter;
        }
        // business days: China's public holidays are skipped and the weekend days worked for them (调休) count
        Instant due = calendar.plusBusinessDays(from, reviewDays);
        // never escalate before the reminder
        Instant escalate = calendar.plusBusinessDays(due, escalateAfter);
        return new Instant[] {due, escalate.isAfter(due) ? escalate : due.plusSeconds(3600)};
    }

    private static String truncate(String s) {
        return s.length() <= NOTE_MAX ? s : s.substring(0, NOTE_MAX);
    }
}
