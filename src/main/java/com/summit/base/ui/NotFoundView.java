package com.summit.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A page that does not exist, or that the user's role may not open (Vaadin answers both as "not found", so a page's
 * existence is not given away): said in the reader's language, inside the app, with the way back to the inbox.
 */
@ParentLayout(MainLayout.class)
@jakarta.annotation.security.PermitAll
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        addClassName("summit-page");
        H2 heading = new H2(getTranslation("error.notFound.title"));
        heading.setId("not-found");
        add(heading, new Paragraph(getTranslation("error.notFound.text")), new Anchor("", getTranslation("error.notFound.back")));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
