package com.summit.opportunity.service;

import com.summit.base.i18n.Messages;
import com.summit.opportunity.domain.GateResult;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.domain.Stage;
import com.summit.opportunity.process.LifecycleProcess;
import com.summit.security.domain.SummitUser;
import com.summit.tasklist.domain.HumanTask;
import com.summit.tasklist.service.SubmissionFeedback;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A rep who submits a stage task asking to advance hears the gate's answer there and then: passed (the deal is in the
 * next stage), or not, with what is unmet in words; for the stages whose gate waits for a review or the veto approval,
 * that it went to them. The process evaluates the gate a moment after the submission; this waits a few seconds for it.
 */
@Component
class GateFeedback implements SubmissionFeedback {

    private final OpportunityService opportunities;
    private final GateService gates;
    private final Messages messages;
    private final Duration wait;

    GateFeedback(OpportunityService opportunities, GateService gates, Messages messages,
            @Value("${summit.opportunity.gate-feedback-wait:5s}") Duration wait) {
        this.opportunities = opportunities;
        this.gates = gates;
        this.messages = messages;
        this.wait = wait;
    }

    @Override
    public Optional<String> feedback(HumanTask task, Map<String, Object> submitted, Instant since, SummitUser user, Locale locale) {
        if (!LifecycleProcess.PROCESS_ID.equals(task.bpmnProcessId()) || !LifecycleProcess.STAGE_TASKS.contains(task.elementId())
                || task.opportunityId() == null || !Boolean.TRUE.equals(submitted.get(LifecycleProcess.VAR_REQUEST_ADVANCE))) {
            return Optional.empty();
        }
        Optional<Opportunity> deal = opportunities.findVisible(task.opportunityId(), user);
        if (deal.isEmpty()) {
            return Optional.empty();
        }
        Stage stage = deal.get().stage();
        if (stage == Stage.SOLUTION_DESIGN) {
            return Optional.of(messages.getTranslation("gate.feedback.toReview", locale));
        }
        if (LifecycleProcess.approvalElement(stage).isPresent()) {
            return Optional.of(messages.getTranslation("gate.feedback.toApproval", locale));
        }
        Instant deadline = Instant.now().plus(wait);
        Optional<GateResult> result = gates.firstSince(task.opportunityId(), since);
        while (result.isEmpty() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            result = gates.firstSince(task.opportunityId(), since);
        }
        if (result.isEmpty()) {
            return Optional.of(messages.getTranslation("gate.feedback.pending", locale));
        }
        GateResult gate = result.get();
        if (gate.passed()) {
            return Optional.of(gate.stage().next()
                    .map(next -> messages.getTranslation("gate.feedback.passed", locale, next.number(), messages.getTranslation(next.messageKey(), locale)))
                    .orElseGet(() -> messages.getTranslation("gate.feedback.won", locale)));
        }
        return Optional.of(messages.getTranslation("gate.feedback.refused", locale, String.join(messages.getTranslation("common.clauseSeparator", locale), gates.describe(task.opportunityId(), gate, locale))));
    }
}
