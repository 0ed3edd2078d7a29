package com.summit.followup.service;

import com.summit.base.i18n.Messages;
import com.summit.base.i18n.Locales;
import com.summit.followup.domain.FollowUp;
import com.summit.followup.domain.FollowUpRepository;
import com.summit.opportunity.service.FollowUpEvidence;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** A done follow-up as the evidence of a scorecard claim: checked to be the deal's, and named by its date and channel. */
@Component
class FollowUpEvidenceLookup implements FollowUpEvidence {

    private final FollowUpRepository followUps;
    private final Messages messages;

    FollowUpEvidenceLookup(FollowUpRepository followUps, Messages messages) {
        this.followUps = followUps;
        this.messages = messages;
    }

    @Override
    public boolean isDoneOf(long followUpId, long opportunityId) {
        return followUps.find(followUpId).filter(f -> f.opportunityId() == opportunityId && f.done()).isPresent();
    }

    @Override
    public String describe(long followUpId, Locale locale) {
        return followUps.find(followUpId).map(f -> name(f, locale)).orElse("");
    }

    @Override
    public java.util.List<Done> doneOf(long opportunityId, Locale locale) {
        return followUps.ofOpportunity(opportunityId).stream().filter(FollowUp::done).map(f -> new Done(f.id(),
                f.doneAt().atZone(Locales.ZONE).toLocalDate() + " · " + messages.getTranslation(f.channel().messageKey(), locale) + " · " + f.subject()))
                .toList();
    }

    String name(FollowUp f, Locale locale) {
        return messages.getTranslation("followup.evidence", locale, f.doneAt().atZone(Locales.ZONE).toLocalDate().toString(),
                messages.getTranslation(f.channel().messageKey(), locale), f.subject());
    }
}
