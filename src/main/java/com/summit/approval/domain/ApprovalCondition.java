package com.summit.approval.domain;

import java.time.Instant;

/** A condition a department approved with: an item of the contract stage's checklist, met once with a note. */
public record ApprovalCondition(long id, long opportunityId, long reviewId, String department, String text, Instant metAt, String metBy,
        String metNote) {

    public boolean met() {
        return metAt != null;
    }
}
