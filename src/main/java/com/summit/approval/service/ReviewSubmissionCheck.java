package com.summit.approval.service;

import com.summit.approval.process.VetoApprovalProcess;
import com.summit.security.domain.SummitUser;
import com.summit.tasklist.domain.HumanTask;
import com.summit.tasklist.service.TaskSubmissionCheck;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A review is decided only by its own department, once, and with a reason for anything but a plain approval. */
@Component
class ReviewSubmissionCheck implements TaskSubmissionCheck {

    private final ApprovalService approvals;

    ReviewSubmissionCheck(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @Override
    public boolean appliesTo(HumanTask task) {
        return VetoApprovalProcess.PROCESS_ID.equals(task.bpmnProcessId()) && (VetoApprovalProcess.TASK_REVIEW.equals(task.elementId())
                || VetoApprovalProcess.TASK_ESCALATED_REVIEW.equals(task.elementId()));
    }

    @Override
    public void check(HumanTask task, SummitUser user, Map<String, Object> values, Map<String, Object> taskVariables) {
        if (!(taskVariables.get("review") instanceof Map<?, ?> review) || !(review.get("reviewId") instanceof Number reviewId)) {
            throw new IllegalStateException("review task " + task.id() + " carries no review");
        }
        approvals.checkDecision(reviewId.longValue(), user, (String) values.get("decision"), (String) values.get("reason"));
    }
}
