package com.summit.opportunity.domain;

public enum OpportunityStatus {
    OPEN,
    WON,
    LOST,
    PAUSED;

    public String messageKey() {
        return "opportunityStatus." + name();
    }
}
