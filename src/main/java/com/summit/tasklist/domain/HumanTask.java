package com.summit.tasklist.domain;

import java.time.Instant;
import java.util.List;

/** One human step of a process, as it sits in the inbox. */
public record HumanTask(
        long id,
        long jobKey,
        String engineEpoch,
        long processInstanceKey,
        long processDefinitionKey,
        String bpmnProcessId,
        String elementId,
        String name,
        Long formKey,
        String assignee,
        List<String> candidateGroups,
        List<String> candidateUsers,
        Instant dueAt,
        Instant followUpAt,
        int priority,
        String variablesJson,
        Long opportunityId,
        TaskState state,
        String endReason,
        Instant createdAt,
        Instant completedAt,
        String completedBy) {

    public boolean isOpen() {
        return state == TaskState.OPEN;
    }
}
