package com.summit.followup.domain;

import java.time.Instant;

/** A planned contact with the customer about a deal, and its outcome once done. */
public record FollowUp(long id, long opportunityId, FollowUpKind kind, String subject, Instant plannedAt, String owner, String createdBy,
        Instant createdAt, Instant doneAt, String doneBy, String outcome) {

    public boolean done() {
        return doneAt != null;
    }

    public boolean overdue(Instant now) {
        return !done() && plannedAt.isBefore(now);
    }
}
