package com.summit.approval.service;

import com.summit.approval.domain.ApprovalRepository;
import com.summit.base.i18n.Messages;
import com.summit.customer.domain.Customer;
import com.summit.customer.service.CustomerService;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.service.OpportunityService;
import com.summit.security.domain.SummitUser;
import com.summit.workbench.service.DecisionImpactSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The approvals in flight, for the impact of a changed {@code approval-route}: each running round with the terms it
 * was submitted on, the customer's tier and the deal's services, as the route read them when the round opened.
 */
@Component
class RouteImpactSource implements DecisionImpactSource {

    private final ApprovalRepository approvals;
    private final OpportunityService opportunities;
    private final CustomerService customers;
    private final Messages messages;

    RouteImpactSource(ApprovalRepository approvals, OpportunityService opportunities, CustomerService customers, Messages messages) {
        this.approvals = approvals;
        this.opportunities = opportunities;
        this.customers = customers;
        this.messages = messages;
    }

    @Override
    public String decisionId() {
        return ApprovalRounds.ROUTE_DECISION;
    }

    @Override
    public List<LiveCase> cases(SummitUser user) {
        Set<Long> visible = new HashSet<>();
        opportunities.visibleTo(user).forEach(o -> visible.add(o.id()));
        List<LiveCase> cases = new ArrayList<>();
        for (ApprovalRepository.RunningRound round : approvals.runningRounds()) {
            Optional<Opportunity> deal = opportunities.find(round.opportunityId());
            if (deal.isEmpty()) {
                continue;
            }
            Opportunity o = deal.get();
            String tier = customers.find(o.customerId()).map(Customer::tier).map(Enum::name).orElse("ORDINARY");
            Map<String, Object> facts = ApprovalRounds.routeFacts(o, tier, round.amount() != null ? round.amount() : o.amount(),
                    new ApprovalRounds.Terms(round.amount(), round.marginPercent(), round.paymentTermDays(), round.nonStandardTerms()));
            cases.add(new LiveCase(String.valueOf(round.roundId()), o.customerName() + " · " + o.name() + " · "
                    + com.summit.opportunity.domain.Stage.valueOf(round.stage()).number(), "opportunities/" + o.id(),
                    visible.contains(o.id()), facts));
        }
        return cases;
    }

    /** The departments and their levels, whatever order the rows come in. */
    @Override
    public Object outcome(Object output) {
        return new TreeMap<>(ApprovalRounds.levels(rows(output)));
    }

    @Override
    public String describe(LiveCase liveCase, Object output, Locale locale) {
        Map<String, String> levels = ApprovalRounds.levels(rows(output));
        if (levels.isEmpty()) {
            return messages.getTranslation("workbench.impact.route.none", locale);
        }
        return levels.entrySet().stream()
                .map(e -> messages.getTranslation("veto.dept." + e.getKey(), locale)
                        + ("HEAD".equals(e.getValue()) ? messages.getTranslation("approval.level.HEAD.suffix", locale) : ""))
                .collect(Collectors.joining(messages.getTranslation("common.listSeparator", locale)));
    }

    @Override
    public String assumption(Locale locale) {
        return messages.getTranslation("workbench.impact.route.assumption", locale);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Object output) {
        if (output instanceof List<?> list) {
            return (List<Map<String, Object>>) list;
        }
        if (output instanceof Map<?, ?> map) {
            return List.of((Map<String, Object>) map);
        }
        return List.of();
    }
}
