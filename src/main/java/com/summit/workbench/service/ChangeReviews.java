package com.summit.workbench.service;

import com.summit.engine.EngineEpoch;
import com.summit.engine.EngineUnavailableException;
import com.summit.engine.InstanceOwnership;
import com.summit.engine.ProcessEngine;
import com.summit.engine.ProcessesDeployed;
import com.summit.workbench.domain.ChangeRequest;
import com.summit.workbench.domain.ChangeRequestRepository;
import com.summit.workbench.process.ModelChangeProcess;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Each request that needs four eyes waits for its reviewer in an instance of {@code model-change-approval}: started
 * after the request commits, again after a restart of the embedded engine, and by a sweep for a start that never
 * reached the engine. Each start claims its request, so a start asked twice leaves one task.
 */
@Service
public class ChangeReviews implements InstanceOwnership {

    private static final Logger log = LoggerFactory.getLogger(ChangeReviews.class);

    private final ChangeRequestRepository requests;
    private final ProcessEngine engine;
    private final EngineEpoch epoch;
    private final Duration grace;
    private volatile boolean deployed;

    ChangeReviews(ChangeRequestRepository requests, ProcessEngine engine, EngineEpoch epoch,
            @Value("${summit.opportunity.start-grace:30s}") Duration grace) {
        this.requests = requests;
        this.engine = engine;
        this.epoch = epoch;
        this.grace = grace;
    }

    /** Starts the review of a request just made; a start the engine did not hear is left to the sweep. */
    void start(ChangeRequest request) {
        ProcessEngine.requireNoTransaction("starting the review of model change " + request.id());
        try {
            long instance = engine.start(ModelChangeProcess.PROCESS_ID, variables(request));
            claim(request.id(), instance);
        } catch (EngineUnavailableException e) {
            log.warn("The review of model change {} did not start: the sweep starts it when the engine answers", request.id());
        }
    }

    /** Ends the review of a request taken back. */
    void end(long requestId) {
        requests.reviewInstance(requestId, epoch.value()).ifPresent(instance -> {
            try {
                engine.cancel(instance);
            } catch (RuntimeException e) {
                // its task stays; completing it is refused (the request no longer waits), and the sweep does not restart it
                log.warn("Could not cancel the review {} of withdrawn model change {}: {}", instance, requestId, e.getMessage());
            }
        });
    }

    @EventListener
    @Order(20)
    public void onProcessesDeployed(ProcessesDeployed event) {
        int started = startMissing(Duration.ZERO);
        if (started > 0) {
            log.info("{} model changes wait for their review again", started);
        }
        deployed = true;
    }

    @Scheduled(fixedDelayString = "${summit.opportunity.reconcile-interval:30s}", initialDelayString = "${summit.opportunity.reconcile-interval:30s}")
    public void sweep() {
        if (deployed) {
            startMissing(grace);
        }
    }

    private int startMissing(Duration olderThan) {
        ProcessEngine.requireNoTransaction("starting model change reviews");
        int started = 0;
        for (ChangeRequest request : requests.awaitingReviewInstance(epoch.value(), olderThan)) {
            long instance;
            try {
                instance = engine.start(ModelChangeProcess.PROCESS_ID, variables(request));
            } catch (EngineUnavailableException e) {
                return started;
            }
            if (claim(request.id(), instance)) {
                started++;
            }
        }
        return started;
    }

    private boolean claim(long requestId, long instance) {
        if (requests.claimReview(requestId, instance, epoch.value())) {
            return true;
        }
        log.warn("Model change {} is already reviewed in another instance: cancelling {}", requestId, instance);
        try {
            engine.cancel(instance);
        } catch (RuntimeException e) {
            log.warn("Could not cancel the stray instance {} now: {}", instance, e.getMessage());
        }
        return false;
    }

    /** Codes only: the task page renders the model, the diff and the checks from the request. */
    private static Map<String, Object> variables(ChangeRequest request) {
        return Map.of("requestId", request.id(), "resourceName", request.resourceName(), "requestedBy", request.requestedBy());
    }

    @Override
    public Verdict check(String bpmnProcessId, long processInstanceKey, Map<String, Object> variables) {
        if (!ModelChangeProcess.PROCESS_ID.equals(bpmnProcessId) || !(variables.get("requestId") instanceof Number id)
                || requests.find(id.longValue()).isEmpty()) {
            return Verdict.NOT_MINE;
        }
        return requests.claimReview(id.longValue(), processInstanceKey, epoch.value()) ? Verdict.CURRENT : Verdict.STRAY;
    }
}
