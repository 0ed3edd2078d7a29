package com.summit.opportunity.domain;

import java.time.Instant;

/**
 * A level change on an opportunity's scorecard: who, when, from → to, the evidence (a follow-up record it links to, when
 * its kind is {@code FOLLOW_UP}), and the manager's verdict.
 */
public record ScoreChange(long id, long opportunityId, ScoreElement element, int fromLevel, int toLevel, EvidenceKind evidenceKind,
        String evidenceText, String evidenceLink, String evidenceFileName, String changedBy, Instant changedAt, Status status,
        String verifiedBy, Instant verifiedAt, String verdictReason, Long followUpId) {

    public enum EvidenceKind {
        NOTE,
        LINK,
        FILE,
        FOLLOW_UP
    }

    public enum Status {
        ACCEPTED,
        PENDING,
        REJECTED
    }
}
