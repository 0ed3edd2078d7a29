package com.summit.opportunity.service;

import com.summit.base.FieldError;
import com.summit.base.ValidationException;
import com.summit.opportunity.process.LifecycleProcess;
import com.summit.security.domain.Role;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.tasklist.domain.HumanTask;
import com.summit.tasklist.service.TaskSubmissionCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The manager's choice on a stalled deal must be complete: a new owner who can own deals, or a reason from the list. */
@Component
class StallReviewCheck implements TaskSubmissionCheck {

    private final UserService users;
    private final OpportunityService opportunities;

    StallReviewCheck(UserService users, OpportunityService opportunities) {
        this.users = users;
        this.opportunities = opportunities;
    }

    @Override
    public boolean appliesTo(HumanTask task) {
        return LifecycleProcess.PROCESS_ID.equals(task.bpmnProcessId()) && "Task_StallReview".equals(task.elementId());
    }

    @Override
    public void check(HumanTask task, SummitUser user, Map<String, Object> values, Map<String, Object> taskVariables) {
        // only someone who manages the deal decides its fate, not any manager who claimed the task
        if (task.opportunityId() == null || opportunities.find(task.opportunityId())
                .filter(o -> opportunities.managesDeal(o, user) && !o.ownerUsername().equals(user.username())).isEmpty()) {
            throw new com.summit.base.UserFacingException("opportunity.error.notYourDeal");
        }
        List<FieldError> errors = new ArrayList<>();
        Object action = values.get("stallAction");
        if ("REASSIGN".equals(action)) {
            Object owner = values.get("newOwner");
            // someone of the owner's team, not the owner
            var deal = opportunities.find(task.opportunityId()).orElseThrow();
            String team = users.find(deal.ownerUsername()).map(SummitUser::team).orElse(null);
            boolean ok = owner instanceof String name && !name.strip().equals(deal.ownerUsername()) && users.find(name.strip())
                    .filter(u -> (u.has(Role.REP) || u.has(Role.MANAGER)) && team != null && team.equals(u.team())).isPresent();
            if (!ok) {
                errors.add(new FieldError("newOwner", null, "opportunity.error.newOwner"));
            }
        }
        if ("CLOSE_LOST".equals(action)) {
            Object reason = values.get(LifecycleProcess.VAR_LOST_REASON);
            if (!(reason instanceof String code) || !opportunities.lostReasons(null).containsKey(code)) {
                errors.add(new FieldError(LifecycleProcess.VAR_LOST_REASON, null, "opportunity.error.lostReason"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
