package com.summit.approval.domain;

/** What a veto holder decides: they cannot say yes to the deal alone, but each can say no. */
public enum Decision {
    APPROVE,
    APPROVE_WITH_CONDITIONS,
    VETO;

    public boolean needsReason() {
        return this != APPROVE;
    }
}
