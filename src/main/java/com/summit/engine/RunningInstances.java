package com.summit.engine;

import java.util.List;

/**
 * The running instances of one process definition, each with the elements it is active in now (its own, not those of
 * the processes it called). Local mode reads the embedded engine's record stream; a cluster answers through its search
 * API.
 */
public interface RunningInstances {

    List<RunningInstance> of(long processDefinitionKey);

    /** One running instance and the ids of the elements active in it (sub-processes included, the process itself not). */
    record RunningInstance(long processInstanceKey, List<String> activeElementIds) {}
}
