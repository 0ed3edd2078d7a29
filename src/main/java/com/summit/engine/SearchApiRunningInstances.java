package com.summit.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ElementInstanceType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Camunda 8 cluster's running instances, through its search API: every active element of the definition, page by page. */
class SearchApiRunningInstances implements RunningInstances {

    private static final int PAGE = 500;

    private final CamundaClient client;
    private final Duration requestTimeout;

    SearchApiRunningInstances(CamundaClient client, Duration requestTimeout) {
        this.client = client;
        this.requestTimeout = requestTimeout;
    }

    @Override
    public List<RunningInstance> of(long processDefinitionKey) {
        Map<Long, List<String>> active = new LinkedHashMap<>();
        for (int from = 0; ; from += PAGE) {
            int offset = from;
            var page = client.newElementInstanceSearchRequest()
                    .filter(f -> f.processDefinitionKey(processDefinitionKey).state(ElementInstanceState.ACTIVE))
                    .page(p -> p.from(offset).limit(PAGE)).requestTimeout(requestTimeout).send().join();
            for (var element : page.items()) {
                List<String> ids = active.computeIfAbsent(element.getProcessInstanceKey(), k -> new ArrayList<>());
                if (element.getType() != ElementInstanceType.PROCESS) {
                    ids.add(element.getElementId());
                }
            }
            if (page.items().size() < PAGE) {
                break;
            }
        }
        return active.entrySet().stream().map(e -> new RunningInstance(e.getKey(), List.copyOf(e.getValue()))).toList();
    }
}
