package com.summit.opportunity.ui;

import com.summit.base.ui.Formats;
import com.summit.customer.ui.CustomerSection;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.domain.OpportunityStatus;
import com.summit.opportunity.service.OpportunityService;
import com.summit.security.domain.SummitUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** On the customer page: the customer's opportunities the reader may see, open ones first, with stage and amount. */
@org.springframework.stereotype.Component
class CustomerDealsSection implements CustomerSection {

    private final OpportunityService opportunities;

    CustomerDealsSection(OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public Optional<Component> create(long customerId, SummitUser user) {
        List<Opportunity> deals = opportunities.ofCustomer(customerId, user).stream()
                .sorted(Comparator.comparing((Opportunity o) -> o.status() != OpportunityStatus.OPEN).thenComparing(Opportunity::amount,
                        Comparator.reverseOrder()))
                .toList();
        Div card = new Div();
        card.add(new H3(card.getTranslation("customer.page.deals")));
        card.addClassNames("summit-card", "summit-context");
        card.setId("customer-deals");
        card.setWidthFull();
        card.getStyle().set("box-sizing", "border-box");
        if (deals.isEmpty()) {
            Span none = new Span(card.getTranslation("customer.page.noDeals"));
            none.addClassName("summit-muted");
            card.add(new Div(none));
        }
        for (Opportunity o : deals) {
            Div row = new Div();
            row.getStyle().set("display", "flex").set("gap", "var(--lumo-space-m)").set("padding", "var(--lumo-space-xs) 0");
            Anchor name = new Anchor("opportunities/" + o.id(), o.name());
            Span stage = new Span(o.stage().number() + " · " + card.getTranslation(o.stage().messageKey()));
            stage.getElement().getThemeList().add("badge small");
            Span status = new Span(card.getTranslation(o.status().messageKey()));
            status.getElement().getThemeList().add("badge small " + (o.status() == OpportunityStatus.WON ? "success"
                    : o.status() == OpportunityStatus.LOST ? "error" : "contrast"));
            row.add(name, stage, status, new Span(Formats.cny(o.amount())));
            if (o.status() == OpportunityStatus.OPEN || o.status() == OpportunityStatus.PAUSED) {
                // the pre-contact briefing, one click from the customer
                Anchor briefing = new Anchor("opportunities/" + o.id() + "/briefing", card.getTranslation("briefing.open.link"));
                briefing.addClassName("customer-deal-briefing");
                row.add(briefing);
            }
            card.add(row);
        }
        return Optional.of(card);
    }
}
