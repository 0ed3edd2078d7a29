package com.summit.customer.domain;

/** The customer's order trend: the last 6 complete months' revenue against the 6 before. */
public enum Trend {
    GROWING,
    STABLE,
    DECLINING;

    public String messageKey() {
        return "trend." + name();
    }
}
