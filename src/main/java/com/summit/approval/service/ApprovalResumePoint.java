package com.summit.approval.service;

import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.process.LifecycleProcess;
import com.summit.opportunity.service.LifecycleResumePoint;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A deal whose veto approval had a round under way when the engine forgot it continues in that approval: the same
 * round, with the reviews not decided yet back in the departments' inboxes, or, when the round was vetoed and the owner
 * had not reworked it yet, the rework back in the owner's inbox (the engine starts from the saved stage work; the
 * approval takes the terms of its own rounds).
 */
@Component
class ApprovalResumePoint implements LifecycleResumePoint {

    private final ApprovalRounds approvals;

    ApprovalResumePoint(ApprovalRounds approvals) {
        this.approvals = approvals;
    }

    @Override
    public Optional<String> resumeAt(Opportunity opportunity) {
        return LifecycleProcess.approvalElement(opportunity.stage())
                .filter(element -> approvals.hasRoundUnderWay(opportunity.id(), opportunity.stage().name()));
    }
}
