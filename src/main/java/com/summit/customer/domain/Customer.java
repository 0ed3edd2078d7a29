package com.summit.customer.domain;

import java.time.Instant;
import java.util.List;

/**
 * A customer: company data, owner, value tier, the rep's need type, and its behaviour as the revenue shows it
 * (months with purchases among the last 12, trend, services used; null trend: no revenue in the last 12 months).
 */
public record Customer(long id, String name, String creditCode, Industry industry, String region, String ownerUsername,
        CustomerTier tier, Instant createdAt, String address, NeedType needType, Trend trend, int purchaseMonths,
        List<LogisticsService> servicesUsed) {

    public Customer {
        servicesUsed = servicesUsed == null ? List.of() : List.copyOf(servicesUsed);
    }
}
