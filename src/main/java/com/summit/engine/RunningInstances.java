package com.summit.engine;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The running instances of one process definition, each with the elements it is active in now (its own, not those of
 * the processes it called). Local mode reads the embedded engine's record stream; a cluster answers through its search
 * API.
 */
public interface RunningInstances {

    List<RunningInstance> of(long processDefinitionKey);

    /** The running instances of each of these definitions (a source that reads everything at once does it once). */
    default Map<Long, List<RunningInstance>> ofEach(Collection<Long> processDefinitionKeys) {
        Map<Long, List<RunningInstance>> result = new LinkedHashMap<>();
        processDefinitionKeys.forEach(key -> result.put(key, of(key)));
        return result;
    }

    /** One running instance and the ids of the elements active in it (sub-processes included, the process itself not). */
    record RunningInstance(long processInstanceKey, List<String> activeElementIds) {}
}
