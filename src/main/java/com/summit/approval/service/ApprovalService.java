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

    public static final String ROUTE_DECISION = "approval-route";
    public static final int TEXT_MAX = 2000;

    private final ApprovalRepository approvals;
    private final OpportunityService opportunities;
    private final CustomerService customers;
    private final ScorecardService scorecards;
    private final ProcessEngine engine;
    private final Messages messages;

    ApprovalService(ApprovalRepository approvals, OpportunityService opportunities, CustomerService customers,
            ScorecardService scorecards, ProcessEngine engine, Messages messages) {
        this.approvals = approvals;
        this.opportunities = opportunities;
        this.customers = customers;
        this.scorecards = scorecards;
        this.engine = engine;
        this.messages = messages;
    }

    /** The deal's terms as submitted for a round. */
    public record Terms(BigDecimal amount, BigDecimal marginPercent, Integer paymentTermDays, boolean nonStandardTerms) {}

    /** A review to be done in a round: its department, level, the group that does it, and its deadline. */
    public record Review(long reviewId, String department, String level, String group, Instant due) {}

    public record RoundOpened(long requestId, long roundId, int number, List<Review> reviews) {}

    /**
     * Opens the next round of a request (the first one creates the request): routes the deal through the DMN and
     * gives each review a deadline by tier (strategic 1 business day, others 2).
     */
    @Transactional
    public RoundOpened openRound(Long requestId, long opportunityId, String stage, String requestedBy, Long processInstanceKey,
            Terms terms, String reworkNote) {
        Opportunity opportunity = opportunities.find(opportunityId).orElseThrow(() -> new IllegalArgumentException("no opportunity " + opportunityId));
        String tier = customers.find(opportunity.customerId()).map(c -> c.tier().name()).orElse("ORDINARY");
        // a stage re-entered after a pause, a loss undone or a restart continues its request: every round stays in one history
        long request = requestId != null ? requestId : approvals.openRequest(opportunityId, stage).map(open -> {
            approvals.endRunningRounds(open);
            return open;
        }).orElseGet(() -> approvals.insertRequest(opportunityId, stage, requestedBy, processInstanceKey));
        int number = approvals.nextRoundNumber(request);
        BigDecimal amount = terms.amount() != null ? terms.amount() : opportunity.amount();
        long round = approvals.insertRound(request, number, amount, terms.marginPercent(), terms.paymentTermDays(), terms.nonStandardTerms(),
                reworkNote == null || reworkNote.isBlank() ? null : truncate(reworkNote.strip()));

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
        Instant due = businessDaysFromNow("STRATEGIC".equals(tier) ? 1 : 2);
        List<Review> reviews = new ArrayList<>();
        levels.forEach((department, level) -> {
            String group = "HEAD".equals(level) ? department + "_HEAD" : department;
            long reviewId = approvals.insertReview(round, department, level, group, due);
            reviews.add(new Review(reviewId, department, level, group, due));
        });
        return new RoundOpened(request, round, number, reviews);
    }

    /**
     * Checks a reviewer's submission before it reaches the engine: only a member of the review's group decides it,
     * it is decided once, and anything but a plain approval needs a reason.
     */
    public void checkDecision(long reviewId, SummitUser user, String decision, String reason) {
        ApprovalReview review = approvals.review(reviewId).orElseThrow(() -> new UserFacingException("approval.error.notFound"));
        if (!user.groups().contains(review.candidateGroup())) {
            throw new UserFacingException("approval.error.notYourDepartment", departmentName(review.department(), Locales.ZH_CN));
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

    public record RoundClosed(ApprovalRound.Outcome outcome, String history, List<String> conditions, boolean financeApproved) {}

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
        for (ApprovalReview review : round.reviews()) {
            if (review.decided()) {
                scorecards.recordVetoHolder(opportunityId, review.department(),
                        review.decision() == Decision.VETO ? VetoHolder.Status.CONCERNS : VetoHolder.Status.AGREED,
                        review.reason() == null ? review.conditions() : review.reason(), review.decidedBy());
            }
        }
        List<String> conditions = approvals.rounds(requestId).stream().flatMap(r -> r.reviews().stream())
                .filter(v -> v.conditions() != null).map(v -> departmentName(v.department(), Locales.ZH_CN) + "：" + v.conditions()).toList();
        boolean financeApproved = round.reviews().stream().anyMatch(v -> v.department().equals("FINANCE") && v.decided()
                && v.decision() != Decision.VETO);
        return new RoundClosed(outcome, history(requestId, Locales.ZH_CN), conditions, financeApproved);
    }

    @Transactional
    public void closeRequest(long requestId, boolean approved) {
        approvals.closeRequest(requestId, approved ? "APPROVED" : "WITHDRAWN");
    }

    public List<ApprovalRound> rounds(long requestId) {
        return approvals.rounds(requestId);
    }

    /** Every round so far, each department's decision and reason: what the owner reworks against. */
    public String history(long requestId, Locale locale) {
        StringBuilder text = new StringBuilder();
        for (ApprovalRound round : approvals.rounds(requestId)) {
            text.append(messages.getTranslation("approval.history.round", locale, round.number(),
                    messages.getTranslation("approval.outcome." + round.outcome().name(), locale))).append('\n');
            for (ApprovalReview review : round.reviews()) {
                String who = departmentName(review.department(), locale) + ("HEAD".equals(review.level())
                        ? messages.getTranslation("approval.level.HEAD.suffix", locale) : "");
                if (!review.decided()) {
                    text.append(messages.getTranslation("approval.history.undecided", locale, who)).append('\n');
                    continue;
                }
                text.append(messages.getTranslation("approval.history.decision", locale, who,
                        messages.getTranslation("approval.decision." + review.decision().name(), locale),
                        review.reason() == null ? "" : review.reason(), review.conditions() == null ? "" : review.conditions())).append('\n');
            }
        }
        return text.toString().strip();
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

    /** Now plus the given number of business days (Monday to Friday), in China's time zone. */
    static Instant businessDaysFromNow(int days) {
        ZonedDateTime at = ZonedDateTime.now(Locales.ZONE);
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
