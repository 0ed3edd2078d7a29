package com.summit.opportunity.service;

/**
 * A deal moved in a way others follow (the follow-up cadence, notifications): published inside the change's
 * transaction; listeners that call the engine or send anything do so after its commit.
 */
public record DealChanged(long opportunityId, Change change) {

    public enum Change {
        OPENED,
        ADVANCED,
        PAUSED,
        RESUMED,
        WON,
        LOST,
        OWNER_CHANGED
    }
}
