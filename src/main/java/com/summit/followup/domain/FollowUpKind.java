package com.summit.followup.domain;

/** How a follow-up reaches the customer. */
public enum FollowUpKind {
    VISIT,
    CALL,
    MEETING,
    MESSAGE,
    OTHER;

    public String messageKey() {
        return "followup.kind." + name();
    }
}
