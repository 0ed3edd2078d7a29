package com.summit.opportunity.process;

/** Names shared with {@code bpmn/opportunity-lifecycle.bpmn}. */
public final class LifecycleProcess {

    public static final String PROCESS_ID = "opportunity-lifecycle";
    public static final String JOB_RECORD_STAGE = "opportunity-record-stage";
    public static final String HEADER_STAGE = "stage";

    public static final String VAR_OPPORTUNITY_ID = "opportunityId";
    public static final String VAR_OWNER = "owner";
    public static final String VAR_CUSTOMER_NAME = "customerName";
    public static final String VAR_OPPORTUNITY_NAME = "opportunityName";
    public static final String VAR_AMOUNT = "amount";
    public static final String VAR_SERVICES = "services";
    public static final String VAR_STAGE = "stage";
    public static final String VAR_COMPLETED_BY = "completedBy";

    /** The owner's working task of each stage. */
    public static final java.util.Map<com.summit.opportunity.domain.Stage, String> WORK_TASKS = java.util.Map.of(
            com.summit.opportunity.domain.Stage.IDENTIFICATION, "Task_IdentifyOpportunity",
            com.summit.opportunity.domain.Stage.NEED_CONFIRMATION, "Task_ConfirmNeed",
            com.summit.opportunity.domain.Stage.SOLUTION_DESIGN, "Task_DesignSolution",
            com.summit.opportunity.domain.Stage.PROPOSAL_NEGOTIATION, "Task_NegotiateProposal",
            com.summit.opportunity.domain.Stage.CONTRACT_SIGNING, "Task_SignContract");

    /** Where a paused deal waits for "resumed" (reconciliation starts a paused deal's new instance there). */
    public static final String TASK_HANDOVER = "Task_Handover";
    /** The rep's working task of each stage, in stage order: what was saved there is the deal's stage work. */
    public static final java.util.List<String> STAGE_TASKS = java.util.List.of("Task_IdentifyOpportunity", "Task_ConfirmNeed",
            "Task_DesignSolution", "Task_NegotiateProposal", "Task_SignContract");

    /** The veto approval called before leaving a stage, if the stage has one. */
    public static java.util.Optional<String> approvalElement(com.summit.opportunity.domain.Stage stage) {
        return switch (stage) {
            case PROPOSAL_NEGOTIATION -> java.util.Optional.of("CallActivity_ProposalNegotiation_Approval");
            case CONTRACT_SIGNING -> java.util.Optional.of("CallActivity_ContractSigning_Approval");
            default -> java.util.Optional.empty();
        };
    }
    /**
     * The start listener of each approval call activity: the lifecycle instance ties itself to the deal before its
     * approval asks anyone (an instance resumed at its approval shows no task of its own that could claim it).
     */
    public static final String JOB_CLAIM_INSTANCE = "opportunity-claim-instance";
    public static final String WAIT_FOR_RESUME = "Event_WaitForResume";
    public static final String MESSAGE_LOST = "opportunity-lost";
    public static final String MESSAGE_PAUSED = "opportunity-paused";
    public static final String MESSAGE_RESUMED = "opportunity-resumed";
    public static final String JOB_MARK_STALLED = "opportunity-mark-stalled";
    public static final String JOB_REASSIGN = "opportunity-reassign";
    public static final String JOB_CLOSE_LOST = "opportunity-close-lost";
    public static final String JOB_RECORD_LOST = "opportunity-record-lost";
    public static final String JOB_RECORD_PAUSED = "opportunity-record-paused";
    public static final String JOB_RECORD_RESUMED = "opportunity-record-resumed";
    public static final String VAR_STALL_AFTER = "stallAfter";
    public static final String VAR_MANAGER = "manager";
    public static final String VAR_REQUEST_ADVANCE = "requestAdvance";
    public static final String VAR_LOST_REASON = "lostReason";
    public static final String VAR_LOST_NOTE = "lostNote";

    public static final String JOB_EVALUATE_GATE = "opportunity-evaluate-gate";
    public static final String VAR_GATE_PASSED = "gatePassed";
    public static final String VAR_GATE_FINDINGS = "gateFindings";
    public static final String VAR_GATE_UNMET = "gateUnmet";

    /** The manager's verification of a high scorecard claim: a process of its own, one instance per claim. */
    public static final String VERIFICATION_PROCESS_ID = "score-verification";
    public static final String JOB_DECIDE_SCORE = "opportunity-decide-score";
    public static final String VAR_VERIFICATION_CHANGE_ID = "verificationChangeId";
    public static final String VAR_VERDICT = "verdict";
    public static final String VAR_VERDICT_REASON = "verdictReason";

    private LifecycleProcess() {}
}
