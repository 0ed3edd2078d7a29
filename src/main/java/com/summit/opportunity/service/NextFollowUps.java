package com.summit.opportunity.service;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** Each deal's follow-up standing for the board's cards: how many contacts were done, and the next planned one; kept by the follow-up feature. */
public interface NextFollowUps {

    /** {@code plannedAt}, {@code channelKey} and {@code subject} are null when nothing is planned. */
    record Next(Instant plannedAt, String channelKey, String subject, int doneCount) {

        public boolean planned() {
            return plannedAt != null;
        }
    }

    Map<Long, Next> nextFor(Collection<Long> opportunityIds);
}
