package com.summit.tasklist.domain;

public enum TaskState {
    OPEN,
    /** Submitted and committed; the engine's confirmation is awaited (or is being settled by the sweep). */
    SUBMITTING,
    COMPLETED,
    /** The engine ended the step without a person: a boundary event, a cancelled instance, an engine restart. */
    CANCELED
}
