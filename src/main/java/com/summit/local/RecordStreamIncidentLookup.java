package com.summit.local;

import com.summit.engine.IncidentLookup;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/** The embedded engine has no search API: its incidents are read from its record stream (created and not resolved). */
class RecordStreamIncidentLookup implements IncidentLookup {

    private final LocalRuntime runtime;

    RecordStreamIncidentLookup(LocalRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public OptionalLong incidentOf(long jobKey) {
        Long created = null;
        Set<Long> resolved = new HashSet<>();
        List<Record<?>> records = runtime.records();
        for (int i = 0, n = records.size(); i < n; i++) {
            Record<?> record = records.get(i);
            if (record.getValueType() != ValueType.INCIDENT || !(record.getValue() instanceof IncidentRecordValue value)
                    || value.getJobKey() != jobKey) {
                continue;
            }
            if (record.getIntent() == IncidentIntent.CREATED) {
                created = record.getKey();
            } else if (record.getIntent() == IncidentIntent.RESOLVED) {
                resolved.add(record.getKey());
            }
        }
        return created == null || resolved.contains(created) ? OptionalLong.empty() : OptionalLong.of(created);
    }
}
