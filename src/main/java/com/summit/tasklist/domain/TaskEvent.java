package com.summit.tasklist.domain;

import java.time.Instant;

/** One thing that happened to a task: who, what, when (and to whom, for an assignment). */
public record TaskEvent(long taskId, String taskName, Type type, String actor, String target, Instant at) {

    public enum Type {
        CREATED,
        CLAIMED,
        UNCLAIMED,
        ASSIGNED,
        COMPLETED,
        CANCELED,
        ATTACHED,
        REMOVED_ATTACHMENT
    }
}
