package com.summit.followup.service;

import com.summit.base.FieldError;
import com.summit.base.UserFacingException;
import com.summit.base.ValidationException;
import com.summit.base.i18n.Locales;
import com.summit.followup.domain.FollowUp;
import com.summit.followup.domain.FollowUpKind;
import com.summit.followup.domain.FollowUpRepository;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.service.NextFollowUps;
import com.summit.opportunity.service.OpportunityService;
import com.summit.security.domain.SummitUser;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-ups 跟进 of a deal: whoever sees the deal plans one (when, how, about what); its owner or the deal's
 * manager records it done, with the outcome. The board shows each deal's next planned one.
 */
@Service
public class FollowUpService implements NextFollowUps {

    public static final int SUBJECT_MAX = 200;
    public static final int OUTCOME_MAX = 2000;

    public static final String CADENCE_DECISION = "follow-up-cadence";

    private final FollowUpRepository followUps;
    private final OpportunityService opportunities;
    private final com.summit.customer.service.CustomerService customers;
    private final com.summit.engine.ProcessEngine engine;

    FollowUpService(FollowUpRepository followUps, OpportunityService opportunities, com.summit.customer.service.CustomerService customers,
            com.summit.engine.ProcessEngine engine) {
        this.followUps = followUps;
        this.opportunities = opportunities;
        this.customers = customers;
        this.engine = engine;
    }

    /**
     * The cadence 跟进节奏 the customer's tier asks for (DMN {@code follow-up-cadence}): every {@code days} days, counted
     * from the last follow-up done (or from the deal's start when none is), so the next one is due by {@code dueBy}.
     */
    public record Cadence(com.summit.customer.domain.CustomerTier tier, int days, Instant lastDone, java.time.LocalDate dueBy, long overdueDays) {}

    public Cadence cadence(long opportunityId, SummitUser user) {
        Opportunity o = visible(opportunityId, user);
        var tier = customers.find(o.customerId()).map(com.summit.customer.domain.Customer::tier).orElse(null);
        Map<String, Object> facts = new java.util.HashMap<>();
        facts.put("tier", tier == null ? null : tier.name());
        Object result = engine.evaluateDecisionResult(CADENCE_DECISION, facts);
        int days = result instanceof Map<?, ?> m && m.get("cadenceDays") instanceof Number n ? n.intValue() : 30;
        Instant lastDone = followUps.ofOpportunity(opportunityId).stream().map(FollowUp::doneAt).filter(java.util.Objects::nonNull)
                .max(java.util.Comparator.naturalOrder()).orElse(null);
        Instant from = lastDone != null ? lastDone : o.createdAt();
        java.time.LocalDate dueBy = from.atZone(Locales.ZONE).toLocalDate().plusDays(days);
        long overdue = Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(dueBy, java.time.LocalDate.now(Locales.ZONE)));
        return new Cadence(tier, days, lastDone, dueBy, overdue);
    }

    /** How far ahead a follow-up may be planned. */
    public static final int PLAN_AHEAD_YEARS = 2;

    /** Plans a follow-up; every problem is reported at once, in the user's language, and nothing is stored. */
    @Transactional
    public FollowUp plan(long opportunityId, FollowUpKind kind, String subject, LocalDateTime plannedAt, SummitUser user) {
        Opportunity o = visible(opportunityId, user);
        String text = subject == null ? "" : subject.strip();
        List<FieldError> errors = new ArrayList<>();
        if (kind == null) {
            errors.add(new FieldError("kind", null, "followup.error.kindRequired"));
        }
        if (text.isEmpty()) {
            errors.add(new FieldError("subject", null, "followup.error.subjectRequired"));
        } else if (text.codePointCount(0, text.length()) > SUBJECT_MAX) {
            errors.add(new FieldError("subject", null, "followup.error.subjectTooLong", SUBJECT_MAX));
        }
        Instant at = plannedAt == null ? null : plannedAt.atZone(Locales.ZONE).toInstant();
        if (at == null) {
            errors.add(new FieldError("plannedAt", null, "followup.error.whenRequired"));
        } else if (at.isBefore(Instant.now().minusSeconds(60))) {
            errors.add(new FieldError("plannedAt", null, "followup.error.inThePast"));
        } else if (plannedAt.toLocalDate().isAfter(java.time.LocalDate.now(Locales.ZONE).plusYears(PLAN_AHEAD_YEARS))) {
            errors.add(new FieldError("plannedAt", null, "followup.error.tooFar", PLAN_AHEAD_YEARS));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (o.status() != com.summit.opportunity.domain.OpportunityStatus.OPEN
                && o.status() != com.summit.opportunity.domain.OpportunityStatus.PAUSED) {
            throw new UserFacingException("followup.error.dealClosed");
        }
        long id = followUps.insert(opportunityId, kind, text, at, user.username(), user.username());
        return followUps.find(id).orElseThrow();
    }

    /** Records a follow-up as done with its outcome: by its owner, or by whoever steers the deal; once. */
    @Transactional
    public void complete(long followUpId, String outcome, SummitUser user) {
        FollowUp f = followUps.find(followUpId).orElseThrow(() -> new UserFacingException("followup.error.notFound"));
        Opportunity o = visible(f.opportunityId(), user);
        if (!f.owner().equals(user.username()) && !opportunities.managesDeal(o, user)) {
            throw new UserFacingException("followup.error.notYours");
        }
        String text = outcome == null ? "" : outcome.strip();
        if (text.isEmpty()) {
            throw new ValidationException(List.of(new FieldError("outcome", null, "followup.error.outcomeRequired")));
        }
        if (text.codePointCount(0, text.length()) > OUTCOME_MAX) {
            throw new ValidationException(List.of(new FieldError("outcome", null, "followup.error.outcomeTooLong", OUTCOME_MAX)));
        }
        if (!followUps.markDone(followUpId, user.username(), text)) {
            throw new UserFacingException("followup.error.alreadyDone");
        }
    }

    public List<FollowUp> ofOpportunity(long opportunityId, SummitUser user) {
        visible(opportunityId, user);
        return followUps.ofOpportunity(opportunityId);
    }

    @Override
    public Map<Long, Next> nextFor(Collection<Long> opportunityIds) {
        return followUps.nextOpen(opportunityIds).stream().collect(Collectors.toMap(FollowUp::opportunityId,
                f -> new Next(f.plannedAt(), f.kind().messageKey(), f.subject())));
    }

    private Opportunity visible(long opportunityId, SummitUser user) {
        return opportunities.findVisible(opportunityId, user).orElseThrow(() -> new UserFacingException("opportunity.error.notVisible"));
    }
}
