package com.summit.tasklist.process;

import com.summit.engine.EngineUnavailableException;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
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

    JobWorkerTaskEngine(CamundaClient client, @Value("${summit.engine.request-timeout:10s}") Duration requestTimeout) {
        this.client = client;
        this.requestTimeout = requestTimeout;
    }

    @Override
    public Completion complete(long jobKey, Map<String, Object> variables) {
        try {
            client.newCompleteCommand(jobKey).variables(variables).requestTimeout(requestTimeout).send().join();
            return Completion.COMPLETED;
        } catch (ClientStatusException e) {
            if (e.getStatusCode() == Status.Code.NOT_FOUND) {
                return Completion.GONE;
            }
            throw new EngineUnavailableException(e);
        } catch (CompletionException e) {
            throw new EngineUnavailableException(e);
        }
    }
}
