package com.summit.opportunity.service;

import com.summit.opportunity.domain.Stage;
import java.util.HashMap;
import java.util.Map;

/** Facts for the stage gate that another feature keeps (the approvals give {@code conditionsMet}). */
public interface GateFactSource {

    Map<String, Object> factsFor(long opportunityId, Stage stage);

    /** The facts of many opportunities, each at its stage; a source that can read them in one statement says so here. */
    default Map<Long, Map<String, Object>> factsFor(Map<Long, Stage> stages) {
        Map<Long, Map<String, Object>> facts = new HashMap<>();
        stages.forEach((id, stage) -> facts.put(id, factsFor(id, stage)));
        return facts;
    }
}
