package com.summit.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;

/** A page's card: a full-width box with a heading, as the pages of customers, deals and approvals show them. */
public final class Cards {

    private Cards() {}

    public static Div card(String id, String heading) {
        Div card = heading == null ? new Div() : new Div(new H3(heading));
        card.addClassNames("summit-card", "summit-context");
        card.setId(id);
        card.setWidthFull();
        card.getStyle().set("box-sizing", "border-box");
        return card;
    }
}
