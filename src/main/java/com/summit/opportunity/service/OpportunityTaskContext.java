package com.summit.opportunity.service;

import com.summit.base.i18n.Messages;
import com.summit.customer.service.CustomerService;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.domain.OpportunityRepository;
import com.summit.tasklist.domain.HumanTask;
import com.summit.tasklist.service.TaskContextProvider;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Shows the customer and the opportunity beside a task of the lifecycle. */
@Component
class OpportunityTaskContext implements TaskContextProvider {

    private final OpportunityRepository opportunities;
    private final CustomerService customers;
    private final ScorecardService scorecards;
    private final OpportunityService opportunityService;
    private final GateService gates;
    private final Messages messages;
    private final com.summit.security.service.UserService users;


    OpportunityTaskContext(OpportunityRepository opportunities, CustomerService customers, ScorecardService scorecards,
            OpportunityService opportunityService, GateService gates, Messages messages, com.summit.security.service.UserService users) {
        this.users = users;
        this.gates = gates;
        this.opportunityService = opportunityService;
        this.opportunities = opportunities;
        this.customers = customers;
        this.scorecards = scorecards;
        this.messages = messages;
    }

    @Override
    public List<ContextItem> contextFor(HumanTask task, Locale locale) {
        if (task.opportunityId() == null) {
            return List.of();
        }
        return opportunities.findById(task.opportunityId()).map(o -> items(o, locale)).orElse(List.of());
    }

    /** The managed list of lost reasons, for the stall review's "close as lost". */
    @Override
    public Map<String, Object> formData(HumanTask task, Map<String, Object> variables, Locale locale) {
        if (task.opportunityId() == null) {
            return Map.of();
        }
        if (com.summit.opportunity.process.LifecycleProcess.VERIFICATION_PROCESS_ID.equals(task.bpmnProcessId())) {
            return verificationTexts(variables, locale);
        }
        List<Map<String, String>> reasons = opportunityService.lostReasons(locale).entrySet().stream()
                .map(e -> Map.of("label", e.getValue(), "value", e.getKey())).toList();
        if (com.summit.opportunity.process.LifecycleProcess.STAGE_TASKS.contains(task.elementId())) {
            // the last gate's findings, rendered now in the reader's language: the process keeps only their codes
            String findings = opportunities.findById(task.opportunityId())
                    .flatMap(o -> gates.latest(o.id()).filter(g -> g.stage() == o.stage() && !g.passed())
                            .map(g -> String.join("\n", gates.describe(o.id(), g, locale))))
                    .orElse("");
            return Map.of("lostReasons", reasons, com.summit.opportunity.process.LifecycleProcess.VAR_GATE_FINDINGS, findings);
        }
        if (!"Task_StallReview".equals(task.elementId())) {
            return Map.of("lostReasons", reasons);
        }
        // the stall review hands the deal to someone of the owner's team, chosen by name
        List<Map<String, String>> team = opportunities.findById(task.opportunityId()).map(o -> {
            String ownerTeam = users.find(o.ownerUsername()).map(com.summit.security.domain.SummitUser::team).orElse(null);
            return users.findAll().stream()
                    .filter(u -> !u.username().equals(o.ownerUsername()) && ownerTeam != null && ownerTeam.equals(u.team())
                            && (u.has(com.summit.security.domain.Role.REP) || u.has(com.summit.security.domain.Role.MANAGER)))
                    .sorted(java.util.Comparator.comparing(com.summit.security.domain.SummitUser::displayName))
                    .map(u -> Map.of("label", u.displayName(), "value", u.username())).toList();
        }).orElse(List.of());
        // the owner by name, never by username (the form shows it; the process keeps the username in "owner")
        String ownerName = opportunities.findById(task.opportunityId()).flatMap(o -> users.find(o.ownerUsername()))
                .map(com.summit.security.domain.SummitUser::displayName).orElse("—");
        return Map.of("lostReasons", reasons, "teamMembers", team, "ownerName", ownerName);
    }

    /**
     * The claim a verification is about, in the reader's language: the process carries its codes (the element, the
     * levels) and the claim's id; the form shows the element's name and "2 → 4: the checkpoint of level 4".
     */
    private Map<String, Object> verificationTexts(Map<String, Object> variables, Locale locale) {
        if (!(variables.get(com.summit.opportunity.process.LifecycleProcess.VAR_VERIFICATION_CHANGE_ID) instanceof Number id)) {
            return Map.of();
        }
        return scorecards.change(id.longValue()).flatMap(change -> scorecards.ladders().stream().filter(l -> l.element() == change.element())
                .findFirst().map(ladder -> Map.<String, Object>of("verificationElement", ladder.name(locale),
                        "verificationClaim", t("score.verification.claim", locale, change.fromLevel(), change.toLevel(),
                                ladder.checkpoint(change.toLevel(), locale)))))
                .orElse(Map.of());
    }

    private List<ContextItem> items(Opportunity o, Locale locale) {
        NumberFormat cny = NumberFormat.getCurrencyInstance(Locale.CHINA);
        String services = o.services().stream().map(s -> t(s.messageKey(), locale)).sorted().collect(Collectors.joining(t("common.listSeparator", locale)));
        List<ContextItem> items = new java.util.ArrayList<>(List.of(
                new ContextItem(t("context.customer", locale), o.customerName()),
                new ContextItem(t("context.tier", locale), customers.find(o.customerId()).map(c -> t(c.tier().messageKey(), locale)).orElse("—")),
                new ContextItem(t("context.opportunity", locale), o.name()),
                new ContextItem(t("context.stage", locale), o.stage().number() + " · " + t(o.stage().messageKey(), locale)),
                new ContextItem(t("context.daysInStage", locale), t("context.daysInStage.value", locale, daysInStage(o),
                        opportunityService.stageTargetDays(o))),
                new ContextItem(t("context.amount", locale), cny.format(o.amount())),
                new ContextItem(t("context.services", locale), services.isEmpty() ? "—" : services),
                new ContextItem(t("context.description", locale), o.description() == null ? "—" : o.description())));
        // the last gate of this stage, if it refused: what is unmet, in the reader's language
        gates.latest(o.id()).filter(g -> g.stage() == o.stage() && !g.passed())
                .ifPresent(g -> items.add(new ContextItem(t("context.gate", locale), String.join(t("common.clauseSeparator", locale), gates.describe(o.id(), g, locale)))));
        // the scorecard: each element's level and the checkpoint it stands on
        Map<com.summit.opportunity.domain.ScoreElement, Integer> levels = scorecards.levels(o.id());
        for (var ladder : scorecards.ladders()) {
            int level = levels.get(ladder.element());
            items.add(new ContextItem(ladder.name(locale), t("context.score", locale, level, ladder.checkpoint(level, locale))));
        }
        return items;
    }

    private static long daysInStage(Opportunity o) {
        java.time.Instant until = o.pausedAt() != null ? o.pausedAt() : java.time.Instant.now();
        return Math.max(0, java.time.Duration.between(o.stageEnteredAt(), until).toDays());
    }

    private String t(String key, Locale locale, Object... args) {
        return messages.getTranslation(key, locale, args);
    }
}
