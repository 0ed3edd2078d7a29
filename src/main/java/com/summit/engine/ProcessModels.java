package com.summit.engine;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/** The deployed BPMN models: their XML (for the diagram viewer) and the names of their elements. */
@Service
public class ProcessModels {

    private final DeployedProcessRepository processes;
    private final Map<Long, BpmnModelInstance> parsed = new ConcurrentHashMap<>();

    ProcessModels(DeployedProcessRepository processes) {
        this.processes = processes;
    }

    public Optional<String> xml(long processDefinitionKey) {
        return processes.xml(processDefinitionKey);
    }

    public Optional<String> latestXml(String bpmnProcessId) {
        return processes.latestXml(bpmnProcessId);
    }

    /** Each deployed process's id and name (latest version), for filters. */
    public Map<String, String> processNames() {
        Map<String, String> names = new java.util.TreeMap<>();
        for (var entry : processes.latestXmlById().entrySet()) {
            String name = entry.getKey();
            try {
                var model = Bpmn.readModelFromStream(new ByteArrayInputStream(entry.getValue().getBytes(StandardCharsets.UTF_8)));
                var process = model.getModelElementById(entry.getKey());
                if (process instanceof io.camunda.zeebe.model.bpmn.instance.Process p && p.getName() != null && !p.getName().isBlank()) {
                    name = p.getName();
                }
            } catch (RuntimeException e) {
                // a model that does not parse keeps its id as its name
            }
            names.put(entry.getKey(), name);
        }
        return names;
    }

    /** The name the modeller gave an element, or its id when it has none. */
    public String elementName(long processDefinitionKey, String elementId) {
        BpmnModelInstance model = parsed.computeIfAbsent(processDefinitionKey, key -> processes.xml(key)
                .map(xml -> Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))))
                .orElse(null));
        if (model == null) {
            return elementId;
        }
        FlowElement element = model.getModelElementById(elementId);
        return element == null || element.getName() == null || element.getName().isBlank() ? elementId : element.getName().strip();
    }
}
