package com.summit.opportunity.service;

import java.util.List;
import java.util.Locale;

/** Entries another feature adds to a deal's timeline (approval decisions, follow-ups), in the reader's language. */
public interface TimelineSource {

    List<OpportunityPage.Entry> entries(long opportunityId, Locale locale);
}
