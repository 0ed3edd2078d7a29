package com.summit.opportunity.service;

import com.summit.customer.service.PipelineAmounts;
import com.summit.opportunity.domain.OpportunityRepository;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The customers' open pipeline, for the tiering's DMN. */
@Component
class OpenPipeline implements PipelineAmounts {

    private final OpportunityRepository opportunities;

    OpenPipeline(OpportunityRepository opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public Map<Long, BigDecimal> openAmounts(Collection<Long> customerIds) {
        return opportunities.openAmounts(customerIds);
    }
}
