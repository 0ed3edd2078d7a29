package com.summit.tasklist.ui;

import com.summit.base.ui.Formats;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.CurrentUser;
import com.summit.tasklist.domain.HumanTask;
import com.summit.tasklist.service.TaskRow;
import com.summit.tasklist.service.TaskService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.util.List;

/** 我的待办: the human steps waiting for the signed-in user. */
@Route("")
@Menu(title = "nav.inbox", order = 0, icon = "vaadin:inbox")
@PermitAll
public class InboxView extends VerticalLayout implements HasDynamicTitle {

    private final transient TaskService tasks;
    private final transient SummitUser user;
    private final Grid<TaskRow> grid = new Grid<>();
    private final Tab open = new Tab();
    private final Tab mine = new Tab();
    private final Tab claimable = new Tab();
    private final Tab all = new Tab();
    private final Tab done = new Tab();

    public InboxView(TaskService tasks, CurrentUser currentUser) {
        this.tasks = tasks;
        this.user = currentUser.require();
        addClassName("summit-page");
        setSizeFull();

        open.setLabel(getTranslation("inbox.tab.open"));
        mine.setLabel(getTranslation("inbox.tab.mine"));
        claimable.setLabel(getTranslation("inbox.tab.claimable"));
        all.setLabel(getTranslation("inbox.tab.all"));
        done.setLabel(getTranslation("inbox.tab.done"));
        open.setId("tab-open");
        mine.setId("tab-mine");
        claimable.setId("tab-claimable");
        all.setId("tab-all");
        done.setId("tab-done");
        Tabs tabs = new Tabs(open, mine, claimable);
        if (TaskService.isManager(user)) {
            tabs.add(all);
        }
        tabs.add(done);
        tabs.addSelectedChangeListener(e -> refresh());
        Button reload = new Button(getTranslation("inbox.refresh"), VaadinIcon.REFRESH.create(), e -> refresh());
        reload.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout bar = new HorizontalLayout(tabs, reload);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(tabs);

        grid.setId("inbox-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(TaskRow::name).setHeader(getTranslation("inbox.col.task")).setFlexGrow(3);
        grid.addColumn(TaskRow::business).setHeader(getTranslation("inbox.col.business")).setFlexGrow(4);
        grid.addComponentColumn(r -> dueBadge(r.task())).setHeader(getTranslation("inbox.col.due")).setAutoWidth(true);
        grid.addColumn(r -> assigneeOf(r)).setHeader(getTranslation("inbox.col.assignee")).setAutoWidth(true);
        grid.addColumn(r -> r.task().priority()).setHeader(getTranslation("inbox.col.priority")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(r -> Formats.dateTime(r.task().createdAt())).setHeader(getTranslation("inbox.col.created")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("inbox.empty"));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(TaskView.class, new com.vaadin.flow.router.RouteParameters("taskId", Long.toString(e.getItem().task().id())))));
        add(bar, grid);
        expand(grid);
        refresh();
    }

    private void refresh() {
        List<TaskRow> items;
        if (done.isSelected()) {
            items = tasks.completedBy(user, getLocale());
        } else if (mine.isSelected()) {
            items = tasks.assignedTo(user, getLocale());
        } else if (claimable.isSelected()) {
            items = tasks.claimable(user, getLocale());
        } else if (all.isSelected()) {
            items = tasks.allOpen(user, getLocale());
        } else {
            items = tasks.inbox(user, getLocale());
        }
        grid.setItems(items);
    }

    private String assigneeOf(TaskRow row) {
        if (row.task().assignee() == null) {
            return getTranslation("inbox.unassigned", String.join("、", row.task().candidateGroups().stream()
                    .map(this::groupName).toList()));
        }
        return row.assigneeName();
    }

    private String groupName(String group) {
        try {
            return getTranslation(com.summit.security.domain.Role.valueOf(group).messageKey());
        } catch (IllegalArgumentException e) {
            return group;
        }
    }

    private Span dueBadge(HumanTask task) {
        if (task.dueAt() == null) {
            return new Span("—");
        }
        Span badge = new Span(Formats.dateTime(task.dueAt()));
        badge.getElement().getThemeList().add("badge");
        Instant now = Instant.now();
        if (task.isOpen() && task.dueAt().isBefore(now)) {
            badge.getElement().getThemeList().add("error");
            badge.setText(getTranslation("inbox.overdue", Formats.dateTime(task.dueAt())));
        } else if (task.isOpen() && task.dueAt().isBefore(now.plusSeconds(24 * 3600))) {
            badge.getElement().getThemeList().add("contrast");
        }
        return badge;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.inbox");
    }
}
