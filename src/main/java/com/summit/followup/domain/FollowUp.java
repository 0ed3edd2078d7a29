package com.summit.followup.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A contact with the customer about a deal (跟进): planned, or done with what was learnt. A done one names the channel,
 * the contacts met, what was learnt, and the promised next step with its date. {@code plannedAt} is when it was to
 * happen (for a contact recorded afterwards, when it happened); {@code doneAt} is when it happened.
 */
public record FollowUp(long id, long opportunityId, FollowUpChannel channel, String subject, Instant plannedAt, String owner, String createdBy,
        Instant createdAt, Instant doneAt, String doneBy, String outcome, String nextStep, LocalDate nextStepOn, List<Long> contactIds) {

    public FollowUp {
        contactIds = contactIds == null ? List.of() : List.copyOf(contactIds);
    }

    public boolean done() {
        return doneAt != null;
    }

    public boolean overdue(Instant now) {
        return !done() && plannedAt.isBefore(now);
    }
}
