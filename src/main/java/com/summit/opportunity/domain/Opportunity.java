package com.summit.opportunity.domain;

import com.summit.customer.domain.LogisticsService;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

public record Opportunity(
        long id,
        long customerId,
        String customerName,
        String name,
        String description,
        BigDecimal amount,
        Set<LogisticsService> services,
        Stage stage,
        OpportunityStatus status,
        String ownerUsername,
        Instant stageEnteredAt,
        Long processInstanceKey,
        String engineEpoch,
        Instant createdAt,
        Instant updatedAt,
        int version,
        boolean stalled,
        Instant pausedAt,
        String lostReason,
        String lostNote) {

    public Opportunity {
        services = Set.copyOf(services);
    }
}
