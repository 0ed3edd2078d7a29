package com.summit.workbench.ui;

import com.summit.workbench.service.ModelChecks;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;

/** What the checks (or the engine) found, one line each: error or warning, the element, the problem in words. */
class Findings extends Div {

    Findings(List<ModelChecks.Finding> findings) {
        this(findings, null);
    }

    /** The same, each element a link that {@code select} shows (in the editor). */
    Findings(List<ModelChecks.Finding> findings, java.util.function.Consumer<String> select) {
        addClassName("summit-findings");
        for (ModelChecks.Finding f : findings) {
            boolean error = f.severity() == ModelChecks.Severity.ERROR;
            Span level = new Span(getTranslation(error ? "workbench.check.errorLabel" : "workbench.check.warningLabel"));
            level.getElement().getThemeList().add(error ? "badge error" : "badge contrast");
            com.vaadin.flow.component.Component where;
            if (select != null && f.elementId() != null) {
                com.vaadin.flow.component.button.Button link = new com.vaadin.flow.component.button.Button(
                        getTranslation("workbench.check.element", f.elementId()), e -> select.accept(f.elementId()));
                link.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY_INLINE,
                        com.vaadin.flow.component.button.ButtonVariant.LUMO_SMALL);
                where = link;
            } else {
                Span text = new Span(f.elementId() == null ? "" : getTranslation("workbench.check.element", f.elementId()));
                text.addClassName("summit-muted");
                where = text;
            }
            Div line = new Div(level, new Span(" "), where, new Span(" "),
                    new Span(getTranslation(f.messageKey(), f.arguments().toArray())));
            line.addClassName("summit-check-finding");
            line.getElement().setAttribute("data-element", f.elementId() == null ? "" : f.elementId());
            line.getStyle().set("margin", "var(--lumo-space-xs) 0");
            add(line);
        }
    }
}
