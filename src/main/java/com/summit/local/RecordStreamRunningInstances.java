package com.summit.local;

import com.summit.engine.RunningInstances;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded engine has no search API: its running instances are read from its record stream. An element is active
 * from its activation to its completion or termination, and a migration moves it to another element and definition.
 */
class RecordStreamRunningInstances implements RunningInstances {

    private final LocalRuntime runtime;

    RecordStreamRunningInstances(LocalRuntime runtime) {
        this.runtime = runtime;
    }

    private record Active(long processInstanceKey, long processDefinitionKey, String elementId, BpmnElementType type) {}

    @Override
    public List<RunningInstance> of(long processDefinitionKey) {
        Map<Long, Active> active = new LinkedHashMap<>();
        for (Record<?> record : runtime.engine().getRecordStreamSource().getRecords()) {
            if (record.getRecordType() != RecordType.EVENT || record.getValueType() != ValueType.PROCESS_INSTANCE
                    || !(record.getValue() instanceof ProcessInstanceRecordValue value)) {
                continue;
            }
            switch ((ProcessInstanceIntent) record.getIntent()) {
                case ELEMENT_ACTIVATED, ELEMENT_MIGRATED -> active.put(record.getKey(), new Active(value.getProcessInstanceKey(),
                        value.getProcessDefinitionKey(), value.getElementId(), value.getBpmnElementType()));
                case ELEMENT_COMPLETED, ELEMENT_TERMINATED -> active.remove(record.getKey());
                default -> { }
            }
        }
        Map<Long, List<String>> byInstance = new LinkedHashMap<>();
        Map<Long, Boolean> ofDefinition = new HashMap<>();
        for (Active a : active.values()) {
            if (a.type() == BpmnElementType.PROCESS) {
                ofDefinition.put(a.processInstanceKey(), a.processDefinitionKey() == processDefinitionKey);
                byInstance.computeIfAbsent(a.processInstanceKey(), k -> new ArrayList<>());
            } else {
                byInstance.computeIfAbsent(a.processInstanceKey(), k -> new ArrayList<>()).add(a.elementId());
            }
        }
        return byInstance.entrySet().stream().filter(e -> ofDefinition.getOrDefault(e.getKey(), false))
                .map(e -> new RunningInstance(e.getKey(), List.copyOf(e.getValue()))).toList();
    }
}
