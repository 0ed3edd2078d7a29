package com.summit.opportunity.service;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** Each deal's next planned follow-up, for the board's cards; kept by the follow-up feature. */
public interface NextFollowUps {

    record Next(Instant plannedAt, String kindKey, String subject) {}

    Map<Long, Next> nextFor(Collection<Long> opportunityIds);
}
