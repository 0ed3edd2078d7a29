package com.summit.approval.process;

/** Names shared with {@code bpmn/veto-approval.bpmn}. */
public final class VetoApprovalProcess {

    public static final String PROCESS_ID = "veto-approval";
    public static final String TASK_REVIEW = "Task_Review";
    public static final String TASK_ESCALATED_REVIEW = "Task_EscalatedReview";
    public static final String JOB_REMIND = "approval-remind";
    public static final String JOB_ESCALATE = "approval-escalate";
    public static final String JOB_OPEN_ROUND = "approval-open-round";
    public static final String JOB_RECORD_DECISION = "approval-record-decision";
    public static final String JOB_CLOSE_ROUND = "approval-close-round";
    public static final String JOB_FINISH = "approval-finish";
    public static final String HEADER_OUTCOME = "outcome";
    /** Every round so far, as codes and the reviewers' own words (the forms show it rendered, as approvalHistory). */
    public static final String VAR_ROUNDS = "approvalRounds";
    /** Set by the round opening: the last round was vetoed before a restart, so the process goes back to the rework. */
    public static final String VAR_RESUME_REWORK = "resumeRework";

    private VetoApprovalProcess() {}
}
