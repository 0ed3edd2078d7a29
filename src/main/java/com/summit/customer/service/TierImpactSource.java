package com.summit.customer.service;

import com.summit.base.i18n.Locales;
import com.summit.base.i18n.Messages;
import com.summit.customer.domain.CustomerRepository;
import com.summit.customer.domain.CustomerTier;
import com.summit.customer.domain.TieringRepository;
import com.summit.security.domain.SummitUser;
import com.summit.workbench.service.DecisionImpactSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Every customer with the figures the next re-tiering reads (12 months' revenue and gross profit, the open pipeline),
 * for the impact of a changed {@code customer-tier}: which customers it would move, and to which tier.
 */
@Component
class TierImpactSource implements DecisionImpactSource {

    private static final int BATCH = 1000;

    private final TieringRepository tiering;
    private final CustomerRepository customers;
    private final List<PipelineAmounts> pipelines;
    private final TieringService service;
    private final Messages messages;

    TierImpactSource(TieringRepository tiering, CustomerRepository customers, List<PipelineAmounts> pipelines, TieringService service,
            Messages messages) {
        this.tiering = tiering;
        this.customers = customers;
        this.pipelines = pipelines;
        this.service = service;
        this.messages = messages;
    }

    @Override
    public String decisionId() {
        return TieringService.DECISION_ID;
    }

    @Override
    public List<LiveCase> cases(SummitUser user) {
        Set<Long> visible = new HashSet<>();
        customers.findVisibleTo(CustomerService.viewer(user)).forEach(c -> visible.add(c.id()));
        LocalDate to = LocalDate.now(Locales.ZONE).withDayOfMonth(1);
        LocalDate from = to.minusMonths(12);
        List<LiveCase> cases = new ArrayList<>();
        long after = 0;
        for (List<TieringRepository.Figures> batch = tiering.batch(after, BATCH, from, to); !batch.isEmpty();
                batch = tiering.batch(after, BATCH, from, to)) {
            Map<Long, BigDecimal> pipeline = new HashMap<>();
            List<Long> ids = batch.stream().map(TieringRepository.Figures::customerId).toList();
            pipelines.forEach(p -> pipeline.putAll(p.openAmounts(ids)));
            for (TieringRepository.Figures f : batch) {
                Map<String, Object> facts = Map.of("revenue12m", f.revenue12m(), "profit12m", f.profit12m(),
                        "pipeline", pipeline.getOrDefault(f.customerId(), BigDecimal.ZERO));
                cases.add(new LiveCase(String.valueOf(f.customerId()), f.name(), "customers/" + f.customerId(), visible.contains(f.customerId()),
                        facts));
            }
            after = batch.getLast().customerId();
        }
        return cases;
    }

    /** A customer moves when its tier does. */
    @Override
    public Object outcome(Object output) {
        return output instanceof Map<?, ?> map ? map.get("tier") : null;
    }

    @Override
    public String describe(LiveCase liveCase, Object output, Locale locale) {
        if (!(output instanceof Map<?, ?> map) || map.get("tier") == null) {
            return messages.getTranslation("workbench.impact.tier.none", locale);
        }
        CustomerTier tier = CustomerTier.valueOf(String.valueOf(map.get("tier")));
        Map<String, Object> facts = liveCase.facts();
        return messages.getTranslation("workbench.impact.tier.to", locale, messages.getTranslation(tier.messageKey(), locale),
                service.reasonText(String.valueOf(map.get("reason")), (BigDecimal) facts.get("revenue12m"), (BigDecimal) facts.get("profit12m"),
                        (BigDecimal) facts.get("pipeline"), locale));
    }

    @Override
    public String assumption(Locale locale) {
        return messages.getTranslation("workbench.impact.tier.assumption", locale);
    }
}
