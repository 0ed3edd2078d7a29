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
            String channel = messages.getTranslation(f.channel().messageKey(), locale);
            boolean recordedAfterwards = f.done() && f.doneAt().equals(f.plannedAt());
            if (!recordedAfterwards) {
                entries.add(new OpportunityPage.Entry(f.createdAt(), OpportunityPage.Kind.FOLLOW_UP, messages.getTranslation("timeline.followup.planned",
                        locale, names.getOrDefault(f.createdBy(), f.createdBy()), channel, f.subject())));
            }
            if (f.done()) {
                String next = f.nextStep() == null ? "" : messages.getTranslation("timeline.followup.next", locale, f.nextStep(),
                        f.nextStepOn() == null ? "—" : f.nextStepOn().toString());
                entries.add(new OpportunityPage.Entry(f.doneAt(), OpportunityPage.Kind.FOLLOW_UP, messages.getTranslation("timeline.followup.done",
                        locale, names.getOrDefault(f.doneBy(), f.doneBy()), channel, f.subject(), f.outcome()) + next));
            }
        }
        return entries;
    }
}
