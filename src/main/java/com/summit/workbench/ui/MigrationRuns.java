package com.summit.workbench.ui;

import com.summit.base.UserFacingException;
import com.summit.base.ui.Errors;
import com.summit.base.ui.Formats;
import com.summit.security.domain.SummitUser;
import com.summit.workbench.domain.InstanceMigration;
import com.summit.workbench.service.InstanceMigrations;
import com.summit.workbench.service.MigrationRefusals;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Map;

/**
 * The migrations of one model: the one running now with its progress (the page polls while it runs), the instances
 * the engine refused with its reason in words, and the earlier runs, an interrupted one with a button to go on.
 */
class MigrationRuns extends Composite<VerticalLayout> {

    private final transient InstanceMigrations migrations;
    private final transient SummitUser user;
    private final String resourceName;
    private final transient Map<Long, String> subjects;
    private final transient Map<String, String> names;
    private final transient Map<String, String> filterLabels = new java.util.HashMap<>();
    private final Runnable afterRun;
    private final Div progressArea = new Div();
    private final Div itemsArea = new Div();
    private final Grid<InstanceMigration> history = new Grid<>();
    private Registration polling;
    private long followed = -1;

    /**
     * @param subjects what each instance is about, by process instance key, where the page knows it
     * @param afterRun called when a followed run ends (the page reloads what runs where)
     */
    MigrationRuns(InstanceMigrations migrations, SummitUser user, String resourceName, Map<Long, String> subjects,
            Map<String, String> names, Runnable afterRun) {
        this.migrations = migrations;
        this.user = user;
        this.resourceName = resourceName;
        this.subjects = subjects;
        this.names = names;
        this.afterRun = afterRun;
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        progressArea.setId("migration-progress");
        progressArea.setWidthFull();
        itemsArea.setId("migration-items");
        itemsArea.setWidthFull();
        history.setId("migration-history");
        history.addColumn(m -> Formats.dateTime(m.startedAt())).setHeader(getTranslation("workbench.created")).setAutoWidth(true);
        history.addColumn(m -> Names.who(this, m.startedBy(), names)).setHeader(getTranslation("workbench.author")).setAutoWidth(true);
        history.addColumn(m -> "v" + m.sourceVersion() + " → v" + m.targetVersion() + (m.dryRun() ? " · " + getTranslation("workbench.migration.try") : ""))
                .setHeader(getTranslation("workbench.version")).setAutoWidth(true);
        history.addComponentColumn(this::stateOf).setHeader(getTranslation("workbench.state")).setAutoWidth(true);
        history.addColumn(m -> getTranslation("workbench.migration.counts", m.migrated(), m.refused(), m.pending()))
                .setHeader(getTranslation("workbench.migration.outcome")).setAutoWidth(true);
        history.addColumn(m -> m.filter() == null ? "—" : filterLabels.getOrDefault(m.filter(), m.filter())).setHeader(getTranslation("workbench.migration.chosen"))
                .setFlexGrow(1).setWidth("14em");
        // a filter's words and a deal's name are read whole: the cells wrap rather than cut them off
        history.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        history.addComponentColumn(this::actionsOf).setAutoWidth(true).setFlexGrow(0);
        history.setAllRowsVisible(true);
        layout.add(progressArea, itemsArea, new H3(getTranslation("workbench.migration.history")), history);
        reloadHistory();
    }

    /** What the instances are about, once the page has planned a migration. */
    void subjects(Map<Long, String> known) {
        subjects.putAll(known);
    }

    /** How the page words the instance filters it stores as codes ({@code stage=…}, {@code element=…}). */
    void filterLabels(Map<String, String> labels) {
        filterLabels.putAll(labels);
        history.getDataProvider().refreshAll();
    }

    void reloadHistory() {
        List<InstanceMigration> runs = migrations.history(user, resourceName);
        history.setItems(runs);
        history.setVisible(!runs.isEmpty());
    }

    private Span stateOf(InstanceMigration m) {
        Span state = new Span(getTranslation("workbench.migration.state." + m.state().name()));
        state.getElement().getThemeList().add(switch (m.state()) {
            case RUNNING -> "badge";
            case FINISHED -> m.refused() > 0 ? "badge contrast" : "badge success";
            case INTERRUPTED -> "badge error";
        });
        return state;
    }

    private Div actionsOf(InstanceMigration m) {
        Div actions = new Div();
        Button show = new Button(getTranslation("workbench.migration.showItems"), VaadinIcon.LIST.create(), e -> showItems(m));
        show.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        show.setId("migration-show-" + m.id());
        actions.add(show);
        if (m.state() == InstanceMigration.State.INTERRUPTED) {
            Button resume = new Button(getTranslation("workbench.migration.resume"), VaadinIcon.PLAY.create(), e -> {
                try {
                    migrations.resume(user, m.id());
                    follow(m.id());
                } catch (UserFacingException ex) {
                    Errors.show(this, ex);
                }
            });
            resume.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            resume.setId("migration-resume-" + m.id());
            actions.add(resume);
        }
        return actions;
    }

    /** Shows a run's progress until it ends, polling once a second. */
    void follow(long migrationId) {
        followed = migrationId;
        itemsArea.removeAll();
        startPolling();
        update();
    }

    private void startPolling() {
        getUI().ifPresent(ui -> {
            if (polling == null) {
                ui.setPollInterval(1000);
                polling = ui.addPollListener(e -> update());
            }
        });
    }

    private void stopPolling() {
        if (polling != null) {
            polling.remove();
            polling = null;
            getUI().ifPresent(ui -> ui.setPollInterval(-1));
        }
    }

    private void update() {
        if (followed < 0) {
            return;
        }
        InstanceMigration m;
        try {
            m = migrations.migration(user, followed);
        } catch (UserFacingException e) {
            stopPolling();
            progressArea.removeAll();
            progressArea.add(new Paragraph(Errors.text(this, e)));
            return;
        }
        progressArea.removeAll();
        ProgressBar bar = new ProgressBar(0, Math.max(1, m.total()), m.total() - m.pending());
        bar.setId("migration-progress-bar");
        Paragraph text = new Paragraph(getTranslation("workbench.migration.progress", m.total() - m.pending(), m.total(), m.migrated(), m.refused()));
        text.setId("migration-progress-text");
        progressArea.add(new Div(stateOf(m)), bar, text);
        if (m.state() != InstanceMigration.State.RUNNING) {
            stopPolling();
            followed = -1;
            if (m.refused() > 0) {
                showItems(m);
            }
            reloadHistory();
            afterRun.run();
        }
    }

    /** A run's refused instances with the engine's reason in words (all of its instances when none was refused). */
    void showItems(InstanceMigration m) {
        itemsArea.removeAll();
        List<InstanceMigration.Item> items = migrations.items(user, m.id());
        List<InstanceMigration.Item> refused = items.stream().filter(i -> i.outcome() == InstanceMigration.Outcome.REFUSED).toList();
        H3 heading = new H3(getTranslation(refused.isEmpty() ? "workbench.migration.items" : "workbench.migration.refused",
                "v" + m.sourceVersion() + " → v" + m.targetVersion()));
        Grid<InstanceMigration.Item> grid = new Grid<>();
        grid.setId("migration-item-list");
        grid.addColumn(i -> subjects.getOrDefault(i.processInstanceKey(), "#" + i.processInstanceKey()))
                .setHeader(getTranslation("workbench.migration.subject")).setAutoWidth(true);
        grid.addColumn(i -> getTranslation("workbench.migration.outcome." + i.outcome().name()))
                .setHeader(getTranslation("workbench.migration.outcome")).setAutoWidth(true);
        grid.addComponentColumn(this::reasonOf).setHeader(getTranslation("workbench.migration.reason")).setFlexGrow(1);
        grid.setAllRowsVisible(true);
        grid.setItems(refused.isEmpty() ? items : refused);
        itemsArea.add(heading, grid);
    }

    private Div reasonOf(InstanceMigration.Item item) {
        if (item.outcome() == InstanceMigration.Outcome.MIGRATED) {
            return new Div(new Span(getTranslation("workbench.migration.tasksMoved", item.tasksMoved())));
        }
        if (item.reason() == null) {
            return new Div();
        }
        MigrationRefusals.Explained explained = MigrationRefusals.explain(item.reason());
        Span engine = new Span(getTranslation("workbench.migration.engineSaid", item.reason()));
        engine.addClassName("summit-muted");
        return new Div(new Div(new Span(getTranslation(explained.messageKey(), explained.arguments().toArray()))), new Div(engine));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (followed >= 0) {
            startPolling();
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (polling != null) {
            polling.remove();
            polling = null;
            detachEvent.getUI().setPollInterval(-1);
        }
        super.onDetach(detachEvent);
    }
}
