package com.summit.tasklist.domain;

public enum TaskState {
    OPEN,
    COMPLETED,
    /** The engine ended the step without a person: a boundary event, a cancelled instance, an engine restart. */
    CANCELED
}
