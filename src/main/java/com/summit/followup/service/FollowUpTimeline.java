package com.summit.followup.service;

import com.summit.base.i18n.Messages;
import com.summit.followup.domain.FollowUp;
import com.summit.followup.domain.FollowUpRepository;
import com.summit.opportunity.service.OpportunityPage;
import com.summit.opportunity.service.TimelineSource;
import com.summit.security.service.UserService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A deal's timeline gets each follow-up when planned and when done, with its outcome. */
@Component
class FollowUpTimeline implements TimelineSource {

    private final FollowUpRepository followUps;
    private final UserService users;
    private final Messages messages;

    FollowUpTimeline(FollowUpRepository followUps, UserService users, Messages messages) {
        this.followUps = followUps;
        this.users = users;
        this.messages = messages;
    }

    @Override
    public List<OpportunityPage.Entry> entries(long opportunityId, Locale locale) {
        Map<String, String> names = users.displayNames();
        List<OpportunityPage.Entry> entries = new ArrayList<>();
        for (FollowUp f : followUps.ofOpportunity(opportunityId)) {
            String kind = messages.getTranslation(f.kind().messageKey(), locale);
            entries.add(new OpportunityPage.Entry(f.createdAt(), OpportunityPage.Kind.FOLLOW_UP, messages.getTranslation("timeline.followup.planned",
                    locale, names.getOrDefault(f.createdBy(), f.createdBy()), kind, f.subject())));
            if (f.done()) {
                entries.add(new OpportunityPage.Entry(f.doneAt(), OpportunityPage.Kind.FOLLOW_UP, messages.getTranslation("timeline.followup.done",
                        locale, names.getOrDefault(f.doneBy(), f.doneBy()), kind, f.subject(), f.outcome())));
            }
        }
        return entries;
    }
}
