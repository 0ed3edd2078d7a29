package com.summit.followup.process;

/** The names the follow-up cadence model ({@code bpmn/follow-up-cadence.bpmn}) and its workers share. */
public final class CadenceProcess {

    public static final String PROCESS_ID = "follow-up-cadence";
    public static final String JOB_NEXT_DUE = "follow-up-next-due";
    public static final String JOB_REMIND = "follow-up-remind";
    public static final String JOB_ESCALATE = "follow-up-escalate";
    public static final String MESSAGE_CHANGED = "follow-up-changed";
    public static final String TASK_OVERDUE = "Task_FollowUpOverdue";

    public static final String VAR_OPPORTUNITY_ID = "opportunityId";
    public static final String VAR_STATE = "cadenceState";
    public static final String VAR_REMIND_AT = "remindAt";
    public static final String VAR_ESCALATE_AT = "escalateAt";
    public static final String VAR_DUE_ON = "dueOn";
    public static final String VAR_HANDLED_FOR = "handledFor";
    public static final String VAR_OWNER = "owner";
    public static final String VAR_MANAGER = "manager";
    public static final String VAR_REMINDED = "reminded";
    public static final String VAR_ESCALATED = "escalated";

    private CadenceProcess() {}
}
