package com.summit.opportunity.service;

import com.summit.engine.ProcessEngine;
import com.summit.engine.ProcessesDeployed;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.domain.OpportunityRepository;
import com.summit.opportunity.process.LifecycleProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * After the start-up deployment, every open opportunity without a live process instance gets a new one,
 * started before its current stage (a start instruction). The embedded engine forgets its instances when
 * the app stops; the same mechanism takes over a pipeline imported from another CRM.
 */
@Service
class OpportunityReconciler {

    private static final Logger log = LoggerFactory.getLogger(OpportunityReconciler.class);

    private final OpportunityRepository opportunities;
    private final OpportunityService service;
    private final ProcessEngine engine;

    OpportunityReconciler(OpportunityRepository opportunities, OpportunityService service, ProcessEngine engine) {
        this.opportunities = opportunities;
        this.service = service;
        this.engine = engine;
    }

    /** Runs after the inbox has let go of the tasks of an earlier engine run (order 0). */
    @EventListener
    @Order(10)
    public void onProcessesDeployed(ProcessesDeployed deployed) {
        int restarted = 0;
        for (Opportunity o : opportunities.findOpen()) {
            if (o.processInstanceKey() != null && engine.isAlive(o.processInstanceKey(), o.engineEpoch())) {
                continue;
            }
            // a paused deal waits for its resumption again; an open one starts before its stage
            String at = o.status() == com.summit.opportunity.domain.OpportunityStatus.PAUSED ? LifecycleProcess.WAIT_FOR_RESUME : o.stage().elementId();
            long instance = engine.startAt(LifecycleProcess.PROCESS_ID, at, service.variables(o));
            opportunities.attachInstance(o.id(), instance, engine.epoch());
            restarted++;
        }
        // a won deal whose hand-over was open when the engine stopped gets its hand-over task again
        for (Opportunity o : opportunities.findWonAwaitingHandover(LifecycleProcess.TASK_HANDOVER)) {
            if (o.processInstanceKey() != null && engine.isAlive(o.processInstanceKey(), o.engineEpoch())) {
                continue;
            }
            long instance = engine.startAt(LifecycleProcess.PROCESS_ID, LifecycleProcess.TASK_HANDOVER, service.variables(o));
            opportunities.attachInstance(o.id(), instance, engine.epoch());
            restarted++;
        }
        if (restarted > 0) {
            log.info("Reconciled {} open opportunities: each has a new process instance at its current stage", restarted);
        }
    }
}
