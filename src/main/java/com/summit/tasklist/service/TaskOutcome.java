package com.summit.tasklist.service;

/** What became of a submitted task. */
public enum TaskOutcome {
    COMPLETED,
    /** The process had already moved on without this step; the task left the inbox. */
    GONE,
    /** Taken and kept; the engine's confirmation is late, and Summit completes the step once it answers. */
    SUBMITTED
}
