package com.summit.tasklist.domain;

import java.time.Instant;

/**
 * One thing that happened to a task: who, what, when (and to whom, for an assignment); with the task's process,
 * element and, for a department's review, the department's code, so that its name can be said in the reader's
 * language.
 */
public record TaskEvent(long taskId, String taskName, Type type, String actor, String target, Instant at, String bpmnProcessId,
        String elementId, String department) {

    public enum Type {
        CREATED,
        CLAIMED,
        UNCLAIMED,
        ASSIGNED,
        COMPLETED,
        CANCELED,
        ATTACHED,
        REMOVED_ATTACHMENT,
        MIGRATED
    }
}
