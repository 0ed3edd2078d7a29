package com.summit.opportunity.service;

import com.summit.base.i18n.Messages;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.domain.OpportunityRepository;
import com.summit.opportunity.domain.OpportunityStatus;
import com.summit.opportunity.domain.ScoreElement;
import com.summit.opportunity.domain.Stage;
import com.summit.security.domain.Role;
import com.summit.security.domain.SummitUser;
import com.summit.workbench.service.DecisionImpactSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The open deals at their stage's gate, for the impact of a changed {@code stage-gate}: each with the facts its next
 * gate check would read now. The process's own facts (the solution review, the approvals, the price, the contract)
 * are taken as met, so the comparison shows what the table's change does to the deal's own levels and profile.
 */
@Component
class GateImpactSource implements DecisionImpactSource {

    private final OpportunityRepository opportunities;
    private final GateService gates;
    private final Messages messages;

    GateImpactSource(OpportunityRepository opportunities, GateService gates, Messages messages) {
        this.opportunities = opportunities;
        this.gates = gates;
        this.messages = messages;
    }

    @Override
    public String decisionId() {
        return GateService.DECISION_ID;
    }

    @Override
    public List<LiveCase> cases(SummitUser user) {
        Set<Long> visible = new HashSet<>();
        opportunities.findVisibleTo(user.username(), user.team(), user.has(Role.MANAGER), user.has(Role.ADMIN)).forEach(o -> visible.add(o.id()));
        Map<String, Object> processFacts = new java.util.HashMap<>();
        GateService.PROCESS_FACTS.forEach(f -> processFacts.put(f, true));
        List<Opportunity> open = opportunities.findOpen().stream().filter(o -> o.status() == OpportunityStatus.OPEN && o.stage() != null).toList();
        Map<Long, Map<String, Object>> facts = gates.facts(open, processFacts);
        List<LiveCase> cases = new ArrayList<>();
        for (Opportunity o : open) {
            Map<String, Object> f = new java.util.HashMap<>(facts.get(o.id()));
            f.put("conditionsMet", true);
            cases.add(new LiveCase(String.valueOf(o.id()), o.customerName() + " · " + o.name() + " · " + o.stage().number(),
                    "opportunities/" + o.id(), visible.contains(o.id()), f));
        }
        return cases;
    }

    @Override
    public String describe(LiveCase liveCase, Object output, Locale locale) {
        return describe(liveCase, output, locale, gates.ladders());
    }

    @Override
    public java.util.function.BiFunction<LiveCase, Object, String> describer(Locale locale) {
        var ladders = gates.ladders();
        return (liveCase, output) -> describe(liveCase, output, locale, ladders);
    }

    @SuppressWarnings("unchecked")
    private String describe(LiveCase liveCase, Object output, Locale locale, Map<ScoreElement, com.summit.opportunity.domain.Ladder> ladders) {
        Stage stage = Stage.valueOf(String.valueOf(liveCase.facts().get("stage")));
        Map<ScoreElement, Integer> levels = new java.util.EnumMap<>(ScoreElement.class);
        for (ScoreElement e : ScoreElement.values()) {
            if (liveCase.facts().get(e.factName()) instanceof Number n) {
                levels.put(e, n.intValue());
            }
        }
        List<Map<String, Object>> rows = output instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
        var result = GateService.result(stage, rows, levels);
        return result.passed() ? messages.getTranslation("workbench.impact.gate.passes", locale)
                : messages.getTranslation("workbench.impact.gate.holds", locale, String.join(messages.getTranslation("common.clauseSeparator", locale),
                        gates.describe(result, locale, ladders)));
    }

    @Override
    public String assumption(Locale locale) {
        return messages.getTranslation("workbench.impact.gate.assumption", locale);
    }
}
