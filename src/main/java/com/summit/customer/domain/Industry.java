package com.summit.customer.domain;

/** The industries a logistics company's customers come from. */
public enum Industry {
    ELECTRONICS_3C,
    HOME_APPLIANCES,
    AUTOMOTIVE,
    FMCG,
    ECOMMERCE,
    PHARMA,
    COLD_CHAIN_FOOD,
    RETAIL,
    CHEMICALS,
    MACHINERY,
    OTHER;

    public String messageKey() {
        return "industry." + name();
    }
}
