package com.summit.followup.service;

import com.summit.base.FieldError;
import com.summit.base.UserFacingException;
import com.summit.base.ValidationException;
import com.summit.base.i18n.Locales;
import com.summit.customer.domain.Contact;
import com.summit.customer.domain.Customer;
import com.summit.customer.domain.CustomerTier;
import com.summit.customer.service.ContactService;
import com.summit.customer.service.CustomerService;
import com.summit.engine.ProcessEngine;
import com.summit.followup.domain.FollowUp;
import com.summit.followup.domain.FollowUpChannel;
import com.summit.followup.domain.FollowUpRepository;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.domain.OpportunityStatus;
import com.summit.opportunity.domain.ScoreElement;
import com.summit.opportunity.service.NextFollowUps;
import com.summit.opportunity.service.OpportunityService;
import com.summit.opportunity.service.ScorecardService;
import com.summit.security.domain.SummitUser;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follow-ups 跟进 of a deal (METHODOLOGY §5). Whoever sees the deal plans one (when, through which channel, about what),
 * or records one that already happened. Its owner or the deal's manager records a planned one done, from its day on.
 * A done one names the contacts met, what was learnt and the next step with its date, and may prove a scorecard claim.
 * Every deal shows how many contacts were done against the 4–11 that most key deals need, the last and the next.
 */
@Service
public class FollowUpService implements NextFollowUps {

    public static final int SUBJECT_MAX = 200;
    public static final int OUTCOME_MAX = 2000;
    public static final int NEXT_STEP_MAX = 500;
    /** Most key-account deals close after the 4th to the 11th follow-up. */
    public static final int NORM_FROM = 4;
    public static final int NORM_TO = 11;
    /** How far ahead a follow-up, or a next step, may be planned. */
    public static final int PLAN_AHEAD_YEARS = 2;
    /** How far back a contact may be recorded. */
    public static final int RECORD_BACK_DAYS = 365;

    public static final String CADENCE_DECISION = "follow-up-cadence";

    private final FollowUpRepository followUps;
    private final OpportunityService opportunities;
    private final CustomerService customers;
    private final ContactService contacts;
    private final ScorecardService scorecards;
    private final ProcessEngine engine;
    private final TransactionTemplate transactions;
    private final org.springframework.context.ApplicationEventPublisher events;

    FollowUpService(FollowUpRepository followUps, OpportunityService opportunities, CustomerService customers, ContactService contacts,
            ScorecardService scorecards, ProcessEngine engine, TransactionTemplate transactions,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.followUps = followUps;
        this.opportunities = opportunities;
        this.customers = customers;
        this.contacts = contacts;
        this.scorecards = scorecards;
        this.engine = engine;
        this.transactions = transactions;
    }

    /** A deal's follow-ups changed (planned, recorded, done): its cadence works its next date out again. */
    public record FollowUpsChanged(long opportunityId) {}

    /** A scorecard level a follow-up proves ("met the decision maker": power 3). */
    public record Claim(ScoreElement element, int level) {}

    /** What a done follow-up found: the contacts met, what was learnt, the next step and its date, and an optional claim. */
    public record Outcome(Set<Long> contactIds, String learnt, String nextStep, LocalDate nextStepOn, Claim claim) {

        public Outcome {
            contactIds = contactIds == null ? Set.of() : Set.copyOf(contactIds);
        }

        public static Outcome learnt(String learnt) {
            return new Outcome(Set.of(), learnt, null, null, null);
        }
    }

    /**
     * The cadence 跟进节奏 the customer's tier asks for (DMN {@code follow-up-cadence}): every {@code days} days, counted
     * from the last follow-up done (or from the deal's start when none is), so the next one is due by {@code dueBy}.
     */
    public record Cadence(CustomerTier tier, int days, int graceDays, Instant lastDone, LocalDate dueBy, long overdueDays) {}

    /**
     * Where a deal's follow-ups stand: how many contacts were done (against {@link #NORM_FROM}–{@link #NORM_TO}), the last
     * one, the next planned one, and the cadence's due date.
     */
    public record Standing(int doneCount, FollowUp last, FollowUp nextPlanned, Cadence cadence) {

        public boolean belowNorm() {
            return doneCount < NORM_FROM;
        }

        /** When the next contact is due: the next planned one, else the last contact (or the deal's start) plus the cadence. */
        public LocalDate nextDue() {
            return nextPlanned != null ? nextPlanned.plannedAt().atZone(Locales.ZONE).toLocalDate() : cadence.dueBy();
        }

        /** How many days the next contact is late (0: not late). */
        public long overdueDays() {
            return Math.max(0, ChronoUnit.DAYS.between(nextDue(), LocalDate.now(Locales.ZONE)));
        }
    }

    public Cadence cadence(long opportunityId, SummitUser user) {
        return cadence(visible(opportunityId, user), followUps.ofOpportunity(opportunityId));
    }

    public Standing standing(long opportunityId, SummitUser user) {
        return standingOf(visible(opportunityId, user));
    }

    /** The standing of a deal the caller may read (the cadence's steps, which act for the process). */
    Standing standingOf(Opportunity o) {
        long opportunityId = o.id();
        List<FollowUp> all = followUps.ofOpportunity(opportunityId);
        List<FollowUp> done = all.stream().filter(FollowUp::done).toList();
        FollowUp next = all.stream().filter(f -> !f.done()).findFirst().orElse(null);
        return new Standing(done.size(), done.isEmpty() ? null : done.getFirst(), next, cadence(o, all));
    }

    private Cadence cadence(Opportunity o, List<FollowUp> all) {
        CustomerTier tier = customers.find(o.customerId()).map(Customer::tier).orElse(null);
        Map<String, Object> facts = new HashMap<>();
        facts.put("tier", tier == null ? null : tier.name());
        Object result = engine.evaluateDecisionResult(CADENCE_DECISION, facts);
        int days = result instanceof Map<?, ?> m && m.get("cadenceDays") instanceof Number n ? Math.max(1, n.intValue()) : 30;
        int grace = result instanceof Map<?, ?> m && m.get("graceDays") instanceof Number n ? Math.max(0, n.intValue()) : 2;
        Instant lastDone = all.stream().map(FollowUp::doneAt).filter(java.util.Objects::nonNull).max(java.util.Comparator.naturalOrder()).orElse(null);
        Instant from = lastDone != null ? lastDone : o.createdAt();
        LocalDate dueBy = from.atZone(Locales.ZONE).toLocalDate().plusDays(days);
        long overdue = Math.max(0, ChronoUnit.DAYS.between(dueBy, LocalDate.now(Locales.ZONE)));
        return new Cadence(tier, days, grace, lastDone, dueBy, overdue);
    }

    /** Plans a follow-up; every problem is reported at once, in the user's language, and nothing is stored. */
    public FollowUp plan(long opportunityId, FollowUpChannel channel, String subject, LocalDateTime plannedAt, SummitUser user) {
        Opportunity o = visible(opportunityId, user);
        List<FieldError> errors = new ArrayList<>();
        String text = checkChannelAndSubject(channel, subject, errors);
        Instant at = plannedAt == null ? null : plannedAt.atZone(Locales.ZONE).toInstant();
        if (at == null) {
            errors.add(new FieldError("plannedAt", null, "followup.error.whenRequired"));
        } else if (at.isBefore(Instant.now().minusSeconds(60))) {
            errors.add(new FieldError("plannedAt", null, "followup.error.inThePast"));
        } else if (plannedAt.toLocalDate().isAfter(LocalDate.now(Locales.ZONE).plusYears(PLAN_AHEAD_YEARS))) {
            errors.add(new FieldError("plannedAt", null, "followup.error.tooFar", PLAN_AHEAD_YEARS));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        mayFollowUp(o);
        long id = inTransaction(() -> followUps.insert(opportunityId, channel, text, at, user.username(), user.username()));
        events.publishEvent(new FollowUpsChanged(opportunityId));
        return followUps.find(id).orElseThrow();
    }

    /**
     * Records a contact that already happened (a call just made, yesterday's visit): when, through which channel,
     * the contacts met, what was learnt and the next step. A claim it proves is made once it is stored, with it as
     * the evidence. Every problem is reported at once and nothing is stored.
     */
    public FollowUp record(long opportunityId, FollowUpChannel channel, String subject, LocalDateTime happenedAt, Outcome outcome, SummitUser user) {
        Opportunity o = visible(opportunityId, user);
        List<FieldError> errors = new ArrayList<>();
        String text = checkChannelAndSubject(channel, subject, errors);
        Instant at = happenedAt == null ? null : happenedAt.atZone(Locales.ZONE).toInstant();
        if (at == null) {
            errors.add(new FieldError("happenedAt", null, "followup.error.whenRequired"));
        } else if (at.isAfter(Instant.now().plusSeconds(60))) {
            errors.add(new FieldError("happenedAt", null, "followup.error.inTheFuture"));
        } else if (happenedAt.toLocalDate().isBefore(LocalDate.now(Locales.ZONE).minusDays(RECORD_BACK_DAYS))) {
            errors.add(new FieldError("happenedAt", null, "followup.error.tooOld", RECORD_BACK_DAYS));
        }
        FollowUpRepository.Outcome found = checkOutcome(o, outcome, happenedAt == null ? null : happenedAt.toLocalDate(), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        mayFollowUp(o);
        checkClaim(o, outcome, user);
        long id = inTransaction(() -> {
            long created = followUps.insertDone(opportunityId, channel, text, at, user.username(), found);
            followUps.addContacts(created, outcome.contactIds());
            return created;
        });
        events.publishEvent(new FollowUpsChanged(opportunityId));
        claim(o, id, outcome, found.learnt(), user);
        return followUps.find(id).orElseThrow();
    }

    /**
     * Records a planned follow-up done with what it found: by its owner, or by whoever steers the deal; once, and not
     * before its day (a contact that happened earlier than planned is recorded as a contact of its own).
     */
    public void complete(long followUpId, Outcome outcome, SummitUser user) {
        FollowUp f = followUps.find(followUpId).orElseThrow(() -> new UserFacingException("followup.error.notFound"));
        Opportunity o = visible(f.opportunityId(), user);
        if (!f.owner().equals(user.username()) && !opportunities.managesDeal(o, user)) {
            throw new UserFacingException("followup.error.notYours");
        }
        if (f.done()) {
            throw new UserFacingException("followup.error.alreadyDone");
        }
        LocalDate plannedOn = f.plannedAt().atZone(Locales.ZONE).toLocalDate();
        if (plannedOn.isAfter(LocalDate.now(Locales.ZONE))) {
            throw new UserFacingException("followup.error.notYet", plannedOn);
        }
        List<FieldError> errors = new ArrayList<>();
        FollowUpRepository.Outcome found = checkOutcome(o, outcome, LocalDate.now(Locales.ZONE), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        checkClaim(o, outcome, user);
        boolean marked = inTransaction(() -> {
            if (!followUps.markDone(followUpId, user.username(), found)) {
                return false;
            }
            followUps.addContacts(followUpId, outcome.contactIds());
            return true;
        });
        if (!marked) {
            throw new UserFacingException("followup.error.alreadyDone");
        }
        events.publishEvent(new FollowUpsChanged(o.id()));
        claim(o, followUpId, outcome, found.learnt(), user);
    }

    public List<FollowUp> ofOpportunity(long opportunityId, SummitUser user) {
        visible(opportunityId, user);
        return followUps.ofOpportunity(opportunityId);
    }

    /** The customer's contacts a follow-up of this deal can name, from the buying-influence map. */
    public List<Contact> contactsOf(long opportunityId, SummitUser user) {
        Opportunity o = visible(opportunityId, user);
        return contacts.influenceMap(o.customerId(), user).values().stream().flatMap(List::stream).toList();
    }

    @Override
    public Map<Long, Next> nextFor(Collection<Long> opportunityIds) {
        return followUps.standings(opportunityIds).values().stream().collect(Collectors.toMap(FollowUpRepository.Standing::opportunityId,
                s -> s.nextOpen() == null ? new Next(null, null, null, s.doneCount())
                        : new Next(s.nextOpen().plannedAt(), s.nextOpen().channel().messageKey(), s.nextOpen().subject(), s.doneCount())));
    }

    private static String checkChannelAndSubject(FollowUpChannel channel, String subject, List<FieldError> errors) {
        String text = subject == null ? "" : subject.strip();
        if (channel == null) {
            errors.add(new FieldError("channel", null, "followup.error.channelRequired"));
        }
        if (text.isEmpty()) {
            errors.add(new FieldError("subject", null, "followup.error.subjectRequired"));
        } else if (text.codePointCount(0, text.length()) > SUBJECT_MAX) {
            errors.add(new FieldError("subject", null, "followup.error.subjectTooLong", SUBJECT_MAX));
        }
        return text;
    }

    /** The contacts must be the customer's; what was learnt is required; a next step's date comes after the contact. */
    private FollowUpRepository.Outcome checkOutcome(Opportunity o, Outcome outcome, LocalDate contactOn, List<FieldError> errors) {
        Outcome input = outcome == null ? Outcome.learnt(null) : outcome;
        Set<Long> known = contacts.idsOfCustomer(o.customerId());
        if (!known.containsAll(input.contactIds())) {
            errors.add(new FieldError("contacts", null, "followup.error.contactUnknown"));
        }
        String learnt = input.learnt() == null ? "" : input.learnt().strip();
        if (learnt.isEmpty()) {
            errors.add(new FieldError("outcome", null, "followup.error.outcomeRequired"));
        } else if (learnt.codePointCount(0, learnt.length()) > OUTCOME_MAX) {
            errors.add(new FieldError("outcome", null, "followup.error.outcomeTooLong", OUTCOME_MAX));
        }
        String next = input.nextStep() == null || input.nextStep().isBlank() ? null : input.nextStep().strip();
        if (next != null && next.codePointCount(0, next.length()) > NEXT_STEP_MAX) {
            errors.add(new FieldError("nextStep", null, "followup.error.nextStepTooLong", NEXT_STEP_MAX));
        }
        if (input.nextStepOn() != null) {
            if (next == null) {
                errors.add(new FieldError("nextStep", null, "followup.error.nextStepRequired"));
            }
            if (contactOn != null && input.nextStepOn().isBefore(contactOn)) {
                errors.add(new FieldError("nextStepOn", null, "followup.error.nextStepBefore"));
            } else if (input.nextStepOn().isAfter(LocalDate.now(Locales.ZONE).plusYears(PLAN_AHEAD_YEARS))) {
                errors.add(new FieldError("nextStepOn", null, "followup.error.tooFar", PLAN_AHEAD_YEARS));
            }
        }
        return new FollowUpRepository.Outcome(learnt, next, input.nextStepOn());
    }

    /** A claim is checked before the follow-up is stored, so that a refused claim leaves nothing behind. */
    private void checkClaim(Opportunity o, Outcome outcome, SummitUser user) {
        if (outcome != null && outcome.claim() != null) {
            scorecards.checkClaim(o.id(), outcome.claim().element(), outcome.claim().level(), user);
        }
    }

    /** After the follow-up's commit: the claim it proves (a verification it needs starts outside any transaction). */
    private void claim(Opportunity o, long followUpId, Outcome outcome, String learnt, SummitUser user) {
        if (outcome != null && outcome.claim() != null) {
            scorecards.changeLevel(o.id(), outcome.claim().element(), outcome.claim().level(), ScorecardService.Evidence.followUp(learnt, followUpId), user);
        }
    }

    private static void mayFollowUp(Opportunity o) {
        if (o.status() != OpportunityStatus.OPEN && o.status() != OpportunityStatus.PAUSED) {
            throw new UserFacingException("followup.error.dealClosed");
        }
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return java.util.Objects.requireNonNull(transactions.execute(status -> work.get()));
    }

    private Opportunity visible(long opportunityId, SummitUser user) {
        return opportunities.findVisible(opportunityId, user).orElseThrow(() -> new UserFacingException("opportunity.error.notVisible"));
    }
}
