package com.summit.workbench.ui;

import com.summit.base.ui.Formats;
import com.summit.workbench.domain.AuditEntry;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import java.util.List;
import java.util.Map;

/** The audit trail: who did what to the models, and when; it is never edited. */
class AuditCard extends Div {

    AuditCard(List<AuditEntry> entries, Map<String, String> names) {
        add(new H3(getTranslation("workbench.audit")));
        addClassName("summit-card");
        setId("workbench-audit");
        setWidthFull();
        getStyle().set("box-sizing", "border-box");
        Grid<AuditEntry> grid = new Grid<>();
        grid.addColumn(a -> Formats.dateTime(a.at())).setHeader(getTranslation("workbench.created")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> Names.who(this, a.actor(), names)).setHeader(getTranslation("workbench.audit.who")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> getTranslation("workbench.audit." + a.action().name())).setHeader(getTranslation("workbench.audit.what"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> a.resourceName() == null ? "—" : a.resourceName()).setHeader(getTranslation("workbench.file")).setAutoWidth(true);
        grid.addColumn(a -> a.requestId() == null ? "—" : "#" + a.requestId()).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> a.detail() == null ? "" : a.detail()).setHeader(getTranslation("workbench.audit.detail")).setFlexGrow(1);
        grid.setHeight("320px");
        grid.setItems(entries);
        add(grid);
    }
}
