package com.summit.approval.domain;

import java.time.Instant;

/** One department's review in one round, and its decision once given. */
public record ApprovalReview(long id, long roundId, int roundNumber, String department, String level, String candidateGroup,
        Instant dueAt, Decision decision, String reason, String conditions, String decidedBy, Instant decidedAt) {

    public boolean decided() {
        return decision != null;
    }
}
