package com.summit.workbench.ui;

import com.summit.workbench.service.InstanceMigrations;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The element mapping of a migration: one row per element of the source version, with how many of the running
 * instances are in it and a select of the target version's elements. Same id and type is chosen for the owner; an
 * element that instances are in and that has no such twin is marked until the owner chooses.
 */
class MigrationMapping extends Composite<VerticalLayout> {

    private final InstanceMigrations.Plan plan;
    private final Map<String, String> choices;
    private final Function<InstanceMigrations.Element, String> names;
    private final Grid<InstanceMigrations.MappingRow> grid = new Grid<>();
    private final Checkbox changedOnly;
    private final Paragraph allMatched;

    /**
     * @param choices the owner's choices by source element id, kept by the page across reloads ("" leaves an element
     *     unmapped)
     * @param names an element's name in the reader's language
     */
    MigrationMapping(InstanceMigrations.Plan plan, Map<String, String> choices, Function<InstanceMigrations.Element, String> names) {
        this.plan = plan;
        this.choices = choices;
        this.names = names;
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        Paragraph help = new Paragraph(getTranslation("workbench.migration.mapping.help"));
        help.addClassName("summit-muted");
        changedOnly = new Checkbox(getTranslation("workbench.migration.mapping.changedOnly"), true);
        changedOnly.setId("migration-changed-only");
        changedOnly.addValueChangeListener(e -> refresh());
        grid.setId("migration-mapping");
        grid.addComponentColumn(r -> described(r.source())).setHeader(getTranslation("workbench.migration.mapping.source")).setFlexGrow(2);
        grid.addColumn(InstanceMigrations.MappingRow::instances).setHeader(getTranslation("workbench.migration.mapping.instances"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::targetOf).setHeader(getTranslation("workbench.migration.mapping.targetElement")).setFlexGrow(3);
        grid.setAllRowsVisible(true);
        allMatched = new Paragraph(getTranslation("workbench.migration.mapping.allMatched"));
        allMatched.setId("migration-all-matched");
        allMatched.addClassName("summit-muted");
        layout.add(help, changedOnly, grid, allMatched);
        refresh();
    }

    private void refresh() {
        var shown = plan.rows().stream().filter(r -> !changedOnly.getValue() || r.defaultTarget() == null || choices.containsKey(r.source().id()))
                .toList();
        grid.setItems(shown);
        grid.setVisible(!shown.isEmpty());
        allMatched.setVisible(shown.isEmpty() && changedOnly.getValue());
    }

    private Div described(InstanceMigrations.Element e) {
        Span id = new Span(e.id() + " · " + e.type());
        id.addClassName("summit-muted");
        Div cell = new Div(new Span(names.apply(e)), new Div(id));
        return cell;
    }

    private Div targetOf(InstanceMigrations.MappingRow row) {
        Select<String> select = new Select<>();
        select.setId("migration-target-" + row.source().id());
        Map<String, InstanceMigrations.Element> byId = new LinkedHashMap<>();
        plan.targetElements().forEach(e -> byId.put(e.id(), e));
        select.setItems(byId.keySet());
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(getTranslation("workbench.migration.mapping.none"));
        select.setItemLabelGenerator(id -> id == null ? getTranslation("workbench.migration.mapping.none")
                : names.apply(byId.get(id)) + " (" + id + " · " + byId.get(id).type() + ")");
        select.setWidthFull();
        String chosen = choices.containsKey(row.source().id()) ? choices.get(row.source().id()) : row.defaultTarget();
        select.setValue(chosen == null || chosen.isEmpty() ? null : chosen);
        Div cell = new Div(select);
        Span warning = new Span(getTranslation("workbench.migration.mapping.needsChoice"));
        warning.getElement().getThemeList().add("badge error");
        warning.setId("migration-needs-" + row.source().id());
        warning.setVisible(row.needsChoice() && select.getValue() == null);
        cell.add(warning);
        select.addValueChangeListener(e -> {
            String value = e.getValue() == null ? "" : e.getValue();
            if (value.equals(row.defaultTarget() == null ? "" : row.defaultTarget())) {
                choices.remove(row.source().id());
            } else {
                choices.put(row.source().id(), value);
            }
            warning.setVisible(row.needsChoice() && e.getValue() == null);
        });
        return cell;
    }

    /** The source elements that instances are in and that map to nothing yet. */
    long unresolved() {
        return plan.rows().stream().filter(InstanceMigrations.MappingRow::needsChoice)
                .filter(r -> choices.getOrDefault(r.source().id(), "").isEmpty()).count();
    }
}
