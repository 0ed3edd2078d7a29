package com.summit.customer.ui;

import com.summit.security.domain.SummitUser;
import com.vaadin.flow.component.Component;
import java.util.Optional;

/** A card another feature adds to the customer page (the opportunities add the customer's deals). */
public interface CustomerSection {

    Optional<Component> create(long customerId, SummitUser user);
}
