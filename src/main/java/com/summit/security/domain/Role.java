package com.summit.security.domain;

/** Summit's roles; each is also a candidate group of the processes. */
public enum Role {
    REP,
    MANAGER,
    LEGAL,
    FINANCE,
    TECH,
    OPERATIONS,
    PROCESS_OWNER,
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }

    public String messageKey() {
        return "role." + name();
    }
}
