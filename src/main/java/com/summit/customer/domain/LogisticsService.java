package com.summit.customer.domain;

/** The services a logistics company sells. */
public enum LogisticsService {
    WAREHOUSING,
    LINE_HAUL,
    DISTRIBUTION,
    CONTRACT_LOGISTICS,
    COLD_CHAIN;

    public String messageKey() {
        return "service." + name();
    }
}
