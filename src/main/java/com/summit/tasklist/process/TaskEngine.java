package com.summit.tasklist.process;

import java.util.Map;

/**
 * The engine side of human tasks, kept behind one small interface: today job-worker user tasks
 * ({@code io.camunda.zeebe:userTask} jobs); a second adapter can serve Camunda user tasks.
 */
public interface TaskEngine {

    /**
     * Completes the step with the submitted values. Throws {@code EngineUnavailableException} when the engine refused
     * the request (it did nothing); answers {@link Completion#UNCERTAIN} when the answer did not come in time.
     */
    Completion complete(long jobKey, Map<String, Object> variables);

    /**
     * Whether the engine still waits for this step. Also renews the step's claim on the job, so that
     * a task someone is working on is never handed to a second worker.
     */
    Liveness probe(long jobKey);

    enum Liveness {
        ALIVE,
        /** The engine no longer has the job: its element was ended (boundary event, cancellation, …). */
        GONE,
        /** The engine did not answer; ask again later. */
        UNKNOWN
    }

    enum Completion {
        COMPLETED,
        /** The engine no longer has the step: the process moved on without it (or an earlier attempt completed it). */
        GONE,
        /** No answer in time: the engine may or may not have completed the step; ask again with the same values. */
        UNCERTAIN
    }
}
