package com.summit.customer.service;

import com.summit.customer.domain.TieringRepository;
import com.summit.customer.process.TieringProcess;
import com.summit.engine.EngineEpoch;
import com.summit.engine.EngineUnavailableException;
import com.summit.engine.InstanceOwnership;
import com.summit.engine.ProcessEngine;
import com.summit.engine.ProcessesDeployed;
import com.summit.security.service.UserService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Every pending strategic downgrade waits for the manager in its own instance of {@code customer-downgrade}: started
 * after the re-tiering batch commits, again after a restart of the embedded engine, and by a sweep for a start that never
 * reached the engine. Each start claims its change, so a start asked twice leaves one task.
 */
@Service
public class DowngradeConfirmations implements InstanceOwnership {

    private static final Logger log = LoggerFactory.getLogger(DowngradeConfirmations.class);

    private final TieringRepository tiering;
    private final ProcessEngine engine;
    private final EngineEpoch epoch;
    private final UserService users;
    private final Duration grace;
    private volatile boolean deployed;

    DowngradeConfirmations(TieringRepository tiering, ProcessEngine engine, EngineEpoch epoch, UserService users,
            @Value("${summit.opportunity.start-grace:30s}") Duration grace) {
        this.tiering = tiering;
        this.engine = engine;
        this.epoch = epoch;
        this.users = users;
        this.grace = grace;
    }

    /** Starts the confirmations that have no instance on this engine yet (after a batch: all of them, at once). */
    public int startPending() {
        return start(Duration.ZERO);
    }

    @EventListener
    @Order(20)
    public void onProcessesDeployed(ProcessesDeployed event) {
        int started = start(Duration.ZERO);
        if (started > 0) {
            log.info("{} strategic downgrades wait for their manager again", started);
        }
        deployed = true;
    }

    @Scheduled(fixedDelayString = "${summit.opportunity.reconcile-interval:30s}", initialDelayString = "${summit.opportunity.reconcile-interval:30s}")
    public void sweep() {
        if (deployed) {
            start(grace);
        }
    }

    private int start(Duration olderThan) {
        ProcessEngine.requireNoTransaction("starting downgrade confirmations");
        List<TieringRepository.Pending> pending = tiering.pendingWithoutConfirmation(epoch.value(), olderThan);
        int started = 0;
        for (TieringRepository.Pending p : pending) {
            long instance;
            try {
                instance = engine.start(TieringProcess.DOWNGRADE_PROCESS_ID, variables(p));
            } catch (EngineUnavailableException e) {
                log.warn("The confirmation of downgrade {} did not start: the sweep starts it when the engine answers", p.changeId());
                return started;
            }
            if (tiering.claimConfirmation(p.changeId(), instance, epoch.value())) {
                started++;
            } else {
                log.warn("Downgrade {} is already waiting in another instance: cancelling {}", p.changeId(), instance);
                try {
                    engine.cancel(instance);
                } catch (RuntimeException e) {
                    log.warn("Could not cancel the stray instance {} now: {}", instance, e.getMessage());
                }
            }
        }
        return started;
    }

    /** The confirmation's variables: codes only; the task page renders the tier and the reason ({@link DowngradeTaskContext}). */
    Map<String, Object> variables(TieringRepository.Pending p) {
        return new TieringService.PendingDowngrade(p.changeId(), p.customerId(), p.customerName(), p.owner(), users.managerFor(p.owner()),
                p.from().name(), p.to().name(), p.reason()).asVariables();
    }

    /** A confirmation task whose change waits in another instance is a stray (a start asked twice). */
    @Override
    public Verdict check(String bpmnProcessId, long processInstanceKey, Map<String, Object> variables) {
        if (!TieringProcess.DOWNGRADE_PROCESS_ID.equals(bpmnProcessId) || !(variables.get("changeId") instanceof Number change)) {
            return Verdict.NOT_MINE;
        }
        if (tiering.change(change.longValue()).isEmpty()) {
            return Verdict.NOT_MINE;
        }
        return tiering.claimConfirmation(change.longValue(), processInstanceKey, epoch.value()) ? Verdict.CURRENT : Verdict.STRAY;
    }
}
