package com.summit.opportunity.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.summit.base.FieldError;
import com.summit.base.UserFacingException;
import com.summit.base.ValidationException;
import com.summit.customer.domain.Customer;
import com.summit.customer.service.CustomerService;
import com.summit.engine.ProcessEngine;
import com.summit.customer.domain.LogisticsService;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.domain.OpportunityRepository;
import com.summit.opportunity.domain.OpportunityStatus;
import com.summit.opportunity.domain.Stage;
import com.summit.opportunity.domain.TeamRole;
import com.summit.opportunity.process.LifecycleProcess;
import com.summit.search.service.SearchOutbox;
import com.summit.search.service.SearchService;
import com.summit.security.domain.Role;
import com.summit.security.domain.SummitUser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opportunities: creation (which starts the lifecycle process), the stage results the process records, and reads. */
@Service
public class OpportunityService {

    public static final String ENTITY_TYPE = "opportunity";
    public static final int NAME_MAX = 100;
    public static final int DESCRIPTION_MAX = 2000;
    public static final BigDecimal AMOUNT_MAX = new BigDecimal("99999999999999.99");

    private static final Logger log = LoggerFactory.getLogger(OpportunityService.class);

    private final OpportunityRepository opportunities;
    private final CustomerService customers;
    private final ProcessEngine engine;
    private final SearchOutbox outbox;
    private final SearchService search;
    private final ObjectMapper json;
    private final com.summit.security.service.UserService users;
    private final com.summit.tasklist.service.TaskService tasks;
    private final com.summit.tasklist.service.TaskAssignment assignment;

    private final com.summit.notify.service.NotificationService notifications;
    private final com.summit.base.i18n.Messages messages;
    private final org.springframework.transaction.support.TransactionTemplate transactions;
    private final org.springframework.context.ApplicationEventPublisher events;

    OpportunityService(OpportunityRepository opportunities, CustomerService customers, ProcessEngine engine, SearchOutbox outbox,
            SearchService search, ObjectMapper json, com.summit.security.service.UserService users,
            @org.springframework.context.annotation.Lazy com.summit.tasklist.service.TaskService tasks,
            @org.springframework.context.annotation.Lazy com.summit.tasklist.service.TaskAssignment assignment,
            com.summit.notify.service.NotificationService notifications, com.summit.base.i18n.Messages messages,
            org.springframework.transaction.support.TransactionTemplate transactions,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.transactions = transactions;
        this.notifications = notifications;
        this.messages = messages;
        this.users = users;
        this.tasks = tasks;
        this.assignment = assignment;
        this.opportunities = opportunities;
        this.customers = customers;
        this.engine = engine;
        this.outbox = outbox;
        this.search = search;
        this.json = json;
    }

    /**
     * Opens an opportunity at stage 1 and starts its lifecycle process. Bad input is refused with every reason at
     * once. The deal is stored first and its process started after the commit: if the engine does not answer, the
     * deal is kept without a process ({@link Opportunity#processInstanceKey()} null) and the reconciliation sweep
     * starts it when the engine is back.
     */
    public Opportunity create(NewOpportunity input, SummitUser user) {
        return open(input, user, Stage.IDENTIFICATION, null);
    }

    /**
     * Takes over an opportunity that reached a stage elsewhere (another CRM, demo data): the same checks as
     * {@link #create}, and its lifecycle starts before that stage, as reconciliation does.
     */
    public Opportunity importAt(NewOpportunity input, SummitUser user, Stage stage, java.time.Instant enteredStage) {
        return open(input, user, stage, enteredStage);
    }

    private Opportunity open(NewOpportunity input, SummitUser user, Stage stage, java.time.Instant enteredStage) {
        long id = java.util.Objects.requireNonNull(transactions.execute(status -> store(input, user, stage, enteredStage)));
        Opportunity created = opportunities.findById(id).orElseThrow();
        startLifecycle(created, stage == Stage.IDENTIFICATION ? null : stage.elementId());
        events.publishEvent(new DealChanged(id, DealChanged.Change.OPENED));
        log.info("Opportunity {} '{}' created by {}", id, created.name(), user.username());
        return opportunities.findById(id).orElseThrow();
    }

    private long store(NewOpportunity input, SummitUser user, Stage stage, java.time.Instant enteredStage) {
        String name = com.summit.base.Names.clean(input.name());
        String description = input.description() == null ? null : input.description().strip();
        List<FieldError> errors = new ArrayList<>();
        Optional<Customer> customer = input.customerId() == null ? Optional.empty() : customers.findVisible(input.customerId(), user);
        if (customer.isEmpty()) {
            errors.add(new FieldError("customer", null, "opportunity.error.customerRequired"));
        }
        if (name.isEmpty()) {
            errors.add(new FieldError("name", null, "opportunity.error.nameRequired"));
        } else if (name.codePointCount(0, name.length()) > NAME_MAX) {
            errors.add(new FieldError("name", null, "opportunity.error.nameTooLong", NAME_MAX));
        } else if (customer.isPresent() && opportunities.nameTakenForCustomer(customer.get().id(), name)) {
            errors.add(new FieldError("name", null, "opportunity.error.nameTaken", name));
        }
        if (description != null && description.codePointCount(0, description.length()) > DESCRIPTION_MAX) {
            errors.add(new FieldError("description", null, "opportunity.error.descriptionTooLong", DESCRIPTION_MAX));
        }
        if (input.amount() == null) {
            errors.add(new FieldError("amount", null, "opportunity.error.amountRequired"));
        } else if (input.amount().signum() < 0) {
            errors.add(new FieldError("amount", null, "opportunity.error.amountNegative"));
        } else if (input.amount().compareTo(AMOUNT_MAX) > 0 || input.amount().scale() > 2) {
            errors.add(new FieldError("amount", null, "opportunity.error.amountInvalid"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Set<LogisticsService> services = input.services() == null ? Set.of() : input.services();
        long id = opportunities.insert(customer.get().id(), name, description == null || description.isEmpty() ? null : description,
                input.amount(), services, user.username());
        opportunities.addMember(id, user.username(), TeamRole.OWNER.name(), user.username());
        if (stage != Stage.IDENTIFICATION || enteredStage != null) {
            opportunities.placeAt(id, stage, enteredStage == null ? java.time.Instant.now() : enteredStage);
        }
        outbox.changed(ENTITY_TYPE, id);
        return id;
    }

    /**
     * Starts a deal's lifecycle, never inside a database transaction: before the element {@code at} (null: at its start
     * event), then ties the instance to the deal. An instance that finds the deal taken by another (a start asked twice
     * whose first answer was lost) is cancelled. False when the engine did not answer: the deal waits for the sweep.
     */
    boolean startLifecycle(Opportunity o, String at) {
        com.summit.engine.ProcessEngine.requireNoTransaction("starting the lifecycle of deal " + o.id());
        long instance;
        try {
            instance = at == null ? engine.start(LifecycleProcess.PROCESS_ID, variables(o))
                    : engine.startAt(LifecycleProcess.PROCESS_ID, at, continuing(o));
        } catch (com.summit.engine.EngineUnavailableException e) {
            log.warn("The lifecycle of opportunity {} did not start ({}): the reconciliation sweep starts it when the engine answers",
                    o.id(), e.getCause() == null ? e.toString() : e.getCause().getMessage());
            return false;
        }
        boolean claimed = false;
        for (int attempt = 1; ; attempt++) {
            try {
                claimed = opportunities.claimInstance(o.id(), instance, engine.epoch());
                break;
            } catch (org.springframework.dao.DataAccessException e) {
                if (attempt == 3) {
                    // the instance runs; its first task ties it to the deal (a start at a stage task) or the sweep starts
                    // another, and the one that does not hold the deal is cancelled when it shows a task
                    log.warn("Opportunity {}: instance {} started but could not be recorded ({}); its first task records it", o.id(),
                            instance, e.getMessage());
                    return true;
                }
                try {
                    Thread.sleep(500L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return true;
                }
            }
        }
        if (claimed) {
            log.info("Opportunity {} runs in process instance {}", o.id(), instance);
            return true;
        }
        log.warn("Opportunity {} already runs in another instance: cancelling the new instance {}", o.id(), instance);
        cancelQuietly(instance);
        return true;
    }

    /**
     * The variables of a lifecycle started again at the deal's stage: the work saved on its stage tasks (what the rep
     * filled in and saved without advancing, the terms an approval reviews), under the deal's own facts.
     */
    private Map<String, Object> continuing(Opportunity o) {
        Map<String, Object> variables = new LinkedHashMap<>(tasks.submittedWork(o.id(), LifecycleProcess.PROCESS_ID, LifecycleProcess.STAGE_TASKS));
        variables.remove(LifecycleProcess.VAR_COMPLETED_BY);
        variables.putAll(variables(o));
        return variables;
    }

    /**
     * Whether a lifecycle instance runs the deal, tying it to the deal when no instance of this engine holds it yet. One
     * that does not is a stray and is cancelled (if the engine does not answer, its next job asks again). A deal that
     * is gone holds nothing: its instance goes on to whatever ends it.
     */
    public boolean holdsDeal(long opportunityId, long processInstanceKey) {
        if (opportunities.findById(opportunityId).isEmpty()) {
            return true;
        }
        if (opportunities.claimInstance(opportunityId, processInstanceKey, engine.epoch())) {
            return true;
        }
        log.warn("Opportunity {} runs in another instance: the stray instance {} is cancelled before its approval", opportunityId,
                processInstanceKey);
        cancelQuietly(processInstanceKey);
        return false;
    }

    /** Cancels an instance nobody should work in; if the engine does not answer, its first task is turned away later. */
    void cancelQuietly(long instance) {
        try {
            engine.cancel(instance);
        } catch (RuntimeException e) {
            log.warn("Could not cancel the stray instance {} now: {}", instance, e.getMessage());
        }
    }

    /** What the form of a stage's task showed only, or asked about the process: not part of the stage's record. */
    private static final java.util.Set<String> NOT_STAGE_WORK = java.util.Set.of(LifecycleProcess.VAR_REQUEST_ADVANCE,
            LifecycleProcess.VAR_GATE_FINDINGS, LifecycleProcess.VAR_CUSTOMER_NAME, LifecycleProcess.VAR_OPPORTUNITY_NAME,
            LifecycleProcess.VAR_COMPLETED_BY);

    /**
     * Records what a stage's working task produced, from the fields its form took (the last submission of the stage's
     * task), and moves the opportunity to the next stage (or to won after the last). Called by the process only; a
     * repeated job changes nothing.
     */
    public Opportunity recordStageResult(long id, Stage stage, String completedBy) {
        Map<String, Object> work = new LinkedHashMap<>(tasks.submittedWork(id, LifecycleProcess.PROCESS_ID,
                List.of(LifecycleProcess.STAGE_TASKS.get(stage.ordinal()))));
        work.keySet().removeAll(NOT_STAGE_WORK);
        return transactions.execute(status -> recordStageResult(id, stage, work, completedBy));
    }

    @Transactional
    public Opportunity recordStageResult(long id, Stage stage, Map<String, Object> result, String completedBy) {
        Opportunity opportunity = opportunities.findById(id)
                .orElseThrow(() -> new UserFacingException("opportunity.error.notFound", id));
        if (opportunity.stage() != stage || opportunity.status() != OpportunityStatus.OPEN) {
            log.info("Opportunity {} is at {} ({}), not {}: stage result already recorded", id, opportunity.stage(),
                    opportunity.status(), stage);
            return opportunity;
        }
        opportunities.recordStage(id, stage, write(result), completedBy);
        Optional<Stage> next = stage.next();
        if (next.isPresent()) {
            opportunities.advance(id, stage, next.get());
        } else {
            opportunities.close(id, stage, OpportunityStatus.WON);
        }
        outbox.changed(ENTITY_TYPE, id);
        events.publishEvent(new DealChanged(id, next.isPresent() ? DealChanged.Change.ADVANCED : DealChanged.Change.WON));
        return opportunities.findById(id).orElseThrow();
    }

    /**
     * The opportunities the user may see: their own and those whose team they are in; a manager also their
     * team's (owners in the same team or reporting to them); an admin all.
     */
    public List<Opportunity> visibleTo(SummitUser user) {
        return opportunities.findVisibleTo(user.username(), user.team(), user.has(Role.MANAGER), user.has(Role.ADMIN));
    }

    /** One page of the deals the user may see, most recently changed first. */
    public List<Opportunity> visiblePage(SummitUser user, int offset, int limit) {
        return opportunities.findVisibleTo(user.username(), user.team(), user.has(Role.MANAGER), user.has(Role.ADMIN), offset, limit);
    }

    public int countVisible(SummitUser user) {
        return opportunities.countVisibleTo(user.username(), user.team(), user.has(Role.MANAGER), user.has(Role.ADMIN));
    }

    /** A customer's opportunities the user may see (a customer has few: each is checked on its own). */
    public List<Opportunity> ofCustomer(long customerId, SummitUser user) {
        return opportunities.findByCustomer(customerId).stream()
                .filter(o -> opportunities.isVisibleTo(o.id(), user.username(), user.team(), user.has(Role.MANAGER), user.has(Role.ADMIN)))
                .toList();
    }

    public Optional<Opportunity> findVisible(long id, SummitUser user) {
        return opportunities.findById(id)
                .filter(o -> opportunities.isVisibleTo(id, user.username(), user.team(), user.has(Role.MANAGER), user.has(Role.ADMIN)));
    }

    /** The opportunity team, owner first. */
    public List<OpportunityRepository.Member> members(long id, SummitUser user) {
        findVisible(id, user).orElseThrow(() -> new UserFacingException("opportunity.error.notVisible"));
        return opportunities.members(id);
    }

    /** The owner, a manager who sees the deal, or an admin adds someone to the team in a role. */
    @Transactional
    public void addMember(long id, String username, TeamRole role, SummitUser user) {
        Opportunity o = mayManageTeam(id, user);
        if (role == null || role == TeamRole.OWNER) {
            throw new UserFacingException("team.error.role");
        }
        if (username == null || users.find(username).isEmpty()) {
            throw new UserFacingException("team.error.noSuchUser");
        }
        if (username.equals(o.ownerUsername())) {
            throw new UserFacingException("team.error.owner");
        }
        opportunities.addMember(id, username, role.name(), user.username());
        outbox.changed(ENTITY_TYPE, id);
    }

    @Transactional
    public void removeMember(long id, String username, SummitUser user) {
        mayManageTeam(id, user);
        if (opportunities.removeMember(id, username) == 0) {
            throw new UserFacingException("team.error.notMember");
        }
        outbox.changed(ENTITY_TYPE, id);
    }

    /**
     * Who may steer a deal (its team, pause, lost): its owner, the owner's manager, a manager of the owner's team,
     * an admin; not a manager who is only a member of another team's deal.
     */
    public boolean managesDeal(Opportunity o, SummitUser user) {
        if (o.ownerUsername().equals(user.username()) || user.has(Role.ADMIN)) {
            return true;
        }
        if (!user.has(Role.MANAGER)) {
            return false;
        }
        return users.find(o.ownerUsername()).map(owner -> user.username().equals(owner.managerUsername())
                || (owner.team() != null && owner.team().equals(user.team()))).orElse(false);
    }

    private Opportunity mayManageTeam(long id, SummitUser user) {
        Opportunity o = findVisible(id, user).orElseThrow(() -> new UserFacingException("opportunity.error.notVisible"));
        if (!managesDeal(o, user)) {
            throw new UserFacingException("team.error.forbidden");
        }
        return o;
    }

    public Optional<Opportunity> find(long id) {
        return opportunities.findById(id);
    }

    public long count() {
        return opportunities.count();
    }

    /** Opportunities whose name, description or customer contain the text; a rep finds only their own. */
    public List<Opportunity> search(String text, SummitUser user) {
        // visibility is decided here, on the system of record, not in the index
        return search.search(ENTITY_TYPE, text, null, 200).stream()
                .map(hit -> findVisible(hit.id(), user))
                .flatMap(Optional::stream)
                .limit(50)
                .toList();
    }

    Map<String, Object> variables(Opportunity o) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(LifecycleProcess.VAR_OPPORTUNITY_ID, o.id());
        variables.put(LifecycleProcess.VAR_OWNER, o.ownerUsername());
        variables.put(LifecycleProcess.VAR_CUSTOMER_NAME, o.customerName());
        variables.put(LifecycleProcess.VAR_OPPORTUNITY_NAME, o.name());
        variables.put(LifecycleProcess.VAR_AMOUNT, o.amount());
        variables.put(LifecycleProcess.VAR_SERVICES, o.services().stream().map(Enum::name).sorted().toList());
        variables.put(LifecycleProcess.VAR_STAGE, o.stage().name());
        variables.put(LifecycleProcess.VAR_STALL_AFTER, stallAfter(o).toString());
        variables.put(LifecycleProcess.VAR_MANAGER, users.managerFor(o.ownerUsername()));
        variables.put(LifecycleProcess.VAR_REQUEST_ADVANCE, false);
        return variables;
    }

    /** The target time in the deal's current stage, in days, by its customer's tier (DMN {@code stage-duration}). */
    public long stageTargetDays(Opportunity o) {
        String tier = customers.find(o.customerId()).map(c -> c.tier().name()).orElse("ORDINARY");
        Object result = engine.evaluateDecisionResult("stage-duration", Map.of("stage", o.stage().name(), "tier", tier));
        if (result instanceof Map<?, ?> outputs) {
            result = outputs.get("targetDays");
        }
        return result instanceof Number n ? n.longValue() : 30;
    }

    /**
     * How long until the opportunity counts as stalled in its current stage: the stage's target by tier (DMN
     * {@code stage-duration}) less the time already spent there (pauses not counted), at least a minute.
     */
    public java.time.Duration stallAfter(Opportunity o) {
        String tier = customers.find(o.customerId()).map(c -> c.tier().name()).orElse("ORDINARY");
        Object result = engine.evaluateDecisionResult("stage-duration", Map.of("stage", o.stage().name(), "tier", tier));
        if (result instanceof Map<?, ?> outputs) {
            result = outputs.get("targetDays");
        }
        long days = result instanceof Number n ? n.longValue() : 30;
        if (o.stalled()) {
            // reviewed already: the clock starts again with a full period, so the review is not repeated at once
            return java.time.Duration.ofDays(days);
        }
        java.time.Instant since = o.pausedAt() != null ? o.pausedAt() : java.time.Instant.now();
        java.time.Duration left = java.time.Duration.ofDays(days).minus(java.time.Duration.between(o.stageEnteredAt(), since));
        return left.compareTo(java.time.Duration.ofMinutes(1)) < 0 ? java.time.Duration.ofMinutes(1) : left.withNanos(0);
    }

    /** The reasons a deal can be lost, from the managed list, in the user's language (code → label). */
    public Map<String, String> lostReasons(java.util.Locale locale) {
        Map<String, String> reasons = new LinkedHashMap<>();
        boolean english = locale != null && "en".equals(locale.getLanguage());
        opportunities.lostReasons().forEach((code, labels) -> reasons.put(code, english ? labels[1] : labels[0]));
        return reasons;
    }

    /** Closes a deal as lost at any stage, with a reason from the managed list: the lifecycle takes the message. */
    public void lose(long id, String reason, String note, SummitUser user) {
        Opportunity o = mayManageTeam(id, user);
        if (reason == null || !opportunities.lostReasons().containsKey(reason)) {
            throw new UserFacingException("opportunity.error.lostReason");
        }
        if (o.status() != OpportunityStatus.OPEN && o.status() != OpportunityStatus.PAUSED) {
            throw new UserFacingException("opportunity.error.notOpen");
        }
        publishLost(id, reason, note, user.username());
    }

    /** Sends "lost" to the deal's lifecycle (also the manager's choice on a stalled deal). */
    public void publishLost(long id, String reason, String note, String by) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(LifecycleProcess.VAR_LOST_REASON, reason);
        variables.put(LifecycleProcess.VAR_LOST_NOTE, note == null ? "" : note.strip());
        variables.put("lostBy", by);
        engine.publishMessageNow(LifecycleProcess.MESSAGE_LOST, Long.toString(id), variables);
    }

    /** Pauses an open deal (its stall clock stops); the lifecycle takes the message. */
    public void pause(long id, SummitUser user) {
        Opportunity o = mayManageTeam(id, user);
        if (o.status() != OpportunityStatus.OPEN) {
            throw new UserFacingException("opportunity.error.notOpen");
        }
        engine.publishMessageNow(LifecycleProcess.MESSAGE_PAUSED, Long.toString(id), Map.of("pausedBy", user.username()));
    }

    public void resume(long id, SummitUser user) {
        Opportunity o = mayManageTeam(id, user);
        if (o.status() != OpportunityStatus.PAUSED) {
            throw new UserFacingException("opportunity.error.notPaused");
        }
        // the pause may have been recorded a moment before its wait for "resumed" opened: the message waits a minute
        String messageId = "resume-" + id + "-" + (o.pausedAt() == null ? 0 : o.pausedAt().toEpochMilli());
        engine.publishMessageSoon(LifecycleProcess.MESSAGE_RESUMED, Long.toString(id), messageId, java.time.Duration.ofMinutes(1),
                Map.of("resumedBy", user.username()));
    }

    /** Called by the lifecycle: the deal is paused. */
    @Transactional
    public void recordPaused(long id) {
        opportunities.pause(id);
        outbox.changed(ENTITY_TYPE, id);
        events.publishEvent(new DealChanged(id, DealChanged.Change.PAUSED));
    }

    /** Called by the lifecycle: the deal runs again; returns the stall clock of its stage, paused time not counted. */
    public java.time.Duration recordResumed(long id) {
        transactions.executeWithoutResult(status -> {
            opportunities.resume(id);
            outbox.changed(ENTITY_TYPE, id);
            events.publishEvent(new DealChanged(id, DealChanged.Change.RESUMED));
        });
        // the stage's target comes from the engine (DMN), once the resume is committed
        return stallAfter(opportunities.findById(id).orElseThrow());
    }

    @Transactional
    public void recordLost(long id, String reason, String note) {
        opportunities.markLost(id, reason, note == null || note.isBlank() ? null : note.strip());
        outbox.changed(ENTITY_TYPE, id);
        events.publishEvent(new DealChanged(id, DealChanged.Change.LOST));
    }

    /**
     * Marks the deal stalled, and tells its owner and the owner's manager (once per stall: {@code stallKey} is the
     * engine's job, so a retried job tells nobody twice).
     */
    @Transactional
    public void markStalled(long id, long stallKey) {
        opportunities.markStalled(id);
        outbox.changed(ENTITY_TYPE, id);
        Opportunity o = opportunities.findById(id).orElseThrow();
        long days = Math.max(0, java.time.Duration.between(o.stageEnteredAt(), java.time.Instant.now()).toDays());
        String manager = users.managerFor(o.ownerUsername());
        notifications.send(List.of(o.ownerUsername()), new com.summit.notify.service.NotificationService.Message("OPPORTUNITY_STALLED",
                "stalled:" + stallKey, "opportunities/" + id, notifications.text("notify.stalled.owner",
                        locale -> new Object[] {o.name(), o.customerName(), messages.getTranslation(o.stage().messageKey(), locale), days,
                                users.displayNames().getOrDefault(manager, manager)})));
        notifications.send(List.of(manager), new com.summit.notify.service.NotificationService.Message("OPPORTUNITY_STALLED",
                "stalled:" + stallKey, "opportunities/" + id, notifications.text("notify.stalled.manager",
                        locale -> new Object[] {o.name(), o.customerName(), messages.getTranslation(o.stage().messageKey(), locale), days,
                                users.displayNames().getOrDefault(o.ownerUsername(), o.ownerUsername())})));
    }

    /** Hands the deal to another rep or manager (the manager's choice on a stalled deal); returns the new owner's manager. */
    @Transactional
    public String reassign(long id, String newOwner) {
        SummitUser owner = users.find(newOwner).filter(u -> u.has(Role.REP) || u.has(Role.MANAGER))
                .orElseThrow(() -> new UserFacingException("opportunity.error.newOwner"));
        Opportunity before = opportunities.findById(id).orElseThrow();
        opportunities.reassign(id, owner.username());
        // the work moves with the deal: the stage's open tasks held by the previous owner go to the new one
        assignment.handOver(id, before.ownerUsername(), owner.username());
        outbox.changed(ENTITY_TYPE, id);
        events.publishEvent(new DealChanged(id, DealChanged.Change.OWNER_CHANGED));
        return users.managerFor(owner.username());
    }

    private String write(Map<String, Object> value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
