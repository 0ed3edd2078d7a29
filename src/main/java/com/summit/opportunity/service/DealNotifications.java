package com.summit.opportunity.service;

import com.summit.base.i18n.Messages;
import com.summit.notify.service.NotificationService;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.domain.OpportunityRepository;
import com.summit.security.service.UserService;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The deal team hears a deal's key moves: a stage entered, won, lost. The owner, the team members and the owner's
 * manager are told, in the change's own transaction (the bell and the delivery outbox are rows of the same commit).
 */
@Component
class DealNotifications {

    private final OpportunityRepository opportunities;
    private final OpportunityService service;
    private final NotificationService notifications;
    private final UserService users;
    private final Messages messages;

    DealNotifications(OpportunityRepository opportunities, OpportunityService service, NotificationService notifications, UserService users,
            Messages messages) {
        this.opportunities = opportunities;
        this.service = service;
        this.notifications = notifications;
        this.users = users;
        this.messages = messages;
    }

    @EventListener
    public void onDealChanged(DealChanged event) {
        Opportunity o = opportunities.findById(event.opportunityId()).orElse(null);
        if (o == null) {
            return;
        }
        String link = "opportunities/" + o.id();
        switch (event.change()) {
            case ADVANCED -> notifications.send(team(o), new NotificationService.Message("STAGE_CHANGED", "stage:" + o.id() + ":" + o.stage(), link,
                    notifications.text("notify.deal.advanced", locale -> new Object[] {o.name(), o.customerName(), o.stage().number(),
                            messages.getTranslation(o.stage().messageKey(), locale)})));
            case WON -> notifications.send(team(o), new NotificationService.Message("OPPORTUNITY_WON", "won:" + o.id(), link,
                    notifications.text("notify.deal.won", locale -> new Object[] {o.name(), o.customerName()})));
            case LOST -> notifications.send(team(o), new NotificationService.Message("OPPORTUNITY_LOST", "lost:" + o.id(), link,
                    notifications.text("notify.deal.lost", locale -> {
                        Map<String, String> reasons = service.lostReasons(locale);
                        return new Object[] {o.name(), o.customerName(), o.lostReason() == null ? "—" : reasons.getOrDefault(o.lostReason(), o.lostReason())};
                    })));
            default -> { }
        }
    }

    private Set<String> team(Opportunity o) {
        Set<String> team = new LinkedHashSet<>();
        team.add(o.ownerUsername());
        opportunities.members(o.id()).forEach(m -> team.add(m.username()));
        team.add(users.managerFor(o.ownerUsername()));
        return team;
    }
}
