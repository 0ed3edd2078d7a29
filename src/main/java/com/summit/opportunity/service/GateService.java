package com.summit.opportunity.service;

import com.summit.base.i18n.Messages;
import com.summit.customer.service.CustomerService;
import com.summit.engine.ProcessEngine;
import com.summit.opportunity.domain.GateRepository;
import com.summit.opportunity.domain.GateResult;
import com.summit.opportunity.domain.Ladder;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.domain.ScoreElement;
import com.summit.opportunity.domain.Stage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * A stage's exit gate: the facts of the opportunity (scorecard levels, customer profile and tier, owner) and the
 * facts its process produced (solution review, approvals, price, signed contract) go to the DMN {@code stage-gate}
 * on the engine, which names what is not met. The process owner edits that table, not this code.
 */
@Service
public class GateService {

    public static final String DECISION_ID = "stage-gate";
    /** Facts that the lifecycle's own steps produce; false until a step sets them. */
    public static final List<String> PROCESS_FACTS = List.of("solutionReviewPassed", "vetoApprovalPassed", "priceApproved", "contractSigned");

    private final OpportunityService opportunities;
    private final ScorecardService scorecards;
    private final CustomerService customers;
    private final ProcessEngine engine;
    private final GateRepository gates;
    private final Messages messages;
    private final List<GateFactSource> factSources;

    private final com.summit.notify.service.NotificationService notifications;

    GateService(OpportunityService opportunities, ScorecardService scorecards, CustomerService customers, ProcessEngine engine,
            GateRepository gates, Messages messages, List<GateFactSource> factSources, com.summit.notify.service.NotificationService notifications) {
        this.notifications = notifications;
        this.factSources = factSources;
        this.opportunities = opportunities;
        this.scorecards = scorecards;
        this.customers = customers;
        this.engine = engine;
        this.gates = gates;
        this.messages = messages;
    }

    /** Evaluates and records the gate of the stage; process facts not given count as not met. */
    public GateResult evaluate(long opportunityId, Stage stage, Map<String, Object> processFacts) {
        return evaluate(opportunityId, stage, processFacts, null);
    }

    /**
     * The same, for a job of the lifecycle ({@code job}: its engine epoch and key): a job handed out again gets the
     * answer it got the first time, and the evaluation is recorded once.
     */
    public GateResult evaluate(long opportunityId, Stage stage, Map<String, Object> processFacts, String job) {
        // the facts are read and the DMN evaluated with no transaction open; the answer is one insert
        ProcessEngine.requireNoTransaction("evaluate the gate of " + stage);
        if (job != null) {
            Optional<GateResult> before = gates.byJob(job);
            if (before.isPresent()) {
                return before.get();
            }
        }
        Map<ScoreElement, Integer> levels = scorecards.verifiedLevels(opportunityId);
        Map<String, Object> facts = facts(opportunityId, stage, processFacts, levels);
        GateResult result = result(stage, engine.evaluateDecisionRows(DECISION_ID, facts), levels);
        gates.save(opportunityId, result, job);
        // two attempts of one job at once: both answer what was recorded first
        GateResult recorded = job == null ? result : gates.byJob(job).orElse(result);
        if (job != null && !recorded.passed()) {
            // the owner hears why the gate held the deal (once per gate check: the job is the key)
            opportunities.find(opportunityId).ifPresent(o -> notifications.send(List.of(o.ownerUsername()),
                    new com.summit.notify.service.NotificationService.Message("GATE_REFUSED", "gate:" + job, "opportunities/" + opportunityId,
                            notifications.text("notify.gate.refused", locale -> new Object[] {o.name(), o.customerName(), stage.number(),
                                    String.join(messages.getTranslation("common.clauseSeparator", locale), describe(opportunityId, recorded, locale))}))));
        }
        return recorded;
    }

    /**
     * What the gate reads of a deal at a stage: its verified levels ({@code levels}; an unverified claim does not open
     * a gate), its customer's profile and tier, its owner, the process's facts (not given: not met), and the facts other
     * features keep (the approvals' conditions checklist).
     */
    Map<String, Object> facts(long opportunityId, Stage stage, Map<String, Object> processFacts, Map<ScoreElement, Integer> levels) {
        Opportunity o = opportunities.find(opportunityId).orElseThrow(() -> new IllegalArgumentException("no opportunity " + opportunityId));
        Map<String, Object> facts = facts(o, stage, customers.find(o.customerId()).orElse(null), processFacts, levels);
        for (GateFactSource source : factSources) {
            facts.putAll(source.factsFor(opportunityId, stage));
        }
        return facts;
    }

    /**
     * {@link #facts(long, Stage, Map, Map)} of many opportunities, each at its own stage, read in a few statements
     * whatever their number (the impact of a changed table reads every open deal's).
     */
    Map<Long, Map<String, Object>> facts(List<Opportunity> deals, Map<String, Object> processFacts) {
        List<Long> ids = deals.stream().map(Opportunity::id).toList();
        Map<Long, Map<ScoreElement, Integer>> levels = scorecards.verifiedLevels(ids);
        Map<Long, com.summit.customer.domain.Customer> owners = customers.findAll(deals.stream().map(Opportunity::customerId).distinct().toList());
        Map<Long, Stage> stages = new LinkedHashMap<>();
        deals.forEach(o -> stages.put(o.id(), o.stage()));
        List<Map<Long, Map<String, Object>>> others = factSources.stream().map(source -> source.factsFor(stages)).toList();
        Map<Long, Map<String, Object>> facts = new LinkedHashMap<>();
        for (Opportunity o : deals) {
            Map<String, Object> f = facts(o, o.stage(), owners.get(o.customerId()), processFacts, levels.get(o.id()));
            others.forEach(other -> f.putAll(other.getOrDefault(o.id(), Map.of())));
            facts.put(o.id(), f);
        }
        return facts;
    }

    private static Map<String, Object> facts(Opportunity o, Stage stage, com.summit.customer.domain.Customer customer, Map<String, Object> processFacts,
            Map<ScoreElement, Integer> levels) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("stage", stage.name());
        levels.forEach((element, level) -> facts.put(element.factName(), level));
        facts.put("profileComplete", customer != null && customer.industry() != null && customer.region() != null && !customer.region().isBlank());
        facts.put("tierKnown", customer != null && customer.tier() != null);
        facts.put("ownerSet", o.ownerUsername() != null && !o.ownerUsername().isBlank());
        for (String fact : PROCESS_FACTS) {
            facts.put(fact, Boolean.TRUE.equals(processFacts.get(fact)));
        }
        return facts;
    }

    /** The gate's answer from the table's rows: each row an unmet condition, none a pass. */
    static GateResult result(Stage stage, List<Map<String, Object>> rows, Map<ScoreElement, Integer> levels) {
        List<GateResult.Unmet> unmet = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            String condition = String.valueOf(row.get("condition"));
            ScoreElement element = row.get("element") == null ? null : ScoreElement.valueOf(row.get("element").toString());
            Integer required = row.get("required") instanceof Number n ? n.intValue() : null;
            unmet.add(new GateResult.Unmet(condition, element, required, element == null ? null : levels.get(element)));
        }
        return new GateResult(stage, unmet.isEmpty(), unmet, Instant.now());
    }

    public Optional<GateResult> firstSince(long opportunityId, Instant since) {
        return gates.firstSince(opportunityId, since);
    }

    public List<GateResult> all(long opportunityId) {
        return gates.all(opportunityId);
    }

    public Optional<GateResult> latest(long opportunityId) {
        return gates.latest(opportunityId);
    }

    /**
     * The unmet conditions of a deal's gate in words; a level that a claim waiting for the manager would meet says so,
     * and who must act: "需求需达到 4 级（现为 0 级）：…；4 级的申报待李娜核实，核实前按 0 级计算".
     */
    public List<String> describe(long opportunityId, GateResult result, Locale locale) {
        List<String> texts = new ArrayList<>(describe(result, locale));
        for (int i = 0; i < result.unmet().size(); i++) {
            GateResult.Unmet u = result.unmet().get(i);
            if (!u.isLevel()) {
                continue;
            }
            Optional<com.summit.opportunity.domain.ScoreChange> pending = scorecards.pendingClaim(opportunityId, u.element());
            if (pending.isPresent() && pending.get().toLevel() >= u.required()) {
                texts.set(i, texts.get(i) + messages.getTranslation("gate.level.pending", locale, pending.get().toLevel(),
                        scorecards.verifierName(opportunityId), u.current() == null ? 0 : u.current()));
            }
        }
        return texts;
    }

    /** The unmet conditions in words, e.g. "权力需达到 5 级（现为 3 级）：决策人同意联合计划并指定负责人". */
    public List<String> describe(GateResult result, Locale locale) {
        return describe(result, locale, ladders());
    }

    /** The ladders by element, as {@link #describe(GateResult, Locale, Map)} reads them. */
    Map<ScoreElement, Ladder> ladders() {
        Map<ScoreElement, Ladder> ladders = new java.util.EnumMap<>(ScoreElement.class);
        scorecards.ladders().forEach(l -> ladders.put(l.element(), l));
        return ladders;
    }

    /** The unmet conditions in words, with ladders already read (to describe many results). */
    List<String> describe(GateResult result, Locale locale, Map<ScoreElement, Ladder> ladders) {
        return result.unmet().stream().map(u -> {
            if (u.isLevel()) {
                Ladder ladder = ladders.get(u.element());
                return messages.getTranslation("gate.level", locale, ladder.name(locale), u.required(), u.current() == null ? 0 : u.current(),
                        ladder.checkpoint(u.required(), locale));
            }
            return messages.find("gate.condition." + u.condition(), locale).orElse(u.condition());
        }).toList();
    }

}
