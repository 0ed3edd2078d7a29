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
        processes.latestKeyById().forEach((id, key) -> names.put(id, summary(id, key).name()));
        return names;
    }

    /** What the task list needs of a process: its name, start form and starter groups (none when it does not parse). */
    private record Summary(String name, Optional<String> startFormId, java.util.Set<String> starterGroups) {}

    private final Map<Long, Summary> summaries = new ConcurrentHashMap<>();

    /**
     * A deployed definition's summary, made once: a definition key's XML never changes (the inbox asks for every
     * process's name and start form on every open, and parsing each model each time was most of its work).
     */
    private Summary summary(String bpmnProcessId, long processDefinitionKey) {
        return summaries.computeIfAbsent(processDefinitionKey, key -> {
            try {
                BpmnModelInstance model = processes.xml(key)
                        .map(xml -> Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))).orElse(null);
                if (model != null && model.getModelElementById(bpmnProcessId) instanceof io.camunda.zeebe.model.bpmn.instance.Process process) {
                    String name = process.getName() == null || process.getName().isBlank() ? bpmnProcessId : process.getName().strip();
                    return new Summary(name, startForm(process), starterGroups(process));
                }
            } catch (RuntimeException e) {
                // a model that does not parse keeps its id as its name, and cannot be started from the task list
            }
            return new Summary(bpmnProcessId, Optional.empty(), java.util.Set.of());
        });
    }

    /**
     * A process that people start from the task list: its none start event links a form ({@code
     * zeebe:formDefinition formId}). Who may start it is the model's {@code summit:starterGroups} property on the
     * process: comma-separated groups, or {@code *} for every signed-in user. Without it, nobody may: a model
     * is opened to people on purpose, never by forgetting a property.
     */
    public record StartableProcess(String bpmnProcessId, String name, String formId, java.util.Set<String> starterGroups) {

        public boolean mayBeStartedBy(java.util.Collection<String> groups) {
            return starterGroups.contains("*") || groups.stream().anyMatch(starterGroups::contains);
        }
    }

    public static final String STARTER_GROUPS_PROPERTY = "summit:starterGroups";

    /** The latest version of every deployed process that has a start form, by name. */
    public java.util.List<StartableProcess> startable() {
        java.util.List<StartableProcess> result = new java.util.ArrayList<>();
        processes.latestKeyById().forEach((id, key) -> {
            Summary summary = summary(id, key);
            summary.startFormId().ifPresent(formId -> result.add(new StartableProcess(id, summary.name(), formId, summary.starterGroups())));
        });
        result.sort(java.util.Comparator.comparing(StartableProcess::name));
        return result;
    }

    public Optional<StartableProcess> startable(String bpmnProcessId) {
        return startable().stream().filter(p -> p.bpmnProcessId().equals(bpmnProcessId)).findFirst();
    }

    private static Optional<String> startForm(io.camunda.zeebe.model.bpmn.instance.Process process) {
        return process.getChildElementsByType(io.camunda.zeebe.model.bpmn.instance.StartEvent.class).stream()
                .filter(start -> start.getEventDefinitions().isEmpty())
                .map(start -> start.getSingleExtensionElement(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition.class))
                .filter(form -> form != null && form.getFormId() != null && !form.getFormId().isBlank())
                .map(form -> form.getFormId().strip())
                .findFirst();
    }

    private static java.util.Set<String> starterGroups(io.camunda.zeebe.model.bpmn.instance.Process process) {
        var properties = process.getSingleExtensionElement(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperties.class);
        if (properties == null) {
            return java.util.Set.of();
        }
        return properties.getProperties().stream()
                .filter(p -> STARTER_GROUPS_PROPERTY.equals(p.getName()) && p.getValue() != null)
                .flatMap(p -> java.util.Arrays.stream(p.getValue().split(",")))
                .map(String::strip).filter(g -> !g.isEmpty())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The id of the form linked to a user task or start event of a version, if it links one. */
    public Optional<String> formId(long processDefinitionKey, String elementId) {
        BpmnModelInstance model = parsed.computeIfAbsent(processDefinitionKey, key -> processes.xml(key)
                .map(xml -> Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))))
                .orElse(null));
        if (model == null || !(model.getModelElementById(elementId) instanceof io.camunda.zeebe.model.bpmn.instance.BaseElement element)) {
            return Optional.empty();
        }
        var form = element.getSingleExtensionElement(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition.class);
        return form == null || form.getFormId() == null || form.getFormId().isBlank() ? Optional.empty() : Optional.of(form.getFormId().strip());
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
