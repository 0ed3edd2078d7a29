package com.summit.workbench.process;

/** The four-eyes review of a model change ({@code bpmn/model-change-approval.bpmn}). */
public final class ModelChangeProcess {

    public static final String PROCESS_ID = "model-change-approval";
    public static final String TASK_REVIEW = "Task_ReviewModelChange";
    public static final String JOB_RECORD_DECISION = "workbench-record-change-decision";

    private ModelChangeProcess() {}
}
