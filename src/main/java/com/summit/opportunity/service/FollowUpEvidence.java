package com.summit.opportunity.service;

import java.util.Locale;

/** Follow-up records as evidence of a scorecard claim; kept by the follow-up feature. */
public interface FollowUpEvidence {

    /** Whether the follow-up is a done one of this deal (only what happened proves a claim). */
    boolean isDoneOf(long followUpId, long opportunityId);

    /** A done follow-up a claim can rest on, named for a choice. */
    record Done(long id, String label) {}

    /** The deal's done follow-ups, newest first (the caller has checked visibility). */
    java.util.List<Done> doneOf(long opportunityId, Locale locale);

    /** How a claim names the follow-up it rests on: when it happened and through which channel, in the reader's language. */
    String describe(long followUpId, Locale locale);
}
