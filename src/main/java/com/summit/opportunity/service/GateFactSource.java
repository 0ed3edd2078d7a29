package com.summit.opportunity.service;

import com.summit.opportunity.domain.Stage;
import java.util.Map;

/** Facts for the stage gate that another feature keeps (the approvals give {@code conditionsMet}). */
public interface GateFactSource {

    Map<String, Object> factsFor(long opportunityId, Stage stage);
}
