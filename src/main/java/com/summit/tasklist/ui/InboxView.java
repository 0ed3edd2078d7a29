package com.summit.tasklist.ui;

import com.summit.base.UserFacingException;
import com.summit.base.ui.Errors;
import com.summit.tasklist.service.ProcessStartService;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.summit.base.ui.Formats;
import com.summit.security.domain.Role;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.CurrentUser;
import com.summit.tasklist.domain.HumanTask;
import com.summit.tasklist.domain.SavedFilter;
import com.summit.tasklist.domain.TaskQuery;
import com.summit.tasklist.service.TaskBroadcaster;
import com.summit.tasklist.service.TaskRow;
import com.summit.tasklist.service.SavedFilterService;
import com.summit.tasklist.service.TaskService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** 我的待办: the human steps waiting for the signed-in user, with filters the user can save and share. */
@Route("")
@Menu(title = "nav.inbox", order = 0, icon = "vaadin:inbox")
@PermitAll
public class InboxView extends VerticalLayout implements HasDynamicTitle {

    private final transient TaskService tasks;
    private final transient SavedFilterService filters;
    private final transient TaskBroadcaster broadcaster;
    private transient Runnable unregister;
    private final transient SummitUser user;
    private final Grid<TaskRow> grid = new Grid<>();
    private final Map<Tab, TaskQuery.Scope> scopes = new LinkedHashMap<>();
    private final Tabs tabs = new Tabs();

    private final ComboBox<String> process = new ComboBox<>();
    private final ComboBox<String> stage = new ComboBox<>();
    private final TextField customer = new TextField();
    private final Select<String> tier = new Select<>();
    private final Select<TaskQuery.Due> due = new Select<>();
    private final DatePicker followUp = new DatePicker();
    private final IntegerField minPriority = new IntegerField();
    private final ComboBox<String> group = new ComboBox<>();
    private final TextField text = new TextField();
    private final Select<TaskQuery.Sort> sort = new Select<>();
    private final ComboBox<SavedFilter> saved = new ComboBox<>();
    private final Span count = new Span();

    public InboxView(TaskService tasks, SavedFilterService filters, ProcessStartService starts, TaskBroadcaster broadcaster,
            CurrentUser currentUser) {
        this.tasks = tasks;
        this.filters = filters;
        this.broadcaster = broadcaster;
        this.user = currentUser.require();
        addClassName("summit-page");
        setSizeFull();

        scope("inbox.tab.open", TaskQuery.Scope.INBOX, "tab-open");
        scope("inbox.tab.mine", TaskQuery.Scope.MINE, "tab-mine");
        scope("inbox.tab.claimable", TaskQuery.Scope.CLAIMABLE, "tab-claimable");
        if (TaskService.isManager(user)) {
            scope("inbox.tab.all", TaskQuery.Scope.ALL, "tab-all");
        }
        scope("inbox.tab.done", TaskQuery.Scope.DONE, "tab-done");
        tabs.addSelectedChangeListener(e -> refresh());
        Button reload = new Button(getTranslation("inbox.refresh"), VaadinIcon.REFRESH.create(), e -> refresh());
        reload.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        count.getStyle().set("color", "var(--lumo-secondary-text-color)");
        count.setId("inbox-count");
        HorizontalLayout bar = new HorizontalLayout(tabs, count, reload);
        startMenu(starts).ifPresent(bar::add);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(tabs);

        grid.setId("inbox-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(this::nameCell).setHeader(getTranslation("inbox.col.task")).setFlexGrow(3);
        grid.addColumn(TaskRow::business).setHeader(getTranslation("inbox.col.business")).setFlexGrow(4).setTooltipGenerator(TaskRow::business);
        grid.addColumn(this::assigneeOf).setHeader(getTranslation("inbox.col.assignee")).setAutoWidth(true);
        grid.addComponentColumn(r -> dueBadge(r.task())).setHeader(getTranslation("inbox.col.due")).setAutoWidth(true);
        grid.addColumn(r -> r.task().priority()).setHeader(getTranslation("inbox.col.priority")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(r -> Formats.dateTime(r.task().createdAt())).setHeader(getTranslation("inbox.col.created")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("inbox.empty"));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(TaskView.class,
                new RouteParameters("taskId", Long.toString(e.getItem().task().id())))));
        add(bar, filters(), grid);
        expand(grid);
        refresh();
    }

    /** "Start a process": the processes with a start form that this user may start. */
    private java.util.Optional<MenuBar> startMenu(ProcessStartService starts) {
        var startable = starts.startable(user, getLocale());
        if (startable.isEmpty()) {
            return java.util.Optional.empty();
        }
        MenuBar menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_PRIMARY);
        menu.setId("start-menu");
        MenuItem root = menu.addItem(new Span(VaadinIcon.PLUS.create(), new Span(" " + getTranslation("start.button"))));
        for (var process : startable) {
            root.getSubMenu().addItem(process.name(), e -> getUI().ifPresent(ui -> ui.navigate(StartView.class,
                    new RouteParameters("processId", process.bpmnProcessId())))).setId("start-" + process.bpmnProcessId());
        }
        return java.util.Optional.of(menu);
    }

    /** A task that becomes this user's work appears without a reload, with a notification (Vaadin Push). */
    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        var ui = attachEvent.getUI();
        unregister = broadcaster.register(event -> {
            if (tasks.isFor(event.task(), user)) {
                ui.access(() -> {
                    refresh();
                    var n = com.vaadin.flow.component.notification.Notification.show(
                            getTranslation("inbox.newTask", tasks.name(event.task(), ui.getLocale())), 5000,
                            com.vaadin.flow.component.notification.Notification.Position.BOTTOM_END);
                    n.addThemeVariants(com.vaadin.flow.component.notification.NotificationVariant.LUMO_PRIMARY);
                });
            }
        });
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent detachEvent) {
        if (unregister != null) {
            unregister.run();
            unregister = null;
        }
        super.onDetach(detachEvent);
    }

    private void scope(String key, TaskQuery.Scope scope, String id) {
        Tab tab = new Tab(getTranslation(key));
        tab.setId(id);
        scopes.put(tab, scope);
        tabs.add(tab);
    }

    private Details filters() {
        var options = tasks.filterOptions(getLocale());
        process.setLabel(getTranslation("filter.process"));
        process.setItems(options.processes().keySet());
        process.setItemLabelGenerator(id -> options.processes().getOrDefault(id, id));
        stage.setLabel(getTranslation("filter.stage"));
        stage.setItems(options.stages());
        stage.setItemLabelGenerator(s -> translated("stage." + s, s));
        customer.setLabel(getTranslation("filter.customer"));
        customer.setValueChangeMode(ValueChangeMode.LAZY);
        tier.setLabel(getTranslation("filter.customerTier"));
        tier.setItems(TaskQuery.CUSTOMER_TIERS);
        tier.setEmptySelectionAllowed(true);
        tier.setEmptySelectionCaption(getTranslation("filter.any"));
        tier.setItemLabelGenerator(t -> t == null ? getTranslation("filter.any") : getTranslation("tier." + t));
        tier.setId("filter-tier");
        due.setLabel(getTranslation("filter.due"));
        due.setItems(TaskQuery.Due.values());
        due.setEmptySelectionAllowed(true);
        due.setEmptySelectionCaption(getTranslation("filter.any"));
        due.setItemLabelGenerator(d -> d == null ? getTranslation("filter.any") : getTranslation("filter.due." + d.name()));
        followUp.setLabel(getTranslation("filter.followUpBefore"));
        followUp.setClearButtonVisible(true);
        minPriority.setLabel(getTranslation("filter.minPriority"));
        minPriority.setMin(0);
        minPriority.setMax(100);
        minPriority.setWidth("8em");
        group.setLabel(getTranslation("filter.candidateGroup"));
        group.setItems(options.candidateGroups());
        group.setItemLabelGenerator(this::groupName);
        text.setLabel(getTranslation("filter.text"));
        text.setPlaceholder(getTranslation("filter.text.placeholder"));
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setId("filter-text");
        sort.setLabel(getTranslation("filter.sort"));
        sort.setItems(TaskQuery.Sort.values());
        sort.setItemLabelGenerator(s -> getTranslation("filter.sort." + s.name()));
        sort.setValue(TaskQuery.Sort.DUE);
        sort.setId("filter-sort");
        process.addValueChangeListener(e -> refreshIf(e.isFromClient()));
        stage.addValueChangeListener(e -> refreshIf(e.isFromClient()));
        customer.addValueChangeListener(e -> refreshIf(e.isFromClient()));
        tier.addValueChangeListener(e -> refreshIf(e.isFromClient()));
        due.addValueChangeListener(e -> refreshIf(e.isFromClient()));
        followUp.addValueChangeListener(e -> refreshIf(e.isFromClient()));
        minPriority.addValueChangeListener(e -> refreshIf(e.isFromClient()));
        group.addValueChangeListener(e -> refreshIf(e.isFromClient()));
        text.addValueChangeListener(e -> refreshIf(e.isFromClient()));
        sort.addValueChangeListener(e -> refreshIf(e.isFromClient()));
        process.setClearButtonVisible(true);
        stage.setClearButtonVisible(true);
        group.setClearButtonVisible(true);
        customer.setClearButtonVisible(true);
        text.setClearButtonVisible(true);

        saved.setLabel(getTranslation("filter.saved"));
        saved.setItemLabelGenerator(f -> f.shared() && !f.owner().equals(user.username())
                ? f.name() + " · " + getTranslation("filter.sharedBy", f.owner()) : f.name() + (f.shared() ? " · " + getTranslation("filter.shared") : ""));
        saved.setId("filter-saved");
        saved.setClearButtonVisible(true);
        saved.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                apply(e.getValue().query());
            }
        });
        reloadSaved();
        Button save = new Button(getTranslation("filter.save"), VaadinIcon.BOOKMARK.create(), e -> openSaveDialog());
        save.setId("filter-save");
        Button delete = new Button(getTranslation("filter.delete"), VaadinIcon.TRASH.create(), e -> {
            if (saved.getValue() != null) {
                try {
                    filters.delete(saved.getValue().id(), user);
                    saved.clear();
                    reloadSaved();
                } catch (UserFacingException ex) {
                    Errors.show(this, ex);
                }
            }
        });
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button clear = new Button(getTranslation("filter.clear"), e -> {
            apply(TaskQuery.inbox().withScope(currentScope()));
            saved.clear();
        });
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        FlexLayout fields = new FlexLayout(process, stage, customer, tier, due, followUp, minPriority, group, text, sort);
        fields.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        fields.getStyle().set("gap", "var(--lumo-space-m)");
        HorizontalLayout savedBar = new HorizontalLayout(saved, save, delete, clear);
        savedBar.setAlignItems(FlexComponent.Alignment.BASELINE);
        VerticalLayout content = new VerticalLayout(fields, savedBar);
        content.setPadding(false);
        Details details = new Details(getTranslation("filter.title"), content);
        details.setId("inbox-filters");
        details.setWidthFull();
        return details;
    }

    private void openSaveDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("filter.save"));
        TextField name = new TextField(getTranslation("filter.name"));
        name.setWidthFull();
        name.setId("filter-name");
        Checkbox share = new Checkbox(getTranslation("filter.shareWithTeam", user.team() == null ? "—" : user.team()));
        share.setEnabled(user.team() != null);
        share.setId("filter-share");
        dialog.add(new VerticalLayout(name, share));
        Button ok = new Button(getTranslation("common.save"), e -> {
            try {
                filters.save(user, name.getValue(), query(), share.getValue());
                dialog.close();
                reloadSaved();
                Errors.success(getTranslation("filter.saved.done", name.getValue().strip()));
            } catch (UserFacingException ex) {
                name.setErrorMessage(Errors.text(this, ex));
                name.setInvalid(true);
            }
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ok.setId("filter-name-save");
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), ok);
        dialog.open();
    }

    private void reloadSaved() {
        saved.setItems(filters.visibleTo(user));
    }

    private TaskQuery.Scope currentScope() {
        return scopes.getOrDefault(tabs.getSelectedTab(), TaskQuery.Scope.INBOX);
    }

    private TaskQuery query() {
        return new TaskQuery(currentScope(), process.getValue(), stage.getValue(), customer.getValue(),
                tier.getValue(), due.getValue(),
                followUp.getValue(), minPriority.getValue(), group.getValue(), text.getValue(), sort.getValue());
    }

    private void apply(TaskQuery q) {
        process.setValue(q.bpmnProcessId());
        stage.setValue(q.stage());
        customer.setValue(q.customer() == null ? "" : q.customer());
        tier.setValue(tierOf(q.customerTier()));
        due.setValue(q.due());
        followUp.setValue(q.followUpBefore());
        minPriority.setValue(q.minPriority());
        group.setValue(q.candidateGroup());
        text.setValue(q.text() == null ? "" : q.text());
        sort.setValue(q.sortOrDefault());
        scopes.forEach((tab, scope) -> {
            if (scope == q.scopeOrDefault() && tabs.getSelectedTab() != tab) {
                tabs.setSelectedTab(tab);
            }
        });
        refresh();
    }

    /** A saved filter's tier, or none when the name is no longer a tier. */
    private static String tierOf(String name) {
        return TaskQuery.CUSTOMER_TIERS.contains(name) ? name : null;
    }

    private void refreshIf(boolean fromClient) {
        if (fromClient) {
            refresh();
        }
    }

    private void refresh() {
        try {
            TaskQuery query = query();
            int total = tasks.count(query, user);
            // the grid reads a page at a time as the user scrolls; the count is the real one (capped far above a screen)
            grid.setItems(q -> tasks.page(query, user, getLocale(), q.getOffset(), q.getLimit()).stream(),
                    q -> Math.min(total, TaskService.COUNT_CAP));
            count.setText(total > TaskService.COUNT_CAP ? getTranslation("inbox.count.more", TaskService.COUNT_CAP)
                    : getTranslation("inbox.count", total));
        } catch (UserFacingException e) {
            Errors.show(this, e);
        }
    }

    private HorizontalLayout nameCell(TaskRow row) {
        Span name = new Span(row.name());
        HorizontalLayout cell = new HorizontalLayout(name);
        cell.setSpacing(false);
        cell.getStyle().set("gap", "var(--lumo-space-xs)");
        if (row.task().isOpen() && row.task().dueAt() != null && row.task().dueAt().isBefore(Instant.now())) {
            Span marker = new Span(getTranslation("inbox.marker.overdue"));
            marker.getElement().getThemeList().add("badge error small");
            cell.addComponentAsFirst(marker);
        } else if (row.task().isOpen() && row.task().dueAt() != null && row.task().dueAt().isBefore(Instant.now().plusSeconds(24 * 3600))) {
            Span marker = new Span(getTranslation("inbox.marker.dueSoon"));
            marker.getElement().getThemeList().add("badge contrast small");
            cell.addComponentAsFirst(marker);
        }
        return cell;
    }

    private String assigneeOf(TaskRow row) {
        if (row.task().assignee() == null) {
            return getTranslation("inbox.unassigned", String.join("、", row.task().candidateGroups().stream().map(this::groupName).toList()));
        }
        return row.assigneeName();
    }

    private String groupName(String group) {
        try {
            return getTranslation(Role.valueOf(group).messageKey());
        } catch (IllegalArgumentException e) {
            return group;
        }
    }

    private String translated(String key, String fallback) {
        String text = getTranslation(key);
        return text.startsWith("!") ? fallback : text;
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
