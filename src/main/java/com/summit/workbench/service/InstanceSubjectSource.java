package com.summit.workbench.service;

import java.util.Collection;
import java.util.Map;

/**
 * A feature whose records run as instances of a process (a deal's lifecycle) names them for the migration page: what
 * each instance is about and, where the feature has stages, which stage it is in.
 */
public interface InstanceSubjectSource {

    /** The process this source names the instances of. */
    String bpmnProcessId();

    /** What each of these instances (keys of this engine's epoch) is about; an instance it does not know is left out. */
    Map<Long, Subject> subjects(Collection<Long> processInstanceKeys);

    /** Every stage its records can be in, in order: the code with the message key of its name. */
    default Map<String, String> stages() {
        return Map.of();
    }

    /**
     * A record's id and name, and its stage: a code with the message key of its name, and the element that stands for
     * it (to filter instances by stage).
     */
    record Subject(long recordId, String name, String stageCode, String stageMessageKey) {}
}
