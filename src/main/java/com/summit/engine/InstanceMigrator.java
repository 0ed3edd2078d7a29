package com.summit.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Moves running instances onto another version of their process, with Zeebe's process-instance migration, one instance
 * per command: the engine checks each and refuses it as a whole, so an instance is either moved or left where it was.
 */
@Component
public class InstanceMigrator {

    private final CamundaClient client;
    private final RunningInstances running;
    private final DeployedProcessRepository processes;
    private final Duration requestTimeout;

    InstanceMigrator(CamundaClient client, ObjectProvider<RunningInstances> running, DeployedProcessRepository processes,
            @Value("${summit.engine.request-timeout:10s}") Duration requestTimeout) {
        this.client = client;
        this.processes = processes;
        this.requestTimeout = requestTimeout;
        this.running = running.getIfAvailable(() -> new SearchApiRunningInstances(client, requestTimeout));
    }

    /** The running instances of a process's version, as the engine numbers it (which is the workbench's number). */
    public List<RunningInstances.RunningInstance> running(String bpmnProcessId, int version) {
        ProcessEngine.requireNoTransaction("list the running instances of " + bpmnProcessId);
        return definitionKey(bpmnProcessId, version).map(running::of).orElse(List.of());
    }

    /** How many instances run on each of these versions of a process (a version the engine does not have counts none). */
    public Map<Integer, Integer> runningCounts(String bpmnProcessId, List<Integer> versions) {
        ProcessEngine.requireNoTransaction("count the running instances of " + bpmnProcessId);
        Map<Integer, Long> keys = new java.util.LinkedHashMap<>();
        versions.forEach(v -> definitionKey(bpmnProcessId, v).ifPresent(key -> keys.put(v, key)));
        Map<Long, List<RunningInstances.RunningInstance>> running = this.running.ofEach(keys.values());
        Map<Integer, Integer> counts = new java.util.LinkedHashMap<>();
        versions.forEach(v -> counts.put(v, keys.containsKey(v) ? running.getOrDefault(keys.get(v), List.of()).size() : 0));
        return counts;
    }

    /** The definition key of a process's version in the engine now (keys change when the embedded engine restarts). */
    public Optional<Long> definitionKey(String bpmnProcessId, int version) {
        return processes.keyOf(bpmnProcessId, version);
    }

    /**
     * Migrates one instance. Every mapping is sent, active element or not (the engine uses those it needs): the same ids
     * for what did not change, including the catch events the instance is subscribed to, and the owner's choices.
     */
    public void migrate(long processInstanceKey, long targetDefinitionKey, Map<String, String> mapping) {
        ProcessEngine.requireNoTransaction("migrate instance " + processInstanceKey);
        if (mapping.isEmpty()) {
            throw new MigrationRefusedException("no mapping instructions", null);
        }
        var entries = List.copyOf(mapping.entrySet());
        var command = client.newMigrateProcessInstanceCommand(processInstanceKey).migrationPlan(targetDefinitionKey)
                .addMappingInstruction(entries.getFirst().getKey(), entries.getFirst().getValue());
        for (var e : entries.subList(1, entries.size())) {
            command = command.addMappingInstruction(e.getKey(), e.getValue());
        }
        var finalCommand = command;
        try {
            finalCommand.requestTimeout(requestTimeout).send().join();
        } catch (ClientStatusException e) {
            Status.Code code = e.getStatusCode();
            if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED || code == Status.Code.RESOURCE_EXHAUSTED) {
                throw new EngineUnavailableException(e);
            }
            throw new MigrationRefusedException(MigrationRefusedException.reasonOf(e.getMessage()), e);
        } catch (java.util.concurrent.CompletionException e) {
            throw new EngineUnavailableException(e);
        }
    }
}
