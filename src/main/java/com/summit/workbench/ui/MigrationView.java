package com.summit.workbench.ui;

import com.summit.base.UserFacingException;
import com.summit.base.ui.Errors;
import com.summit.engine.ModelVersion;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.CurrentUser;
import com.summit.workbench.domain.InstanceMigration;
import com.summit.workbench.service.InstanceMigrations;
import com.summit.workbench.service.InstanceSubjectSource;
import com.summit.workbench.service.MigrationRefusals;
import com.summit.workbench.service.WorkbenchService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Moving the running instances of a process onto another deployed version: the owner picks the versions and the
 * instances (all, or those at an element or in a stage), maps the elements that have no twin, tries one instance,
 * then migrates the rest with progress, and reads each refusal in words.
 */
@Route("workbench/migrate")
@RolesAllowed({"PROCESS_OWNER", "ADMIN"})
public class MigrationView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private static final String ALL = "all";
    private static final String ELEMENT = "element";
    private static final String STAGE = "stage";

    private final transient InstanceMigrations migrations;
    private final transient WorkbenchService workbench;
    private final transient SummitUser user;
    private final transient Map<String, String> names;
    private final Map<String, String> choices = new HashMap<>();
    private final Div planArea = new Div();
    private final Div tryResult = new Div();
    private String resourceName = "";
    private String title = "";
    private transient InstanceMigrations.Plan plan;
    private MigrationRuns runs;
    private Select<Integer> source;
    private final Paragraph counts = new Paragraph();
    private Map<Integer, Integer> running = Map.of();
    private boolean recounting;
    private Select<Integer> target;
    private String scopeChoice = ALL;
    private String elementChoice;
    private String stageChoice;

    public MigrationView(InstanceMigrations migrations, WorkbenchService workbench, CurrentUser currentUser) {
        this.migrations = migrations;
        this.workbench = workbench;
        this.user = currentUser.require();
        this.names = workbench.displayNames();
        addClassName("summit-page");
        planArea.setWidthFull();
        tryResult.setId("migration-try-result");
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        resourceName = parameter;
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        render(number(query.get("from")), number(query.get("to")));
    }

    private static Integer number(List<String> values) {
        try {
            return values == null || values.isEmpty() ? null : Integer.valueOf(values.getFirst());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void render(Integer from, Integer to) {
        removeAll();
        add(new Anchor("workbench/model/" + resourceName, getTranslation("workbench.migration.back")));
        List<ModelVersion> deployed;
        try {
            deployed = workbench.versions(resourceName, user).stream()
                    .filter(v -> v.state() == ModelVersion.State.DEPLOYED && v.kind() == ModelVersion.Kind.BPMN).toList();
            running = migrations.runningByVersion(user, resourceName);
        } catch (UserFacingException e) {
            add(new Paragraph(Errors.text(this, e)));
            return;
        }
        if (deployed.isEmpty()) {
            add(new Paragraph(getTranslation("workbench.migration.error.noVersion", resourceName, "")));
            return;
        }
        title = getTranslation("workbench.migration.title", workbench.shownName(deployed.getFirst(), getLocale()));
        H2 heading = new H2(title);
        heading.setId("migration-heading");
        add(heading);
        counts.setId("migration-running");
        showCounts();
        source = new Select<>();
        source.setWidth("18em");
        source.setId("migration-source");
        source.setLabel(getTranslation("workbench.migration.source"));
        source.setItems(deployed.stream().map(ModelVersion::version).toList());
        source.setItemLabelGenerator(v -> "v" + v + " · " + getTranslation("workbench.migration.running", running.getOrDefault(v, 0)));
        target = new Select<>();
        target.setWidth("12em");
        target.setId("migration-target");
        target.setLabel(getTranslation("workbench.migration.target"));
        target.setItems(deployed.stream().map(ModelVersion::version).toList());
        target.setItemLabelGenerator(v -> "v" + v + (v.equals(deployed.getFirst().version()) ? " · " + getTranslation("workbench.state.DEPLOYED") : ""));
        Integer newest = deployed.getFirst().version();
        Integer oldestRunning = running.keySet().stream().filter(v -> !v.equals(newest)).findFirst().orElse(null);
        source.setValue(from != null && running.containsKey(from) ? from : oldestRunning != null ? oldestRunning
                : running.keySet().stream().findFirst().orElse(deployed.getLast().version()));
        target.setValue(to != null && deployed.stream().anyMatch(v -> v.version().equals(to)) ? to : newest);
        source.addValueChangeListener(e -> {
            if (!recounting) {
                replan();
            }
        });
        target.addValueChangeListener(e -> replan());
        HorizontalLayout versions = new HorizontalLayout(source, new Span("→"), target);
        versions.setAlignItems(FlexComponent.Alignment.BASELINE);
        runs = new MigrationRuns(migrations, user, resourceName, new HashMap<>(), names, () -> {
            recount();
            replan();
        });
        add(counts, versions, planArea, runs);
        if (deployed.size() < 2) {
            Paragraph one = new Paragraph(getTranslation("workbench.migration.oneVersion", workbench.shownName(deployed.getFirst(), getLocale())));
            one.setId("migration-one-version");
            planArea.add(one);
            return;
        }
        replan();
    }

    private void showCounts() {
        counts.setText(running.isEmpty() ? getTranslation("workbench.migration.noneRunning")
                : getTranslation("workbench.migration.runningByVersion", running.entrySet().stream()
                        .map(e -> "v" + e.getKey() + " · " + e.getValue()).collect(Collectors.joining(getTranslation("workbench.list.separator")))));
    }

    /** Counts again what runs on each version (after a run or a try), in the heading line and the source versions. */
    private void recount() {
        try {
            running = migrations.runningByVersion(user, resourceName);
        } catch (UserFacingException e) {
            Errors.show(this, e);
            return;
        }
        showCounts();
        // the source versions' labels count too; redrawing them clears the select, so its value is put back quietly
        Integer chosen = source.getValue();
        recounting = true;
        try {
            source.getListDataView().refreshAll();
            source.setValue(chosen);
        } finally {
            recounting = false;
        }
    }

    private void replan() {
        planArea.removeAll();
        tryResult.removeAll();
        choices.clear();
        scopeChoice = ALL;
        elementChoice = null;
        stageChoice = null;
        if (source.getValue() == null || target.getValue() == null) {
            return;
        }
        try {
            plan = migrations.plan(user, resourceName, source.getValue(), target.getValue());
        } catch (UserFacingException e) {
            plan = null;
            Paragraph error = new Paragraph(Errors.text(this, e));
            error.setId("migration-plan-error");
            planArea.add(error);
            return;
        }
        showPlan();
    }

    private void showPlan() {
        planArea.removeAll();
        if (plan.candidates().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("workbench.migration.noneRunning"));
            none.setId("migration-none");
            planArea.add(none);
            return;
        }
        Map<Long, String> subjects = new HashMap<>();
        plan.candidates().forEach(c -> subjects.put(c.processInstanceKey(), c.subject() == null ? "#" + c.processInstanceKey() : c.subject().name()));
        runs.subjects(subjects);
        Map<String, InstanceMigrations.Element> sourceElements = new LinkedHashMap<>();
        plan.rows().forEach(r -> sourceElements.put(r.source().id(), r.source()));

        Div instances = ModelView.card("migration-instances", getTranslation("workbench.migration.instance"));
        RadioButtonGroup<String> scope = new RadioButtonGroup<>();
        scope.setId("migration-filter");
        scope.setItems(ALL, ELEMENT, STAGE);
        scope.setItemLabelGenerator(s -> getTranslation("workbench.migration.filter." + s));
        Select<String> atElement = new Select<>();
        atElement.setId("migration-filter-element");
        atElement.setItems(plan.rows().stream().filter(r -> r.instances() > 0).map(r -> r.source().id()).toList());
        atElement.setItemLabelGenerator(id -> name(sourceElements.get(id)));
        Map<String, String> stages = new LinkedHashMap<>();
        plan.candidates().stream().map(InstanceMigrations.Candidate::subject).filter(s -> s != null && s.stageCode() != null)
                .sorted(java.util.Comparator.comparing(InstanceSubjectSource.Subject::stageCode))
                .forEach(s -> stages.putIfAbsent(s.stageCode(), s.stageMessageKey()));
        Map<String, String> filterLabels = new HashMap<>();
        // a past run's stage is worded even when no instance is in it any more
        Map<String, String> everyStage = new LinkedHashMap<>(migrations.stages(user, plan.bpmnProcessId()));
        stages.forEach(everyStage::putIfAbsent);
        everyStage.forEach((code, key) -> filterLabels.put(filterCode(STAGE, null, code),
                getTranslation("workbench.migration.filter.chosen", getTranslation("workbench.migration.filter.stage"), getTranslation(key))));
        sourceElements.values().forEach(e -> filterLabels.put(filterCode(ELEMENT, e.id(), null),
                getTranslation("workbench.migration.filter.chosen", getTranslation("workbench.migration.filter.element"), name(e))));
        runs.filterLabels(filterLabels);
        Select<String> inStage = new Select<>();
        inStage.setId("migration-filter-stage");
        inStage.setItems(stages.keySet());
        inStage.setItemLabelGenerator(code -> getTranslation(stages.get(code)));
        atElement.setVisible(false);
        inStage.setVisible(false);
        if (elementChoice != null && atElement.getListDataView().contains(elementChoice)) {
            atElement.setValue(elementChoice);
        }
        if (stageChoice != null && stages.containsKey(stageChoice)) {
            inStage.setValue(stageChoice);
        }
        HorizontalLayout filters = new HorizontalLayout(scope, atElement, inStage);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        Grid<InstanceMigrations.Candidate> grid = new Grid<>();
        grid.setId("migration-instance-list");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(c -> subjects.get(c.processInstanceKey())).setHeader(getTranslation("workbench.migration.subject")).setFlexGrow(2)
                .setTooltipGenerator(c -> subjects.get(c.processInstanceKey()));
        grid.addColumn(c -> c.subject() == null || c.subject().stageMessageKey() == null ? "—" : getTranslation(c.subject().stageMessageKey()))
                .setHeader(getTranslation("workbench.migration.stage")).setAutoWidth(true);
        java.util.function.Function<InstanceMigrations.Candidate, String> at = c -> c.activeElementIds().stream().distinct()
                .map(id -> sourceElements.containsKey(id) ? name(sourceElements.get(id)) : id)
                .collect(Collectors.joining(getTranslation("workbench.list.separator")));
        grid.addColumn(at::apply).setHeader(getTranslation("workbench.migration.at")).setFlexGrow(2).setTooltipGenerator(at::apply);
        grid.addColumn(InstanceMigrations.Candidate::processInstanceKey).setHeader(getTranslation("workbench.migration.instance"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(plan.candidates().size() <= 12);
        Paragraph selected = new Paragraph();
        selected.setId("migration-selected");
        Runnable select = () -> {
            scopeChoice = scope.getValue();
            elementChoice = atElement.getValue();
            stageChoice = inStage.getValue();
            String elementId = ELEMENT.equals(scope.getValue()) ? atElement.getValue() : null;
            String stage = STAGE.equals(scope.getValue()) ? inStage.getValue() : null;
            List<InstanceMigrations.Candidate> shown = plan.select(elementId, stage);
            grid.setItems(shown);
            grid.asMultiSelect().select(shown);
            selected.setText(getTranslation("workbench.migration.selected", shown.size()));
        };
        grid.asMultiSelect().addValueChangeListener(e -> selected.setText(getTranslation("workbench.migration.selected", e.getValue().size())));
        scope.addValueChangeListener(e -> {
            atElement.setVisible(ELEMENT.equals(e.getValue()));
            inStage.setVisible(STAGE.equals(e.getValue()));
            if (ELEMENT.equals(e.getValue()) && atElement.getValue() == null) {
                atElement.getListDataView().getItems().findFirst().ifPresent(atElement::setValue);
            }
            if (STAGE.equals(e.getValue()) && inStage.getValue() == null) {
                inStage.getListDataView().getItems().findFirst().ifPresent(inStage::setValue);
            }
            select.run();
        });
        atElement.addValueChangeListener(e -> select.run());
        inStage.addValueChangeListener(e -> select.run());
        // a stage or an element that no longer has instances (they were just migrated) falls back to all
        boolean kept = ALL.equals(scopeChoice) || (ELEMENT.equals(scopeChoice) && atElement.getValue() != null)
                || (STAGE.equals(scopeChoice) && inStage.getValue() != null);
        scope.setValue(kept ? scopeChoice : ALL);
        select.run();
        instances.add(filters, grid, selected);

        Div mappingCard = ModelView.card("migration-mapping-card", getTranslation("workbench.migration.mapping"));
        MigrationMapping mapping = new MigrationMapping(plan, choices, this::name);
        mappingCard.add(mapping);

        Button tryOne = new Button(getTranslation("workbench.migration.tryOne"), VaadinIcon.FLASK.create());
        tryOne.setId("migration-try");
        tryOne.addClickListener(e -> {
            List<InstanceMigrations.Candidate> chosen = ordered(grid);
            if (chosen.isEmpty()) {
                Errors.show(this, new UserFacingException("workbench.migration.error.noneChosen"));
                return;
            }
            InstanceMigrations.Candidate first = chosen.getFirst();
            try {
                InstanceMigration tried = migrations.tryOne(user, plan, choices, first.processInstanceKey());
                showTried(tried, subjects.get(first.processInstanceKey()));
                runs.reloadHistory();
                recount();
                plan = migrations.plan(user, resourceName, source.getValue(), target.getValue());
                showPlan();
            } catch (UserFacingException ex) {
                Errors.show(this, ex);
            }
        });
        Button start = new Button(getTranslation("workbench.migration.start"), VaadinIcon.PLAY.create());
        start.setId("migration-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> {
            List<Long> keys = ordered(grid).stream().map(InstanceMigrations.Candidate::processInstanceKey).toList();
            if (mapping.unresolved() > 0) {
                Errors.notice(getTranslation("workbench.migration.unresolved", mapping.unresolved()));
            }
            try {
                long id = migrations.start(user, plan, choices, keys, filterCode(scope.getValue(), atElement.getValue(), inStage.getValue()));
                start.setEnabled(false);
                tryOne.setEnabled(false);
                runs.reloadHistory();
                runs.follow(id);
            } catch (UserFacingException ex) {
                Errors.show(this, ex);
            }
        });
        Paragraph help = new Paragraph(getTranslation("workbench.migration.tryOne.help"));
        help.addClassName("summit-muted");
        HorizontalLayout actions = new HorizontalLayout(tryOne, start);
        planArea.add(instances, mappingCard, help, actions, tryResult);
    }

    /** The selected instances in the order the grid shows them, so that "the first" is the one on top. */
    private static List<InstanceMigrations.Candidate> ordered(Grid<InstanceMigrations.Candidate> grid) {
        Set<InstanceMigrations.Candidate> chosen = grid.getSelectedItems();
        List<InstanceMigrations.Candidate> list = new ArrayList<>();
        grid.getListDataView().getItems().filter(chosen::contains).forEach(list::add);
        return list;
    }

    private static String filterCode(String scope, String element, String stage) {
        if (ELEMENT.equals(scope) && element != null) {
            return "element=" + element;
        }
        if (STAGE.equals(scope) && stage != null) {
            return "stage=" + stage;
        }
        return null;
    }

    private void showTried(InstanceMigration tried, String subject) {
        tryResult.removeAll();
        if (tried.migrated() > 0) {
            List<InstanceMigration.Item> items = migrations.items(user, tried.id());
            int moved = items.isEmpty() ? 0 : items.getFirst().tasksMoved();
            Paragraph ok = new Paragraph(getTranslation("workbench.migration.triedOk", subject, tried.targetVersion(), moved));
            ok.getElement().getThemeList().add("badge success");
            tryResult.add(ok);
            return;
        }
        List<InstanceMigration.Item> items = migrations.items(user, tried.id());
        String reason = items.isEmpty() || items.getFirst().reason() == null ? "" : items.getFirst().reason();
        MigrationRefusals.Explained explained = MigrationRefusals.explain(reason);
        Paragraph refused = new Paragraph(getTranslation("workbench.migration.triedRefused", subject,
                getTranslation(explained.messageKey(), explained.arguments().toArray())));
        refused.getElement().getThemeList().add("badge error");
        Paragraph engine = new Paragraph(getTranslation("workbench.migration.engineSaid", reason));
        engine.addClassName("summit-muted");
        tryResult.add(refused, engine);
    }

    /** An element's name in the reader's language: the model's own name, or its English text where there is one. */
    private String name(InstanceMigrations.Element e) {
        if (e == null) {
            return "";
        }
        if (!Locale.CHINESE.getLanguage().equals(getLocale().getLanguage()) && plan != null) {
            String english = getTranslation("bpmn." + plan.bpmnProcessId() + "." + e.id());
            if (!english.startsWith("!")) {
                return english;
            }
        }
        return e.name();
    }

    @Override
    public String getPageTitle() {
        return title.isEmpty() ? getTranslation("nav.workbench") : title;
    }
}
