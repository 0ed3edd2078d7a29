package com.summit.tasklist.process;

import java.util.Map;

/**
 * The engine side of human tasks, kept behind one small interface: today job-worker user tasks
 * ({@code io.camunda.zeebe:userTask} jobs); a second adapter can serve Camunda user tasks.
 */
public interface TaskEngine {

    /** Completes the step with the submitted values. */
    Completion complete(long jobKey, Map<String, Object> variables);

    enum Completion {
        COMPLETED,
        /** The engine no longer has the step: the process moved on without it. */
        GONE
    }
}
