package com.summit.opportunity.service;

import com.summit.opportunity.domain.OpportunityRepository;
import com.summit.opportunity.process.LifecycleProcess;
import com.summit.workbench.service.LiveCountSource;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The open deals at each stage of the lifecycle, for the workbench's diagram: each stage's sub-process gets its count. */
@Component
class StageCountSource implements LiveCountSource {

    private final OpportunityRepository opportunities;

    StageCountSource(OpportunityRepository opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public String bpmnProcessId() {
        return LifecycleProcess.PROCESS_ID;
    }

    @Override
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        opportunities.openByStage().forEach((stage, n) -> counts.put(stage.elementId(), n));
        return counts;
    }
}
