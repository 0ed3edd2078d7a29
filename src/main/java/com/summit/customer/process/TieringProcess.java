package com.summit.customer.process;

/** Names shared with {@code bpmn/customer-tiering.bpmn}. */
public final class TieringProcess {

    public static final String PROCESS_ID = "customer-tiering";
    public static final String JOB_RETIER_BATCH = "customer-retier-batch";
    public static final String JOB_APPLY_DOWNGRADE = "customer-apply-downgrade";
    public static final String TASK_CONFIRM_DOWNGRADE = "Task_ConfirmDowngrade";
    /** One instance per pending strategic downgrade ({@code bpmn/customer-downgrade.bpmn}). */
    public static final String DOWNGRADE_PROCESS_ID = "customer-downgrade";

    private TieringProcess() {}
}
