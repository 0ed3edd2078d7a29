package com.summit.engine;

import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.JobError;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.DefaultJobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What happens when a job worker throws. The client's default fails the job at once, with no delay, so three quick
 * failures made an incident nobody saw. Here the job is failed with one retry less and a growing delay (the base
 * delay, then six times as long, and so on), and every failure is recorded: a job out of retries is an incident that
 * admins see on /operations, with its error and a "retry" button. BPMN errors and explicit job errors keep the
 * client's handling.
 */
@Component
class JobFailures implements JobExceptionHandlingStrategy {

    private static final Logger log = LoggerFactory.getLogger(JobFailures.class);
    static final int MESSAGE_MAX = 4000;

    private final DefaultJobExceptionHandlingStrategy explicit;
    private final JobIncidentRepository incidents;
    private final EngineEpoch epoch;
    private final Duration baseDelay;

    JobFailures(CommandExceptionHandlingStrategy commands, MetricsRecorder metrics, JobIncidentRepository incidents, EngineEpoch epoch,
            @Value("${summit.engine.retry-backoff:5s}") Duration baseDelay) {
        this.explicit = new DefaultJobExceptionHandlingStrategy(commands, metrics);
        this.incidents = incidents;
        this.epoch = epoch;
        this.baseDelay = baseDelay;
    }

    @Override
    public void handleException(Exception e, ExceptionHandlingContext context) throws Exception {
        if (e instanceof BpmnError || e instanceof JobError) {
            explicit.handleException(e, context);
            return;
        }
        ActivatedJob job = context.job();
        int retriesLeft = retriesLeft(job.getRetries(), failuresBefore(job));
        Duration delay = delay(job.getRetries(), retriesLeft);
        String message = message(e);
        try {
            incidents.record(new JobIncidentRepository.Failure(epoch.value(), job.getKey(), job.getType(), job.getBpmnProcessId(),
                    job.getProcessDefinitionKey(), job.getElementId(), job.getProcessInstanceKey(), opportunityId(job), retriesLeft, message));
        } catch (RuntimeException recordFailed) {
            log.error("Could not record the failure of job {} ({}): {}", job.getKey(), job.getType(), recordFailed.getMessage());
        }
        if (retriesLeft > 0) {
            log.warn("Job {} ({} in {}) failed, {} retries left, next in {}: {}", job.getKey(), job.getType(), job.getBpmnProcessId(),
                    retriesLeft, delay, message);
        } else {
            log.error("Job {} ({} in {}, instance {}) is out of retries and becomes an incident: {}", job.getKey(), job.getType(),
                    job.getBpmnProcessId(), job.getProcessInstanceKey(), message, e);
        }
        context.jobClient().newFailCommand(job.getKey()).retries(retriesLeft).retryBackoff(retriesLeft > 0 ? delay : Duration.ZERO)
                .errorMessage(message).send()
                .exceptionally(failed -> {
                    log.warn("The engine did not take the failure of job {}: {} (the job times out and is tried again)", job.getKey(),
                            failed.getMessage());
                    return null;
                });
    }

    /** Every job is tried at least this often, even one the engine gives a single attempt (a user task's job). */
    static final int MIN_ATTEMPTS = 3;

    /**
     * The retries a failed job keeps: one less than it had, but never fewer than it needs to be tried {@link #MIN_ATTEMPTS}
     * times in all (a passing database fault while a user task is taken must not make an incident at once).
     */
    static int retriesLeft(int retries, int failuresBefore) {
        return Math.max(0, Math.max(retries - 1, MIN_ATTEMPTS - (failuresBefore + 1)));
    }

    private int failuresBefore(ActivatedJob job) {
        try {
            return incidents.failures(epoch.value(), job.getKey());
        } catch (RuntimeException e) {
            // the count cannot be read: the engine's retries alone bound the attempts
            return MIN_ATTEMPTS;
        }
    }

    /** The first retry after the base delay, each later one six times as long (5 s, 30 s, 3 min with the defaults). */
    Duration delay(int retriesBefore, int retriesLeft) {
        int attempt = Math.max(0, 2 - Math.min(retriesLeft, 2));
        return baseDelay.multipliedBy((long) Math.pow(6, attempt));
    }

    static String message(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < MESSAGE_MAX; t = t.getCause() == t ? null : t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" ← ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage());
            }
        }
        return text.length() > MESSAGE_MAX ? text.substring(0, MESSAGE_MAX) : text.toString();
    }

    private static Long opportunityId(ActivatedJob job) {
        try {
            return job.getVariablesAsMap().get("opportunityId") instanceof Number n ? n.longValue() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
