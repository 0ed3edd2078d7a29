package com.summit.tasklist.domain;

import java.time.Instant;
import java.util.List;

/** A user-task job as captured from the engine. */
public record NewTask(
        long jobKey,
        String engineEpoch,
        long processInstanceKey,
        long processDefinitionKey,
        String bpmnProcessId,
        String elementId,
        long elementInstanceKey,
        String name,
        Long formKey,
        String assignee,
        List<String> candidateGroups,
        List<String> candidateUsers,
        Instant dueAt,
        Instant followUpAt,
        int priority,
        String variablesJson,
        Long opportunityId) {}
