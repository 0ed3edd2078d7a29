package com.summit.approval.service;

import com.summit.approval.domain.ApprovalCondition;
import com.summit.approval.domain.ApprovalRepository;
import com.summit.base.i18n.Messages;
import com.summit.tasklist.domain.HumanTask;
import com.summit.tasklist.service.TaskContextProvider;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What the approval's tasks show besides the process variables, in the reader's language: the earlier rounds (the
 * process keeps only their codes and the reviewers' words), the amount as money, and beside the contract stage's
 * task the conditions the departments approved with.
 */
@Component
class ApprovalTaskContext implements TaskContextProvider {

    static final String CONTRACT_TASK = "Task_SignContract";
    static final String PROCESS_ID = "veto-approval";
    static final Set<String> REVIEW_TASKS = Set.of("Task_Review", "Task_EscalatedReview");
    static final String REWORK_TASK = "Task_Rework";
    /** The display value the review and rework forms show; the process carries {@code approvalRounds}. */
    static final String HISTORY = "approvalHistory";
    static final String AMOUNT_TEXT = "amountText";

    private final ApprovalRepository approvals;
    private final ApprovalService service;
    private final Messages messages;

    ApprovalTaskContext(ApprovalRepository approvals, ApprovalService service, Messages messages) {
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

    @Override
    public Map<String, Object> formData(HumanTask task, Map<String, Object> variables, Locale locale) {
        boolean review = REVIEW_TASKS.contains(task.elementId());
        if (!PROCESS_ID.equals(task.bpmnProcessId()) || !(review || REWORK_TASK.equals(task.elementId()))) {
            return Map.of();
        }
        Map<String, Object> data = new HashMap<>();
        if (variables.get("approvalRequestId") instanceof Number requestId) {
            // a reviewer sees the rounds before theirs; the owner reworking sees every round, the vetoed one too
            int before = review && variables.get("roundNumber") instanceof Number n ? n.intValue() : Integer.MAX_VALUE;
            data.put(HISTORY, service.history(requestId.longValue(), before, locale));
        }
        if (variables.get("amount") != null) {
            NumberFormat money = NumberFormat.getCurrencyInstance(Locale.CHINA);
            data.put(AMOUNT_TEXT, money.format(new BigDecimal(variables.get("amount").toString())));
        }
        return data;
    }
}
