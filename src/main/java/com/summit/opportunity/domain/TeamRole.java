package com.summit.opportunity.domain;

/** A member's role in an opportunity team 商机团队. */
public enum TeamRole {
    OWNER,
    SALES,
    SOLUTION,
    OPERATIONS,
    SUPPORT;

    public String messageKey() {
        return "team.role." + name();
    }
}
