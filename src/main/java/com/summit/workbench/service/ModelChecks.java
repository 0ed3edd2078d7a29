package com.summit.workbench.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.summit.engine.JobTypes;
import com.summit.engine.ModelStore;
import com.summit.engine.ModelVersion;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import io.camunda.zeebe.dmn.DecisionEngineFactory;
import io.camunda.zeebe.dmn.ParsedDecision;
import io.camunda.zeebe.dmn.ParsedDecisionRequirementsGraph;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * Summit's own checks of a model, which no other modeler can make because they need this app: every service task's
 * job type has a worker here, every linked form exists, every candidate group has people, every called process and
 * decision exists, and no other model file has the same process id. A decision table is parsed by the DMN engine
 * Zeebe uses, so a FEEL syntax error is found before the engine refuses it.
 */
@Component
public class ModelChecks {

    /** No model file of Summit comes near this; a larger one is refused unread. */
    static final int MAX_BYTES = 2 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DECISION_ID = Pattern.compile("<(?:\\w+:)?decision\\s[^>]*\\bid=\"([^\"]+)\"");

    private final ModelStore models;
    private final JobTypes jobTypes;
    private final UserService users;

    ModelChecks(ModelStore models, JobTypes jobTypes, UserService users) {
        this.models = models;
        this.jobTypes = jobTypes;
        this.users = users;
    }

    public enum Severity { ERROR, WARNING }

    /** A problem of the model, at one of its elements where it has one; its words come from the bundles. */
    public record Finding(String elementId, Severity severity, String messageKey, List<Object> arguments) {

        static Finding error(String elementId, String key, Object... arguments) {
            return new Finding(elementId, Severity.ERROR, key, List.of(arguments));
        }

        static Finding warning(String elementId, String key, Object... arguments) {
            return new Finding(elementId, Severity.WARNING, key, List.of(arguments));
        }
    }

    List<Finding> check(String resourceName, String content) {
        if (resourceName == null || !resourceName.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,190}\\.(bpmn|dmn|form)")) {
            return List.of(Finding.error(null, "workbench.check.badFileName", resourceName == null ? "" : resourceName));
        }
        byte[] bytes = content == null ? new byte[0] : content.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            return List.of(Finding.error(null, "workbench.check.tooLarge", bytes.length / 1024 / 1024, MAX_BYTES / 1024 / 1024));
        }
        if (resourceName.endsWith(".bpmn")) {
            return checkBpmn(resourceName, bytes);
        }
        if (resourceName.endsWith(".dmn")) {
            return checkDmn(bytes);
        }
        return checkForm(resourceName, bytes);
    }

    private List<Finding> checkBpmn(String resourceName, byte[] bytes) {
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
        } catch (RuntimeException e) {
            return List.of(Finding.error(null, "workbench.check.notBpmn", rootMessage(e)));
        }
        List<Finding> findings = new ArrayList<>();
        List<ModelVersion> current = models.current();
        Set<String> processIds = new HashSet<>();
        Set<String> formIds = new HashSet<>();
        Set<String> decisionIds = new HashSet<>();
        for (ModelVersion v : current) {
            switch (v.kind()) {
                case BPMN -> processIds.add(v.modelId());
                case FORM -> formIds.add(v.modelId());
                case DMN -> {
                    Matcher m = DECISION_ID.matcher(v.content());
                    while (m.find()) {
                        decisionIds.add(m.group(1));
                    }
                }
            }
        }
        if (model.getModelElementsByType(Process.class).isEmpty()) {
            findings.add(Finding.error(null, "workbench.check.noProcess"));
        }
        for (Process process : model.getModelElementsByType(Process.class)) {
            processIds.add(process.getId());
            current.stream().filter(v -> v.kind() == ModelVersion.Kind.BPMN && v.modelId().equals(process.getId())
                    && !v.resourceName().equals(resourceName)).findFirst()
                    .ifPresent(other -> findings.add(Finding.error(process.getId(), "workbench.check.duplicateProcessId", process.getId(),
                            other.resourceName())));
        }
        Set<String> workers = jobTypes.all();
        for (ZeebeTaskDefinition task : model.getModelElementsByType(ZeebeTaskDefinition.class)) {
            String type = task.getType();
            if (type != null && !type.startsWith("=") && !workers.contains(type)) {
                findings.add(Finding.error(owner(task), "workbench.check.noWorker", type));
            }
        }
        for (ZeebeExecutionListener listener : model.getModelElementsByType(ZeebeExecutionListener.class)) {
            String type = listener.getType();
            if (type != null && !type.startsWith("=") && !workers.contains(type)) {
                findings.add(Finding.error(owner(listener), "workbench.check.noWorker", type));
            }
        }
        // Summit's inbox serves user tasks through its job worker: a Camunda user task would wait where no one sees it
        for (io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask camundaTask : model.getModelElementsByType(
                io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask.class)) {
            findings.add(Finding.error(owner(camundaTask), "workbench.check.camundaUserTask"));
        }
        for (ZeebeFormDefinition form : model.getModelElementsByType(ZeebeFormDefinition.class)) {
            if (form.getFormId() != null && !form.getFormId().isBlank() && !formIds.contains(form.getFormId())) {
                findings.add(Finding.error(owner(form), "workbench.check.noForm", form.getFormId()));
            }
        }
        Set<String> groupsWithPeople = new HashSet<>();
        for (SummitUser user : users.findAll()) {
            groupsWithPeople.addAll(user.groups());
        }
        for (ZeebeAssignmentDefinition assignment : model.getModelElementsByType(ZeebeAssignmentDefinition.class)) {
            String groups = assignment.getCandidateGroups();
            if (groups == null || groups.isBlank() || groups.startsWith("=")) {
                continue;
            }
            for (String group : groups.split(",")) {
                if (!group.isBlank() && !groupsWithPeople.contains(group.strip())) {
                    findings.add(Finding.error(owner(assignment), "workbench.check.emptyGroup", group.strip()));
                }
            }
        }
        for (ZeebeCalledElement called : model.getModelElementsByType(ZeebeCalledElement.class)) {
            String id = called.getProcessId();
            if (id != null && !id.startsWith("=") && !processIds.contains(id)) {
                findings.add(Finding.error(owner(called), "workbench.check.noCalledProcess", id));
            }
        }
        for (ZeebeCalledDecision called : model.getModelElementsByType(ZeebeCalledDecision.class)) {
            String id = called.getDecisionId();
            if (id != null && !id.startsWith("=") && !decisionIds.contains(id)) {
                findings.add(Finding.error(owner(called), "workbench.check.noDecision", id));
            }
        }
        return findings;
    }

    private List<Finding> checkDmn(byte[] bytes) {
        ParsedDecisionRequirementsGraph graph;
        try {
            graph = DecisionEngineFactory.createDecisionEngine().parse(new ByteArrayInputStream(bytes));
        } catch (RuntimeException e) {
            return List.of(Finding.error(null, "workbench.check.dmnInvalid", rootMessage(e)));
        }
        if (!graph.isValid()) {
            return List.of(Finding.error(null, "workbench.check.dmnInvalid", graph.getFailureMessage()));
        }
        if (graph.getDecisions().isEmpty()) {
            return List.of(Finding.error(null, "workbench.check.noDecisionInTable"));
        }
        List<Finding> findings = new ArrayList<>();
        for (ParsedDecision decision : graph.getDecisions()) {
            if (decision.getName() == null || decision.getName().isBlank()) {
                findings.add(Finding.warning(decision.getId(), "workbench.check.decisionUnnamed"));
            }
        }
        return findings;
    }

    private List<Finding> checkForm(String resourceName, byte[] bytes) {
        JsonNode form;
        try {
            form = JSON.readTree(bytes);
        } catch (java.io.IOException e) {
            return List.of(Finding.error(null, "workbench.check.notJson", rootMessage(e)));
        }
        if (form == null || !form.isObject() || !form.path("components").isArray() || !"default".equals(form.path("type").asText())) {
            return List.of(Finding.error(null, "workbench.check.notForm"));
        }
        if (form.path("id").asText("").isBlank()) {
            return List.of(Finding.error(null, "workbench.check.formWithoutId"));
        }
        List<Finding> findings = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (JsonNode component : form.path("components")) {
            String key = component.path("key").asText("");
            if (!key.isEmpty() && !keys.add(key)) {
                findings.add(Finding.error(component.path("id").asText(null), "workbench.check.duplicateKey", key));
            }
        }
        return findings;
    }

    /** The id of the BPMN element an extension element belongs to. */
    private static String owner(ModelElementInstance extension) {
        for (ModelElementInstance e = extension.getParentElement(); e != null; e = e.getParentElement()) {
            String id = e.getAttributeValue("id");
            if (id != null) {
                return id;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.length() > 500 ? message.substring(0, 500) + "…" : message;
    }
}
