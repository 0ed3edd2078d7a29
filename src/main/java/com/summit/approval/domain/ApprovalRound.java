package com.summit.approval.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One round of reviews of an approval request, with the deal's terms as they were submitted for it. */
public record ApprovalRound(long id, long requestId, int number, Outcome outcome, BigDecimal amount, BigDecimal marginPercent,
        Integer paymentTermDays, boolean nonStandardTerms, String reworkNote, Instant startedAt, Instant endedAt,
        List<ApprovalReview> reviews) {

    public enum Outcome {
        RUNNING,
        APPROVED,
        VETOED
    }

    public ApprovalRound {
        reviews = List.copyOf(reviews);
    }
}
