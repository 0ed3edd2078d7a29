package com.summit.customer.domain;

/** The value tier of a customer (METHODOLOGY §1: 战略客户 / 重要客户 / 普通客户), highest first. */
public enum CustomerTier {
    STRATEGIC,
    IMPORTANT,
    ORDINARY;

    public String messageKey() {
        return "tier." + name();
    }
}
