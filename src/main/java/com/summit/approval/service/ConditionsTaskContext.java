package com.summit.approval.service;

import com.summit.approval.domain.ApprovalCondition;
import com.summit.approval.domain.ApprovalRepository;
import com.summit.base.i18n.Messages;
import com.summit.tasklist.domain.HumanTask;
import com.summit.tasklist.service.TaskContextProvider;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Beside the contract stage's task: the conditions the departments approved with, and which are still open. */
@Component
class ConditionsTaskContext implements TaskContextProvider {

    static final String CONTRACT_TASK = "Task_SignContract";

    private final ApprovalRepository approvals;
    private final ApprovalService service;
    private final Messages messages;

    ConditionsTaskContext(ApprovalRepository approvals, ApprovalService service, Messages messages) {
        this.approvals = approvals;
        this.service = service;
        this.messages = messages;
    }

    @Override
    public List<ContextItem> contextFor(HumanTask task, Locale locale) {
        if (task.opportunityId() == null || !CONTRACT_TASK.equals(task.elementId())) {
            return List.of();
        }
        List<ApprovalCondition> conditions = approvals.conditions(task.opportunityId());
        if (conditions.isEmpty()) {
            return List.of();
        }
        StringBuilder text = new StringBuilder();
        for (ApprovalCondition c : conditions) {
            text.append(c.met() ? "☑ " : "☐ ").append(messages.getTranslation("approval.conditions.item", locale,
                    service.departmentName(c.department(), locale), c.text())).append('\n');
        }
        long open = conditions.stream().filter(c -> !c.met()).count();
        return List.of(new ContextItem(messages.getTranslation("approval.conditions.title", locale, open, conditions.size()), text.toString().strip()));
    }
}
