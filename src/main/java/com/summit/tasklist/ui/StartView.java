package com.summit.tasklist.ui;

import com.summit.base.UserFacingException;
import com.summit.base.ui.Errors;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.CurrentUser;
import com.summit.tasklist.service.ProcessStartService;
import com.summit.tasklist.service.StartForm;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** A process's start form: the server checks the values and who may start it, then the process runs. */
@Route("start/:processId")
@PermitAll
public class StartView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient ProcessStartService starts;
    private final transient SummitUser user;
    private final Div errors = new Div();
    private String title = "";

    public StartView(ProcessStartService starts, CurrentUser currentUser) {
        this.starts = starts;
        this.user = currentUser.require();
        addClassName("summit-page");
        errors.addClassName("summit-errors");
        errors.setId("start-errors");
        errors.setVisible(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String processId = event.getRouteParameters().get("processId").orElse("");
        try {
            render(starts.open(processId, user, getLocale()));
        } catch (UserFacingException e) {
            Div box = new Div(new Span(Errors.text(this, e)));
            box.addClassName("summit-errors");
            box.setId("start-message");
            add(box, back());
        }
    }

    private void render(StartForm start) {
        title = start.processName();
        H2 heading = new H2(getTranslation("start.title") + " · " + start.processName());
        heading.getStyle().set("margin", "0");
        HorizontalLayout header = new HorizontalLayout(back(), heading);
        header.setAlignItems(FlexComponent.Alignment.CENTER);

        VerticalLayout card = new VerticalLayout();
        card.addClassName("summit-card");
        card.setMaxWidth("760px");
        FormJsViewer form = new FormJsViewer(start.schemaJson(), start.dataJson(), start.formStringsJson());
        form.setWidthFull();
        Button submit = new Button(getTranslation("start.submit"), VaadinIcon.PLAY.create(), e -> form.submit());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId("start-submit");
        submit.setDisableOnClick(true);
        form.addInvalidListener(() -> submit.setEnabled(true));
        form.addSubmitListener(values -> {
            errors.setVisible(false);
            try {
                if (starts.start(start.bpmnProcessId(), user, values, getLocale()) == null) {
                    Errors.notice(getTranslation("start.startsLater", start.processName()));
                } else {
                    Errors.success(getTranslation("start.started", start.processName()));
                }
                getUI().ifPresent(ui -> ui.navigate(InboxView.class));
            } catch (UserFacingException ex) {
                // the form keeps what was entered; the reasons stand above it
                errors.removeAll();
                errors.add(new Span(getTranslation("task.error.refused")));
                UnorderedList list = new UnorderedList();
                Errors.texts(this, ex).forEach(m -> list.add(new ListItem(m)));
                errors.add(list);
                errors.setVisible(true);
                submit.setEnabled(true);
            }
        });
        card.add(errors, form, submit);
        add(header, card);
    }

    private Button back() {
        Button back = new Button(getTranslation("task.back"), VaadinIcon.ARROW_LEFT.create(), e -> getUI().ifPresent(ui -> ui.navigate(InboxView.class)));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return back;
    }

    @Override
    public String getPageTitle() {
        return title.isEmpty() ? getTranslation("start.title") : title;
    }
}
