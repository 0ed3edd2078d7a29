package com.summit.tasklist.ui;

import com.summit.base.UserFacingException;
import com.summit.base.ui.BpmnViewer;
import com.summit.base.ui.Errors;
import com.summit.base.ui.Formats;
import com.summit.tasklist.domain.TaskComment;
import com.summit.tasklist.domain.TaskEvent;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.combobox.ComboBox;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.CurrentUser;
import com.summit.tasklist.service.TaskContextProvider;
import com.summit.tasklist.service.TaskDetails;
import com.summit.tasklist.service.TaskOutcome;
import com.summit.tasklist.service.TaskAttachmentService;
import com.summit.tasklist.service.TaskCommentService;
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
    private final transient com.summit.tasklist.service.TaskAssignment assignment;
    private static final java.util.concurrent.Executor FEEDBACK_WAITS = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
    private final transient TaskAttachmentService attachments;
    private final transient TaskCommentService comments;
    private final transient SummitUser user;
    private final Div errors = new Div();
    private String title = "";

    public TaskView(TaskService tasks, com.summit.tasklist.service.TaskAssignment assignment, TaskAttachmentService attachments,
            TaskCommentService comments, CurrentUser currentUser) {
        this.assignment = assignment;
        this.tasks = tasks;
        this.comments = comments;
        this.attachments = attachments;
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
        show(taskId);
    }

    private void show(long taskId) {
        removeAll();
        errors.setVisible(false);
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
        HorizontalLayout header = new HorizontalLayout(back, heading, state, assigneeBadge(details));
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        if (tasks.maySeeDeal(details.task(), user)) {
            com.vaadin.flow.component.html.Anchor deal = new com.vaadin.flow.component.html.Anchor(
                    "opportunities/" + details.task().opportunityId(), getTranslation("task.openDeal"));
            deal.setId("task-open-deal");
            header.add(deal);
        }
        HorizontalLayout actions = actions(details);

        VerticalLayout formCard = new VerticalLayout();
        formCard.addClassName("summit-card");
        formCard.setPadding(true);
        formCard.add(errors);
        if (details.formSchemaJson() != null) {
            FormJsViewer form = new FormJsViewer(details.formSchemaJson(), details.formDataJson(), details.formStringsJson());
            form.setWidthFull();
            formCard.add(form);
            if (details.task().isOpen() && user.username().equals(details.task().assignee())) {
                Button submit = new Button(getTranslation("task.submit"), e -> form.submit());
                submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                submit.setId("task-submit");
                submit.setDisableOnClick(true);
                form.addSubmitListener(data -> submit(details, data, submit));
                form.addInvalidListener(() -> submit.setEnabled(true));
                Button draft = new Button(getTranslation("task.saveDraft"), e -> form.readValues(values -> {
                    try {
                        tasks.saveDraft(details.task().id(), user, values);
                        Errors.success(getTranslation("task.draftSaved"));
                    } catch (UserFacingException ex) {
                        Errors.show(this, ex);
                    }
                }));
                draft.setId("task-save-draft");
                if (details.hasDraft()) {
                    Span notice = new Span(getTranslation("task.draftLoaded"));
                    notice.getElement().getThemeList().add("badge");
                    notice.setId("task-draft-loaded");
                    formCard.addComponentAtIndex(0, notice);
                }
                formCard.add(new HorizontalLayout(submit, draft));
            } else if (details.task().isOpen()) {
                formCard.add(new Span(getTranslation(details.task().assignee() == null ? "task.claimFirst" : "task.notYours")));
            }
        } else if (details.formUnknown()) {
            Span unknown = new Span(getTranslation("task.error.unknownForm"));
            unknown.setId("task-unknown-form");
            unknown.addClassName("summit-errors");
            formCard.add(unknown);
        } else {
            formCard.add(new Span(getTranslation("task.noForm")));
        }

        Div context = new Div();
        context.addClassNames("summit-card", "summit-context");
        context.setId("task-context");
        context.add(new H3(getTranslation("task.context")));
        StringBuilder dl = new StringBuilder("<dl>");
        for (TaskContextProvider.ContextItem item : details.context()) {
            dl.append("<dt>").append(escape(item.label())).append("</dt><dd>");
            if (item.href() != null && item.href().startsWith("/")) {
                dl.append("<a href=\"").append(escape(item.href().substring(1))).append("\">").append(escape(item.value())).append("</a>");
            } else {
                dl.append(escape(item.value()));
            }
            dl.append("</dd>");
        }
        dl.append("</dl>");
        context.add(new Html(dl.toString()));
        AttachmentsCard files = new AttachmentsCard(attachments, user, details.task().id(), details.task().isOpen(), tasks.displayNames());
        VerticalLayout side = new VerticalLayout(context, comments(details), files, history(details));
        side.setPadding(false);
        side.setMinWidth("260px");
        side.setMaxWidth("380px");

        FlexLayout columns = new FlexLayout(formCard, side);
        columns.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        columns.getStyle().set("gap", "var(--lumo-space-l)");
        columns.setWidthFull();
        columns.setFlexGrow(1, formCard);
        formCard.setWidth("auto");
        formCard.setMinWidth("320px");
        formCard.getStyle().set("flex", "1 1 480px");
        add(header, actions, columns);
        tasks.diagram(details.task().id(), user).ifPresent(xml -> {
            Div diagram = new Div(new H3(getTranslation("task.diagram")), new BpmnViewer(xml, List.of(details.task().elementId())));
            diagram.addClassName("summit-card");
            diagram.setId("task-diagram");
            diagram.setWidthFull();
            diagram.getStyle().set("box-sizing", "border-box");
            add(diagram);
        });
    }

    private Span assigneeBadge(TaskDetails details) {
        String assignee = details.task().assignee();
        Span badge = new Span(assignee == null ? getTranslation("task.unassigned")
                : getTranslation("task.assignee", tasks.displayNames().getOrDefault(assignee, assignee)));
        badge.getElement().getThemeList().add("badge contrast");
        badge.setId("task-assignee");
        return badge;
    }

    /** Claim, give back, or (managers) assign to someone else; the server decides who may. */
    private HorizontalLayout actions(TaskDetails details) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (!details.task().isOpen()) {
            return actions;
        }
        long id = details.task().id();
        String assignee = details.task().assignee();
        if (assignee == null && tasks.mayClaim(details.task(), user)) {
            Button claim = new Button(getTranslation("task.claim"), VaadinIcon.HAND.create(), e -> act(id, () -> assignment.claim(id, user), "task.claimed"));
            claim.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            claim.setId("task-claim");
            actions.add(claim);
        }
        if (user.username().equals(assignee) && (!details.task().candidateGroups().isEmpty() || !details.task().candidateUsers().isEmpty())) {
            Button unclaim = new Button(getTranslation("task.unclaim"), e -> act(id, () -> assignment.unclaim(id, user), "task.unclaimed"));
            unclaim.setId("task-unclaim");
            actions.add(unclaim);
        }
        if (tasks.mayAssign(details.task(), user)) {
            ComboBox<SummitUser> to = new ComboBox<>();
            to.setItems(assignment.assignableTo(id, user));
            to.setItemLabelGenerator(SummitUser::displayName);
            to.setPlaceholder(getTranslation("task.assignTo"));
            to.setId("task-assign-to");
            Button assign = new Button(getTranslation("task.assign"), e -> {
                if (to.getValue() != null) {
                    act(id, () -> assignment.assign(id, user, to.getValue().username()), "task.assigned");
                }
            });
            assign.setId("task-assign");
            actions.add(to, assign);
        }
        return actions;
    }

    private void act(long taskId, Runnable action, String successKey) {
        try {
            action.run();
            Errors.success(getTranslation(successKey));
        } catch (UserFacingException e) {
            Errors.show(this, e);
        }
        show(taskId);
    }

    private Div comments(TaskDetails details) {
        Div card = new Div();
        card.addClassNames("summit-card", "summit-context");
        card.setId("task-comments");
        card.add(new H3(getTranslation("task.comments")));
        var names = tasks.displayNames();
        var comments = this.comments.comments(details.task().id(), user);
        if (comments.isEmpty()) {
            Span none = new Span(getTranslation("task.comments.empty"));
            none.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            card.add(none);
        }
        for (TaskComment comment : comments) {
            Div item = new Div();
            Span meta = new Span(names.getOrDefault(comment.author(), comment.author()) + " · " + Formats.dateTime(comment.at()));
            meta.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-xs)");
            Div body = new Div(new Span(comment.body()));
            body.getStyle().set("white-space", "pre-wrap");
            item.add(meta, body);
            item.getStyle().set("margin-bottom", "var(--lumo-space-s)");
            card.add(item);
        }
        TextArea text = new TextArea();
        text.setPlaceholder(getTranslation("task.comment.placeholder"));
        text.setWidthFull();
        text.setMaxLength(TaskCommentService.COMMENT_MAX);
        text.setId("task-comment-text");
        Button add = new Button(getTranslation("task.comment.add"), e -> {
            try {
                this.comments.comment(details.task().id(), user, text.getValue());
                show(details.task().id());
            } catch (UserFacingException ex) {
                text.setErrorMessage(Errors.text(this, ex));
                text.setInvalid(true);
            }
        });
        add.setId("task-comment-add");
        card.add(text, add);
        return card;
    }

    private Div history(TaskDetails details) {
        Div card = new Div();
        card.addClassNames("summit-card", "summit-context");
        card.setId("task-history");
        card.add(new H3(getTranslation("task.history")));
        var names = tasks.displayNames();
        UnorderedList list = new UnorderedList();
        for (TaskEvent event : tasks.history(details.task().id(), user)) {
            String who = event.actor() == null ? getTranslation("task.history.process") : names.getOrDefault(event.actor(), event.actor());
            String target = event.target() == null ? "" : names.getOrDefault(event.target(), event.target());
            ListItem item = new ListItem(Formats.dateTime(event.at()) + " · " + tasks.eventTaskName(event, getLocale()) + " · "
                    + getTranslation("task.event." + event.type().name(), who, target));
            list.add(item);
        }
        list.getStyle().set("padding-left", "1.1em").set("margin", "0").set("font-size", "var(--lumo-font-size-s)");
        card.add(list);
        return card;
    }

    private void submit(TaskDetails details, String data, Button submit) {
        errors.setVisible(false);
        try {
            java.time.Instant since = java.time.Instant.now();
            TaskOutcome completion = tasks.complete(details.task().id(), user, data, getLocale());
            Errors.success(getTranslation(switch (completion) {
                case COMPLETED -> "task.completed";
                case GONE -> "task.gone";
                case SUBMITTED -> "task.submittedPending";
            }));
            if (completion == TaskOutcome.COMPLETED) {
                // a stage task that asked to advance hears the gate's answer as soon as it comes, not only "done";
                // the wait (up to a few seconds) runs on a thread of its own, and the answer is pushed to this UI
                long taskId = details.task().id();
                java.util.Locale locale = getLocale();
                getUI().ifPresent(ui -> java.util.concurrent.CompletableFuture
                        .supplyAsync(() -> tasks.feedback(taskId, data, since, user, locale), FEEDBACK_WAITS)
                        .thenAccept(feedback -> feedback.ifPresent(text -> ui.access(() -> Errors.notice(text)))));
            }
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
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public String getPageTitle() {
        return title.isEmpty() ? getTranslation("nav.inbox") : title;
    }
}
