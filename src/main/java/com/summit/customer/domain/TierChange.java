package com.summit.customer.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** A change of a customer's value tier: from → to, the rule's reason and the figures it saw, and who decided. */
public record TierChange(long id, long customerId, CustomerTier from, CustomerTier to, String reason, BigDecimal revenue12m,
        BigDecimal profit12m, BigDecimal pipeline, Status status, String changedBy, Instant createdAt, String decidedBy,
        Instant decidedAt, String note) {

    public enum Status {
        /** applied at once (an upgrade, or a downgrade below strategic) */
        APPLIED,
        /** a strategic customer's downgrade, waiting for the manager */
        PENDING,
        CONFIRMED,
        REJECTED
    }

    public boolean upgrade() {
        return to.ordinal() < from.ordinal();
    }
}
