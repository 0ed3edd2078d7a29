package com.summit.approval.domain;

import java.time.Instant;

/** One department's review in one round, and its decision once given. */
public record ApprovalReview(long id, long roundId, int roundNumber, String department, String level, String candidateGroup,
        Instant dueAt, Decision decision, String reason, String conditions, String decidedBy, Instant decidedAt,
        Instant remindedAt, Instant escalatedAt, String escalationGroup) {

    /** The groups whose members may decide this review: its department's, and the head's once escalated. */
    public java.util.Set<String> decidingGroups() {
        return escalatedAt == null || escalationGroup == null ? java.util.Set.of(candidateGroup)
                : java.util.Set.copyOf(java.util.List.of(candidateGroup, escalationGroup).stream().distinct().toList());
    }

    public boolean decided() {
        return decision != null;
    }
}
