package com.summit.tasklist.process;

import com.summit.engine.EngineUnavailableException;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Job-worker user tasks: completing the task completes its job. */
@Component
class JobWorkerTaskEngine implements TaskEngine {

    private final CamundaClient client;
    private final Duration requestTimeout;
    private final Duration userTaskTimeout;

    JobWorkerTaskEngine(CamundaClient client, @Value("${summit.engine.request-timeout:10s}") Duration requestTimeout,
            @Value("${summit.engine.user-task-timeout:30d}") Duration userTaskTimeout) {
        this.client = client;
        this.requestTimeout = requestTimeout;
        this.userTaskTimeout = userTaskTimeout;
    }

    /**
     * Sets the job's timeout again. The engine answers NOT_FOUND once the job is gone: completed, or
     * cancelled because its element was terminated by a boundary event, an event subprocess, a
     * cancelled instance or a modification. A job that timed out and waits to be activated again is
     * refused with another status: it is still work.
     */
    @Override
    public Liveness probe(long jobKey) {
        try {
            client.newUpdateTimeoutCommand(jobKey).timeout(userTaskTimeout).requestTimeout(requestTimeout).send().join();
            return Liveness.ALIVE;
        } catch (ClientStatusException e) {
            return switch (e.getStatusCode()) {
                case NOT_FOUND -> Liveness.GONE;
                case UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, INTERNAL, UNKNOWN -> Liveness.UNKNOWN;
                default -> Liveness.ALIVE;
            };
        } catch (CompletionException e) {
            return Liveness.UNKNOWN;
        }
    }

    @Override
    public Completion complete(long jobKey, Map<String, Object> variables) {
        try {
            client.newCompleteCommand(jobKey).variables(variables).requestTimeout(requestTimeout).send().join();
            return Completion.COMPLETED;
        } catch (ClientStatusException e) {
            return switch (e.getStatusCode()) {
                case NOT_FOUND -> Completion.GONE;
                // the request may have reached the engine: only asking again tells
                case DEADLINE_EXCEEDED, CANCELLED, UNKNOWN, INTERNAL -> Completion.UNCERTAIN;
                default -> throw new EngineUnavailableException(e);
            };
        } catch (CompletionException e) {
            return Completion.UNCERTAIN;
        }
    }
}
