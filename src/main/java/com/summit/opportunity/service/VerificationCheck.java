package com.summit.opportunity.service;

import com.summit.base.UserFacingException;
import com.summit.opportunity.domain.ScorecardRepository;
import com.summit.opportunity.process.LifecycleProcess;
import com.summit.security.domain.SummitUser;
import com.summit.tasklist.domain.HumanTask;
import com.summit.tasklist.service.TaskSubmissionCheck;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A claim is verified by someone who manages the deal, never by the person who made it. */
@Component
class VerificationCheck implements TaskSubmissionCheck {

    private final OpportunityService opportunities;
    private final ScorecardRepository scores;

    VerificationCheck(OpportunityService opportunities, ScorecardRepository scores) {
        this.opportunities = opportunities;
        this.scores = scores;
    }

    @Override
    public boolean appliesTo(HumanTask task) {
        return LifecycleProcess.VERIFICATION_PROCESS_ID.equals(task.bpmnProcessId());
    }

    @Override
    public void check(HumanTask task, SummitUser user, Map<String, Object> values, Map<String, Object> taskVariables) {
        if (!(taskVariables.get(LifecycleProcess.VAR_VERIFICATION_CHANGE_ID) instanceof Number changeId)) {
            throw new IllegalStateException("verification task " + task.id() + " names no change");
        }
        var change = scores.change(changeId.longValue()).orElseThrow(() -> new UserFacingException("score.error.changeNotFound", changeId));
        if (change.changedBy().equals(user.username())) {
            throw new UserFacingException("score.error.ownClaim");
        }
        if (opportunities.find(change.opportunityId()).filter(o -> opportunities.managesDeal(o, user)).isEmpty()) {
            throw new UserFacingException("opportunity.error.notYourDeal");
        }
    }
}
