package com.summit.opportunity.ui;

import com.summit.security.domain.SummitUser;
import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A card another feature adds to the opportunity page (the approvals add their rounds and the conditions checklist),
 * placed after the veto holders; {@code refresh} re-renders the page after the card changed something.
 */
public interface OpportunitySection {

    Optional<Component> create(long opportunityId, SummitUser user, Runnable refresh);
}
