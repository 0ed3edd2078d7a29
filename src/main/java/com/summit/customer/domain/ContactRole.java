package com.summit.customer.domain;

/** A contact's role in the customer's buying decision; the veto holders can say no but not yes. */
public enum ContactRole {
    DECISION_MAKER,
    BUSINESS_CONTACT,
    LEAD,
    VETO_LEGAL,
    VETO_FINANCE,
    VETO_TECH,
    USER;

    public String messageKey() {
        return "contact.role." + name();
    }

    /** The roles a key account needs covered: everyone but plain users. */
    public boolean needsCover() {
        return this != USER;
    }
}
