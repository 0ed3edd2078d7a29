package com.summit.opportunity.domain;

import java.util.Optional;

/**
 * The five stages 商机管理五阶段. Each is an embedded subprocess of {@code opportunity-lifecycle.bpmn}
 * whose id is {@code Stage_<Name>}: reconciliation starts a new instance before it.
 */
public enum Stage {
    IDENTIFICATION(1, "Stage_Identification"),
    NEED_CONFIRMATION(2, "Stage_NeedConfirmation"),
    SOLUTION_DESIGN(3, "Stage_SolutionDesign"),
    PROPOSAL_NEGOTIATION(4, "Stage_ProposalNegotiation"),
    CONTRACT_SIGNING(5, "Stage_ContractSigning");

    private final int number;
    private final String elementId;

    Stage(int number, String elementId) {
        this.number = number;
        this.elementId = elementId;
    }

    public int number() {
        return number;
    }

    /** The BPMN element of this stage. */
    public String elementId() {
        return elementId;
    }

    public String messageKey() {
        return "stage." + name();
    }

    public Optional<Stage> next() {
        return number < values().length ? Optional.of(values()[number]) : Optional.empty();
    }
}
