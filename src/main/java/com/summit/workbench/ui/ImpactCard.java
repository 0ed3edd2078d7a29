package com.summit.workbench.ui;

import com.summit.workbench.service.ImpactPreview;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;

/** The impact of a changed decision table on the live cases: the count, and each changed case before and after. */
class ImpactCard extends Div {

    ImpactCard(List<ImpactPreview.Impact> impacts) {
        addClassName("summit-card");
        setId("workbench-impact");
        setWidthFull();
        getStyle().set("box-sizing", "border-box");
        add(new H3(getTranslation("workbench.impact.title")));
        if (impacts.isEmpty()) {
            add(new Paragraph(getTranslation("workbench.impact.noSource")));
            return;
        }
        for (ImpactPreview.Impact impact : impacts) {
            Paragraph summary = new Paragraph(getTranslation("workbench.impact.summary", impact.decisionId(), impact.evaluated(), impact.changed()));
            summary.addClassName("summit-impact-summary");
            add(summary);
            if (impact.assumption() != null) {
                Paragraph assumption = new Paragraph(impact.assumption());
                assumption.addClassName("summit-muted");
                add(assumption);
            }
            if (impact.hiddenChanged() > 0) {
                add(new Paragraph(getTranslation("workbench.impact.hidden", impact.hiddenChanged())));
            }
            if (impact.entries().isEmpty()) {
                continue;
            }
            Grid<ImpactPreview.Entry> grid = new Grid<>();
            grid.addClassName("summit-impact-list");
            grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
            grid.addComponentColumn(e -> e.href() == null ? new com.vaadin.flow.component.html.Span(e.label()) : new Anchor(e.href(), e.label())).setHeader(getTranslation("workbench.impact.case")).setAutoWidth(true)
                    .setFlexGrow(1);
            grid.addColumn(ImpactPreview.Entry::before).setHeader(getTranslation("workbench.impact.before")).setFlexGrow(2);
            grid.addColumn(ImpactPreview.Entry::after).setHeader(getTranslation("workbench.impact.after")).setFlexGrow(2);
            grid.setAllRowsVisible(impact.entries().size() <= 20);
            if (impact.entries().size() > 20) {
                grid.setHeight("520px");
            }
            grid.setItems(impact.entries());
            add(grid);
        }
    }
}
