package com.summit.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** The one door to the engine for every feature: start instances, publish messages, look up forms. */
@Service
public class ProcessEngine {

    private final CamundaClient client;
    private final EngineEpoch epoch;
    private final DeployedFormRepository forms;
    private final DeployedProcessRepository processes;
    private final Duration requestTimeout;

    ProcessEngine(CamundaClient client, EngineEpoch epoch, DeployedFormRepository forms, DeployedProcessRepository processes,
            @Value("${summit.engine.request-timeout:10s}") Duration requestTimeout) {
        this.client = client;
        this.epoch = epoch;
        this.forms = forms;
        this.processes = processes;
        this.requestTimeout = requestTimeout;
    }

    public String epoch() {
        return epoch.value();
    }

    /**
     * Refuses a command to the engine from inside an open database transaction: if the commit failed afterwards, or
     * the call timed out after the engine acted, the two systems would disagree. Commit first, then call the engine.
     */
    public static void requireNoTransaction(String what) {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("An engine command inside an open database transaction: " + what);
        }
    }

    /** Starts the latest version of a process at its start event. */
    public long start(String bpmnProcessId, Map<String, Object> variables) {
        requireNoTransaction("start " + bpmnProcessId);
        return call(() -> client.newCreateInstanceCommand()
                .bpmnProcessId(bpmnProcessId).latestVersion()
                .variables(variables)
                .requestTimeout(requestTimeout)
                .send().join()).getProcessInstanceKey();
    }

    /**
     * Starts the latest version of a process once per set of variables, with up to {@code inFlight} requests to the
     * engine at a time; the instance keys in the order of the variables, null where the engine refused or did not answer
     * (the caller starts those again later).
     */
    public java.util.List<Long> startAll(String bpmnProcessId, java.util.List<Map<String, Object>> variables, int inFlight) {
        requireNoTransaction("start " + variables.size() + " instances of " + bpmnProcessId);
        java.util.List<Long> keys = new java.util.ArrayList<>(variables.size());
        java.util.ArrayDeque<io.camunda.client.api.CamundaFuture<ProcessInstanceEvent>> pending = new java.util.ArrayDeque<>();
        for (Map<String, Object> v : variables) {
            if (pending.size() >= Math.max(1, inFlight)) {
                keys.add(keyOf(pending.poll()));
            }
            pending.add(client.newCreateInstanceCommand().bpmnProcessId(bpmnProcessId).latestVersion().variables(v)
                    .requestTimeout(requestTimeout).send());
        }
        while (!pending.isEmpty()) {
            keys.add(keyOf(pending.poll()));
        }
        return keys;
    }

    private static Long keyOf(io.camunda.client.api.CamundaFuture<ProcessInstanceEvent> start) {
        try {
            return start.join().getProcessInstanceKey();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Starts the latest version of a process before one of its elements (a start instruction). */
    public long startAt(String bpmnProcessId, String elementId, Map<String, Object> variables) {
        requireNoTransaction("start " + bpmnProcessId + " at " + elementId);
        ProcessInstanceEvent event = call(() -> client.newCreateInstanceCommand()
                .bpmnProcessId(bpmnProcessId).latestVersion()
                .variables(variables)
                .startBeforeElement(elementId)
                .requestTimeout(requestTimeout)
                .send().join());
        return event.getProcessInstanceKey();
    }

    /**
     * Whether a process instance started in the given epoch still runs. An embedded engine of another
     * epoch has forgotten it; in a real cluster a command on the instance tells (NOT_FOUND once it ended).
     */
    public boolean isAlive(long processInstanceKey, String instanceEpoch) {
        if (!epoch.value().equals(instanceEpoch)) {
            return false;
        }
        if (epoch.embedded()) {
            return true;
        }
        requireNoTransaction("ask whether " + processInstanceKey + " runs");
        try {
            client.newSetVariablesCommand(processInstanceKey).variables(Map.of()).local(true)
                    .requestTimeout(requestTimeout).send().join();
            return true;
        } catch (ClientStatusException e) {
            if (e.getStatusCode() == Status.Code.NOT_FOUND) {
                return false;
            }
            throw new EngineUnavailableException(e);
        }
    }

    /**
     * Publishes a message that only a waiting instance may take: it is not kept for later (a "resume" sent to a
     * deal that is not paused must not wait for its next pause).
     */
    public void publishMessageNow(String name, String correlationKey, Map<String, Object> variables) {
        requireNoTransaction("publish " + name);
        call(() -> client.newPublishMessageCommand().messageName(name).correlationKey(correlationKey).timeToLive(Duration.ZERO)
                .variables(variables).requestTimeout(requestTimeout).send().join());
    }

    /**
     * Publishes a message that waits a little for its receiver (for a step that is about to open its subscription),
     * once: the engine drops a second message with the same id while the first is buffered.
     */
    public void publishMessageSoon(String name, String correlationKey, String messageId, Duration timeToLive, Map<String, Object> variables) {
        requireNoTransaction("publish " + name);
        call(() -> client.newPublishMessageCommand().messageName(name).correlationKey(correlationKey).messageId(messageId)
                .timeToLive(timeToLive).variables(variables).requestTimeout(requestTimeout).send().join());
    }

    public void publishMessage(String name, String correlationKey, Map<String, Object> variables) {
        requireNoTransaction("publish " + name);
        call(() -> client.newPublishMessageCommand().messageName(name).correlationKey(correlationKey)
                .variables(variables).requestTimeout(requestTimeout).send().join());
    }

    /**
     * Evaluates the latest version of a deployed decision (DMN) with the given facts, on the engine: the table
     * process owners edit is the one that decides. Returns the decision's output as JSON ("null" when no rule matched).
     */
    public String evaluateDecision(String decisionId, Map<String, Object> facts) {
        requireNoTransaction("evaluate " + decisionId);
        return call(() -> client.newEvaluateDecisionCommand().decisionId(decisionId).variables(facts)
                .requestTimeout(requestTimeout).send().join().getDecisionOutput());
    }

    /** A COLLECT decision's matched rows (none: an empty list), each as its outputs by name. */
    public java.util.List<Map<String, Object>> evaluateDecisionRows(String decisionId, Map<String, Object> facts) {
        String output = evaluateDecision(decisionId, facts);
        try {
            java.util.List<Map<String, Object>> rows = JSON.readValue(output,
                    new com.fasterxml.jackson.core.type.TypeReference<java.util.List<Map<String, Object>>>() {});
            return rows == null ? java.util.List.of() : rows;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(decisionId + " gave an output that is not a list of rows: " + output, e);
        }
    }

    /**
     * A single-hit decision's result: a number or text when the table has one output column, a map of outputs
     * when it has several, null when no rule matched.
     */
    public Object evaluateDecisionResult(String decisionId, Map<String, Object> facts) {
        String output = evaluateDecision(decisionId, facts);
        try {
            return JSON.readValue(output, Object.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(decisionId + " gave an output that is not JSON: " + output, e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    public void cancel(long processInstanceKey) {
        requireNoTransaction("cancel " + processInstanceKey);
        call(() -> client.newCancelInstanceCommand(processInstanceKey).requestTimeout(requestTimeout).send().join());
    }

    /**
     * Deploys one model or form and records it, so that its step names and forms are known to the inbox; returns the
     * engine's version number of it. What process owners deploy goes through {@link ModelStore#deployNew}, which keeps
     * the version; tests deploy their own processes here.
     */
    public int deploy(String resourceName, byte[] content) {
        requireNoTransaction("deploy " + resourceName);
        io.camunda.client.api.response.DeploymentEvent deployment;
        try {
            deployment = call(() -> client.newDeployResourceCommand()
                    .addResourceBytes(content, resourceName).requestTimeout(requestTimeout).send().join());
        } catch (ClientStatusException e) {
            if (e.getStatusCode() == Status.Code.INVALID_ARGUMENT) {
                throw new DeploymentRefusedException(e.getMessage(), e);
            }
            throw e;
        }
        String text = new String(content, java.nio.charset.StandardCharsets.UTF_8);
        deployment.getProcesses().forEach(p -> processes.save(p.getProcessDefinitionKey(), p.getBpmnProcessId(), p.getVersion(),
                p.getResourceName(), text));
        deployment.getForm().forEach(f -> forms.save(new DeployedForm(f.getFormKey(), f.getFormId(), f.getVersion(),
                f.getResourceName(), text)));
        // the engine's number for what was deployed: the process's, the decisions', or the form's
        return deployment.getProcesses().stream().map(p -> p.getVersion()).findFirst()
                .or(() -> deployment.getDecisionRequirements().stream().map(d -> d.getVersion()).findFirst())
                .or(() -> deployment.getForm().stream().map(f -> f.getVersion()).findFirst())
                .orElse(0);
    }

    public Optional<DeployedForm> form(long formKey) {
        return forms.findByKey(formKey);
    }

    public Optional<DeployedForm> latestForm(String formId) {
        return forms.findLatest(formId);
    }

    /**
     * Evaluates a single-hit decision for many sets of facts, with up to {@code inFlight} requests to the engine at a
     * time instead of one after the other; the results (as {@link #evaluateDecisionResult}) in the order of the facts.
     * The latest deployed version decides, as for one evaluation.
     */
    public java.util.List<Object> evaluateDecisionResults(String decisionId, java.util.List<Map<String, Object>> facts, int inFlight) {
        requireNoTransaction("evaluate " + decisionId);
        java.util.List<Object> results = new java.util.ArrayList<>(facts.size());
        java.util.ArrayDeque<io.camunda.client.api.CamundaFuture<io.camunda.client.api.response.EvaluateDecisionResponse>> pending =
                new java.util.ArrayDeque<>();
        for (Map<String, Object> f : facts) {
            if (pending.size() >= Math.max(1, inFlight)) {
                var next = pending.poll();
                results.add(decisionResult(decisionId, call(next::join).getDecisionOutput()));
            }
            pending.add(client.newEvaluateDecisionCommand().decisionId(decisionId).variables(f).requestTimeout(requestTimeout).send());
        }
        while (!pending.isEmpty()) {
            var next = pending.poll();
            results.add(decisionResult(decisionId, call(next::join).getDecisionOutput()));
        }
        return results;
    }

    private static Object decisionResult(String decisionId, String output) {
        try {
            return JSON.readValue(output, Object.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(decisionId + " gave an output that is not JSON: " + output, e);
        }
    }

    private static <T> T call(java.util.function.Supplier<T> command) {
        try {
            return command.get();
        } catch (ClientStatusException e) {
            if (e.getStatusCode() == Status.Code.UNAVAILABLE || e.getStatusCode() == Status.Code.DEADLINE_EXCEEDED
                    || e.getStatusCode() == Status.Code.RESOURCE_EXHAUSTED) {
                throw new EngineUnavailableException(e);
            }
            throw e;
        } catch (CompletionException e) {
            throw new EngineUnavailableException(e);
        }
    }
}
