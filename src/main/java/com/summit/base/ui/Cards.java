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

    /** A plain card without a heading (a page's main content: lists and forms). */
    public static Div card(String id) {
        Div card = new Div();
        card.addClassName("summit-card");
        card.setId(id);
        card.setWidthFull();
        card.getStyle().set("box-sizing", "border-box");
        return card;
    }
}
