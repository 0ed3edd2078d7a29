package com.summit.customer.domain;

/** The customer's need type 需求类型 (METHODOLOGY §1): the rep's assessment of what the customer buys on. */
public enum NeedType {
    PRICE_SENSITIVE,
    SERVICE_DEMANDING,
    TIME_CRITICAL,
    BALANCED;

    public String messageKey() {
        return "needType." + name();
    }
}
