package com.summit.local;

import com.summit.engine.RunningInstances;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.util.ArrayList;
import java.util.Collection;
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
        return ofEach(List.of(processDefinitionKey)).get(processDefinitionKey);
    }

    /** One pass over the record stream, however many definitions are asked for: the stream only grows. */
    @Override
    public Map<Long, List<RunningInstance>> ofEach(Collection<Long> processDefinitionKeys) {
        Map<Long, Active> active = new LinkedHashMap<>();
        List<Record<?>> records = runtime.records();
        for (int i = 0, n = records.size(); i < n; i++) {
            Record<?> record = records.get(i);
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
        Map<Long, Long> definitionOf = new HashMap<>();
        for (Active a : active.values()) {
            if (a.type() == BpmnElementType.PROCESS) {
                definitionOf.put(a.processInstanceKey(), a.processDefinitionKey());
                byInstance.computeIfAbsent(a.processInstanceKey(), k -> new ArrayList<>());
            } else {
                byInstance.computeIfAbsent(a.processInstanceKey(), k -> new ArrayList<>()).add(a.elementId());
            }
        }
        Map<Long, List<RunningInstance>> result = new LinkedHashMap<>();
        processDefinitionKeys.forEach(key -> result.put(key, new ArrayList<>()));
        byInstance.forEach((instance, elements) -> {
            List<RunningInstance> of = result.get(definitionOf.get(instance));
            if (of != null) {
                of.add(new RunningInstance(instance, List.copyOf(elements)));
            }
        });
        result.replaceAll((key, list) -> List.copyOf(list));
        return result;
    }
}
