package com.summit.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.IncidentState;
import java.time.Duration;
import java.util.OptionalLong;

/** A Camunda 8 cluster's incidents, through its search API (the orchestration cluster's secondary storage). */
class SearchApiIncidentLookup implements IncidentLookup {

    private final CamundaClient client;
    private final Duration requestTimeout;

    SearchApiIncidentLookup(CamundaClient client, Duration requestTimeout) {
        this.client = client;
        this.requestTimeout = requestTimeout;
    }

    @Override
    public OptionalLong incidentOf(long jobKey) {
        var page = client.newIncidentSearchRequest().filter(f -> f.jobKey(jobKey).state(IncidentState.ACTIVE))
                .requestTimeout(requestTimeout).send().join();
        return page.items().stream().mapToLong(i -> i.getIncidentKey()).findFirst();
    }
}
