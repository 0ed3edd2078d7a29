package com.summit.tasklist.ui;

import com.summit.base.UserFacingException;
import com.summit.base.ui.Errors;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.CurrentUser;
import com.summit.tasklist.service.TaskContextProvider;
import com.summit.tasklist.service.TaskDetails;
import com.summit.tasklist.service.TaskOutcome;
import com.summit.tasklist.service.TaskService;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** A task page: the form beside its business context; the server validates what is submitted. */
@Route("tasks/:taskId")
@PermitAll
public class TaskView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient TaskService tasks;
    private final transient SummitUser user;
    private final Div errors = new Div();
    private String title = "";

    public TaskView(TaskService tasks, CurrentUser currentUser) {
        this.tasks = tasks;
        this.user = currentUser.require();
        addClassName("summit-page");
        errors.addClassName("summit-errors");
        errors.setId("task-errors");
        errors.setVisible(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        long taskId;
        try {
            taskId = Long.parseLong(event.getRouteParameters().get("taskId").orElse(""));
        } catch (NumberFormatException e) {
            showMessage(getTranslation("task.error.notFound"));
            return;
        }
        try {
            render(tasks.open(taskId, user, getLocale()));
        } catch (UserFacingException e) {
            showMessage(Errors.text(this, e));
        }
    }

    private void render(TaskDetails details) {
        title = details.name();
        Button back = new Button(getTranslation("task.back"), VaadinIcon.ARROW_LEFT.create(), e -> getUI().ifPresent(ui -> ui.navigate(InboxView.class)));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        H2 heading = new H2(details.name());
        heading.getStyle().set("margin", "0");
        Span state = new Span(getTranslation("task.state." + details.task().state().name()));
        state.getElement().getThemeList().add("badge");
        if (!details.task().isOpen()) {
            state.getElement().getThemeList().add("contrast");
        }
        HorizontalLayout header = new HorizontalLayout(back, heading, state);
        header.setAlignItems(FlexComponent.Alignment.CENTER);

        VerticalLayout formCard = new VerticalLayout();
        formCard.addClassName("summit-card");
        formCard.setPadding(true);
        formCard.add(errors);
        if (details.formSchemaJson() != null) {
            FormJsViewer form = new FormJsViewer(details.formSchemaJson(), details.formDataJson());
            form.setWidthFull();
            formCard.add(form);
            if (details.task().isOpen() && user.username().equals(details.task().assignee())) {
                Button submit = new Button(getTranslation("task.submit"), e -> form.submit());
                submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                submit.setId("task-submit");
                submit.setDisableOnClick(true);
                form.addSubmitListener(data -> submit(details, data, submit));
                form.addInvalidListener(() -> submit.setEnabled(true));
                formCard.add(submit);
            } else if (details.task().isOpen()) {
                formCard.add(new Span(getTranslation("task.notYours")));
            }
        } else {
            formCard.add(new Span(getTranslation("task.noForm")));
        }

        Div context = new Div();
        context.addClassNames("summit-card", "summit-context");
        context.setId("task-context");
        context.add(new H3(getTranslation("task.context")));
        StringBuilder dl = new StringBuilder("<dl>");
        for (TaskContextProvider.ContextItem item : details.context()) {
            dl.append("<dt>").append(escape(item.label())).append("</dt><dd>").append(escape(item.value())).append("</dd>");
        }
        dl.append("</dl>");
        context.add(new Html(dl.toString()));
        context.setMinWidth("260px");
        context.setMaxWidth("380px");

        FlexLayout columns = new FlexLayout(formCard, context);
        columns.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        columns.getStyle().set("gap", "var(--lumo-space-l)");
        columns.setWidthFull();
        columns.setFlexGrow(1, formCard);
        formCard.setWidth("auto");
        formCard.setMinWidth("320px");
        formCard.getStyle().set("flex", "1 1 480px");
        add(header, columns);
    }

    private void submit(TaskDetails details, String data, Button submit) {
        errors.setVisible(false);
        try {
            TaskOutcome completion = tasks.complete(details.task().id(), user, data, getLocale());
            Errors.success(getTranslation(completion == TaskOutcome.COMPLETED ? "task.completed" : "task.gone"));
            getUI().ifPresent(ui -> ui.navigate(InboxView.class));
        } catch (UserFacingException e) {
            showErrors(Errors.texts(this, e));
            submit.setEnabled(true);
        }
    }

    private void showErrors(List<String> messages) {
        errors.removeAll();
        errors.add(new Span(getTranslation("task.error.refused")));
        UnorderedList list = new UnorderedList();
        messages.forEach(m -> list.add(new ListItem(m)));
        errors.add(list);
        errors.setVisible(true);
    }

    private void showMessage(String message) {
        Div box = new Div(new Span(message));
        box.addClassName("summit-errors");
        box.setId("task-message");
        Button back = new Button(getTranslation("task.back"), e -> getUI().ifPresent(ui -> ui.navigate(InboxView.class)));
        add(box, back);
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public String getPageTitle() {
        return title.isEmpty() ? getTranslation("nav.inbox") : title;
    }
}
