package com.summit.followup.service;

import com.summit.base.i18n.Locales;
import com.summit.base.i18n.Messages;
import com.summit.calendar.service.BusinessCalendar;
import com.summit.engine.EngineUnavailableException;
import com.summit.engine.ProcessEngine;
import com.summit.engine.ProcessesDeployed;
import com.summit.followup.domain.CadenceRepository;
import com.summit.followup.process.CadenceProcess;
import com.summit.notify.service.NotificationService;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.domain.OpportunityStatus;
import com.summit.opportunity.service.DealChanged;
import com.summit.opportunity.service.OpportunityService;
import com.summit.security.service.UserService;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The follow-up cadence 跟进节奏 of every open deal, one instance of {@code follow-up-cadence} each. The next contact is
 * due by the next planned follow-up, or else by the last contact (or the deal's start) plus the tier's cadence; a day
 * that passes without it reminds the owner on the next business day at {@link #REMIND_AT}, and after the grace
 * period (business days, DMN {@code follow-up-cadence}) tells the owner's manager. A change of the deal or of its
 * follow-ups is sent to the instance after its commit; each step reads the deal again, so a lost message changes
 * nothing but the moment.
 */
@Service
public class FollowUpCadences {

    public static final LocalTime REMIND_AT = LocalTime.of(9, 0);
    static final int TAKE = 500;
    static final int IN_FLIGHT = 64;
    private static final Logger log = LoggerFactory.getLogger(FollowUpCadences.class);

    /** Where the deal's cadence goes on: wait for its next contact, wait quietly while paused, or end. */
    public enum State {
        WAIT,
        PAUSED,
        CLOSED
    }

    /** The next due date, and when its reminder and its escalation come, with whom they go to. */
    public record Next(State state, LocalDate dueOn, Instant remindAt, Instant escalateAt, String owner, String manager) {

        static Next of(State state) {
            return new Next(state, null, null, null, null, null);
        }
    }

    private final CadenceRepository cadences;
    private final FollowUpService followUps;
    private final OpportunityService opportunities;
    private final BusinessCalendar calendar;
    private final ProcessEngine engine;
    private final NotificationService notifications;
    private final UserService users;
    private final Messages messages;
    private final Duration staleStart;
    private final Executor afterCommit = task -> Thread.ofVirtual().name("follow-up-cadence").start(task);
    private volatile boolean deployed;

    FollowUpCadences(CadenceRepository cadences, FollowUpService followUps, OpportunityService opportunities, BusinessCalendar calendar,
            ProcessEngine engine, NotificationService notifications, UserService users, Messages messages,
            @Value("${summit.followup.cadence-start-grace:2m}") Duration staleStart) {
        this.cadences = cadences;
        this.followUps = followUps;
        this.opportunities = opportunities;
        this.calendar = calendar;
        this.engine = engine;
        this.notifications = notifications;
        this.users = users;
        this.messages = messages;
        this.staleStart = staleStart;
    }

    /** After the start-up deployment and the demo data: every open deal without a cadence on this engine gets one. */
    @EventListener
    @Order(30)
    public void onProcessesDeployed(ProcessesDeployed deployed) {
        int started = startMissing();
        if (started > 0) {
            log.info("Follow-up cadence: started for {} open deals", started);
        }
        this.deployed = true;
    }

    /** Deals opened meanwhile whose start did not happen (the engine was down, a replica stopped mid-way). */
    @Scheduled(fixedDelayString = "${summit.followup.cadence-sweep:60s}", initialDelayString = "${summit.followup.cadence-sweep:60s}")
    public void sweep() {
        if (deployed) {
            try {
                startMissing();
            } catch (RuntimeException e) {
                log.warn("Follow-up cadence sweep: {}", e.getMessage());
            }
        }
    }

    /** Starts the cadence of every open deal that has none on this engine, a batch at a time; returns how many started. */
    public int startMissing() {
        ProcessEngine.requireNoTransaction("start follow-up cadences");
        int started = 0;
        while (true) {
            List<CadenceRepository.Due> due = cadences.take(engine.epoch(), staleStart.toSeconds(), TAKE);
            if (due.isEmpty()) {
                return started;
            }
            List<Map<String, Object>> variables = new ArrayList<>(due.size());
            for (CadenceRepository.Due d : due) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put(CadenceProcess.VAR_OPPORTUNITY_ID, d.opportunityId());
                v.put(CadenceProcess.VAR_OWNER, d.owner());
                v.put("opportunityName", d.opportunityName());
                v.put("customerName", d.customerName());
                variables.add(v);
            }
            List<Long> keys = engine.startAll(CadenceProcess.PROCESS_ID, variables, IN_FLIGHT);
            int failed = 0;
            for (int i = 0; i < keys.size(); i++) {
                if (keys.get(i) == null) {
                    cadences.release(due.get(i).opportunityId(), engine.epoch());
                    failed++;
                }
            }
            started += keys.size() - failed;
            if (failed > 0) {
                log.warn("Follow-up cadence: {} of {} starts did not reach the engine; the sweep tries them again", failed, keys.size());
                return started;
            }
        }
    }

    /** A deal opened, paused, resumed, won, lost or handed over: after the commit, its cadence hears of it. */
    @TransactionalEventListener(fallbackExecution = true)
    public void onDealChanged(DealChanged event) {
        if (event.change() == DealChanged.Change.ADVANCED) {
            return;
        }
        afterCommit.execute(() -> {
            if (event.change() == DealChanged.Change.OPENED) {
                if (deployed) {
                    startMissing();
                }
            } else {
                changed(event.opportunityId());
            }
        });
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void onFollowUpsChanged(FollowUpService.FollowUpsChanged event) {
        afterCommit.execute(() -> changed(event.opportunityId()));
    }

    /**
     * Tells the deal's cadence to work its next date out again. The message waits half a minute for an instance busy
     * with a step; if the engine does not answer, the instance's next step reads the change anyway.
     */
    public void changed(long opportunityId) {
        try {
            engine.publishMessageSoon(CadenceProcess.MESSAGE_CHANGED, Long.toString(opportunityId), UUID.randomUUID().toString(),
                    Duration.ofSeconds(30), Map.of());
        } catch (EngineUnavailableException e) {
            log.info("Follow-up cadence of deal {}: the engine did not hear of the change now; its next step reads it", opportunityId);
        }
    }

    /**
     * The step {@code follow-up-next-due}: whether the deal's cadence goes on, and when its reminder and escalation
     * come. {@code handledFor} is the due date whose overdue task the manager has handled: the next period starts then.
     */
    public Next next(long opportunityId, long processInstanceKey, LocalDate handledFor) {
        Opportunity o = opportunities.find(opportunityId).orElse(null);
        if (o == null || !cadences.hold(opportunityId, processInstanceKey, engine.epoch())) {
            // another instance follows this deal (a start asked twice): this one ends
            return Next.of(State.CLOSED);
        }
        if (o.status() == OpportunityStatus.PAUSED) {
            return Next.of(State.PAUSED);
        }
        if (o.status() != OpportunityStatus.OPEN) {
            return Next.of(State.CLOSED);
        }
        return due(o, handledFor);
    }

    /** The step {@code follow-up-remind}: tells the owner, once per due date, if the contact is still missing. */
    public boolean remind(long opportunityId, LocalDate dueOn, LocalDate handledFor) {
        Opportunity o = stillMissing(opportunityId, dueOn, handledFor);
        if (o == null) {
            return false;
        }
        String manager = users.managerFor(o.ownerUsername());
        // the reminder opens the pre-contact briefing: what to know before calling the customer
        notifications.send(List.of(o.ownerUsername()), new NotificationService.Message("FOLLOW_UP_DUE", "follow-up-due:" + o.id() + ":" + dueOn,
                "opportunities/" + o.id() + "/briefing", notifications.text("notify.followup.due", locale -> new Object[] {o.name(), o.customerName(),
                        dueOn.toString(), name(manager)})));
        log.info("Follow-up cadence: reminded {} of deal {}, due {}", o.ownerUsername(), o.id(), dueOn);
        return true;
    }

    /** The step {@code follow-up-escalate}: tells the owner's manager, once per due date, if the contact is still missing. */
    public boolean escalate(long opportunityId, LocalDate dueOn, LocalDate handledFor) {
        Opportunity o = stillMissing(opportunityId, dueOn, handledFor);
        if (o == null) {
            return false;
        }
        String manager = users.managerFor(o.ownerUsername());
        long late = Math.max(1, ChronoUnit.DAYS.between(dueOn, LocalDate.now(Locales.ZONE)));
        notifications.send(List.of(manager), new NotificationService.Message("FOLLOW_UP_OVERDUE", "follow-up-overdue:" + o.id() + ":" + dueOn,
                "opportunities/" + o.id(), notifications.text("notify.followup.overdue", locale -> new Object[] {o.name(), o.customerName(),
                        dueOn.toString(), name(o.ownerUsername()), late})));
        log.info("Follow-up cadence: told {} that deal {} is overdue since {}", manager, o.id(), dueOn);
        return true;
    }

    /** How the manager's task words the overdue contact, in the reader's language. */
    public String overdueText(long opportunityId, LocalDate dueOn, java.util.Locale locale) {
        Opportunity o = opportunities.find(opportunityId).orElse(null);
        if (o == null || dueOn == null) {
            return "";
        }
        FollowUpService.Standing standing = followUps.standingOf(o);
        long late = Math.max(0, ChronoUnit.DAYS.between(dueOn, LocalDate.now(Locales.ZONE)));
        String last = standing.last() == null ? messages.getTranslation("followup.last.none", locale)
                : messages.getTranslation("followup.last", locale, standing.last().doneAt().atZone(Locales.ZONE).toLocalDate().toString());
        return messages.getTranslation("followup.overdue.text", locale, dueOn.toString(), late, last, standing.doneCount());
    }

    /** Whether the contact due on {@code dueOn} is still missing on an open deal; the deal if so. */
    private Opportunity stillMissing(long opportunityId, LocalDate dueOn, LocalDate handledFor) {
        Opportunity o = opportunities.find(opportunityId).orElse(null);
        if (o == null || o.status() != OpportunityStatus.OPEN || dueOn == null) {
            return null;
        }
        Next now = due(o, handledFor);
        return now.dueOn().isAfter(dueOn) ? null : o;
    }

    private Next due(Opportunity o, LocalDate handledFor) {
        FollowUpService.Standing standing = followUps.standingOf(o);
        LocalDate due = standing.nextDue();
        LocalDate today = LocalDate.now(Locales.ZONE);
        if (handledFor != null && !due.isAfter(handledFor)) {
            // the manager handled this overdue contact: the next period of the cadence starts today
            due = (today.isAfter(handledFor) ? today : handledFor).plusDays(standing.cadence().days());
        }
        // missed once the due day has passed: the reminder comes on the next business day, in the morning
        Instant remindAt = calendar.onOrAfter(due.plusDays(1)).atTime(REMIND_AT).atZone(Locales.ZONE).toInstant();
        Instant escalateAt = calendar.plusBusinessDays(remindAt, Math.max(1, standing.cadence().graceDays()));
        return new Next(State.WAIT, due, remindAt, escalateAt, o.ownerUsername(), users.managerFor(o.ownerUsername()));
    }

    private String name(String username) {
        return username == null ? "—" : users.displayNames().getOrDefault(username, username);
    }
}
