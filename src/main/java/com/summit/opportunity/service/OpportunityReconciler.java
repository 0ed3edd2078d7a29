package com.summit.opportunity.service;

import com.summit.engine.EngineUnavailableException;
import com.summit.engine.ProcessEngine;
import com.summit.engine.ProcessesDeployed;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.domain.OpportunityRepository;
import com.summit.opportunity.domain.OpportunityStatus;
import com.summit.opportunity.process.LifecycleProcess;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Every open deal runs in exactly one lifecycle instance. After the start-up deployment, every open opportunity
 * without a live process instance gets a new one, started before its current stage (a start instruction): the
 * embedded engine forgets its instances when the app stops, and the same mechanism takes over a pipeline imported
 * from another CRM. A sweep starts the deals whose start did not reach the engine (it was down, or its answer was
 * lost), and the claims whose verification did not start.
 */
@Service
class OpportunityReconciler {

    private static final Logger log = LoggerFactory.getLogger(OpportunityReconciler.class);

    private final OpportunityRepository opportunities;
    private final OpportunityService service;
    private final ScorecardService scorecards;
    private final ProcessEngine engine;
    private final Duration grace;
    private final java.util.List<LifecycleResumePoint> resumePoints;
    private volatile boolean deployed;

    OpportunityReconciler(OpportunityRepository opportunities, OpportunityService service, ScorecardService scorecards, ProcessEngine engine,
            @Value("${summit.opportunity.start-grace:30s}") Duration grace, java.util.List<LifecycleResumePoint> resumePoints) {
        this.resumePoints = resumePoints;
        this.opportunities = opportunities;
        this.service = service;
        this.scorecards = scorecards;
        this.engine = engine;
        this.grace = grace;
    }

    /** Runs after the inbox has let go of the tasks of an earlier engine run (order 0). */
    @EventListener
    @Order(10)
    public void onProcessesDeployed(ProcessesDeployed event) {
        int restarted = 0;
        for (Opportunity o : opportunities.findOpen()) {
            if (o.processInstanceKey() != null && engine.isAlive(o.processInstanceKey(), o.engineEpoch())) {
                continue;
            }
            restarted += restart(o) ? 1 : 0;
        }
        // a won deal whose hand-over was open when the engine stopped gets its hand-over task again
        for (Opportunity o : opportunities.findWonAwaitingHandover(LifecycleProcess.TASK_HANDOVER)) {
            if (o.processInstanceKey() != null && engine.isAlive(o.processInstanceKey(), o.engineEpoch())) {
                continue;
            }
            if (o.processInstanceKey() != null) {
                opportunities.releaseInstance(o.id(), o.processInstanceKey());
            }
            restarted += service.startLifecycle(o, LifecycleProcess.TASK_HANDOVER) ? 1 : 0;
        }
        if (restarted > 0) {
            log.info("Reconciled {} open opportunities: each has a new process instance at its current stage", restarted);
        }
        deployed = true;
    }

    /**
     * Deals stored without a running lifecycle for longer than the grace period, and claims without a running
     * verification, are started now. Each start claims its deal, so a start asked twice leaves one instance.
     */
    @Scheduled(fixedDelayString = "${summit.opportunity.reconcile-interval:30s}", initialDelayString = "${summit.opportunity.reconcile-interval:30s}")
    public void sweep() {
        if (!deployed) {
            return;
        }
        for (Opportunity o : opportunities.findOpenWithoutInstance(grace)) {
            try {
                if (!restart(o)) {
                    // the engine does not answer: the others would wait the same timeout each; next sweep
                    log.info("Reconciliation sweep: the engine does not answer, trying again later");
                    return;
                }
            } catch (RuntimeException e) {
                // one deal the engine refuses (a model changed under it) must not stop the others
                log.error("Reconciliation sweep: deal {} could not be started: {}", o.id(), e.getMessage());
            }
        }
        try {
            scorecards.restartVerifications(grace);
        } catch (RuntimeException e) {
            log.error("Reconciliation sweep: claims could not be put before their managers: {}", e.getMessage());
        }
    }

    private boolean restart(Opportunity o) {
        if (o.processInstanceKey() != null) {
            opportunities.releaseInstance(o.id(), o.processInstanceKey());
        }
        // a paused deal waits for its resumption again; an open one starts where its work was under way, else before its stage
        String at = o.status() == OpportunityStatus.PAUSED ? LifecycleProcess.WAIT_FOR_RESUME
                : resumePoints.stream().map(p -> p.resumeAt(o)).flatMap(java.util.Optional::stream).findFirst().orElse(o.stage().elementId());
        return service.startLifecycle(o, at);
    }
}
