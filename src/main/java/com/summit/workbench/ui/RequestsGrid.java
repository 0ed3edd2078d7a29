package com.summit.workbench.ui;

import com.summit.base.ui.Formats;
import com.summit.workbench.domain.ChangeRequest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Map;

/** Requests to deploy a change: each links to its page (the diff, the checks, the decision, the deployment). */
final class RequestsGrid {

    private RequestsGrid() {}

    static Grid<ChangeRequest> of(Component page, List<ChangeRequest> requests, Map<String, String> names) {
        Grid<ChangeRequest> grid = new Grid<>();
        grid.addClassName("summit-requests");
        grid.addComponentColumn(r -> new Anchor("workbench/request/" + r.id(), "#" + r.id())).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ChangeRequest::resourceName).setHeader(page.getTranslation("workbench.file")).setAutoWidth(true);
        grid.addComponentColumn(r -> state(page, r)).setHeader(page.getTranslation("workbench.state")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> page.getTranslation("workbench.request.kind." + r.kind().name())).setHeader(page.getTranslation("workbench.request.kind"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> Names.who(page, r.requestedBy(), names)).setHeader(page.getTranslation("workbench.request.by")).setAutoWidth(true);
        grid.addColumn(r -> Formats.dateTime(r.requestedAt())).setHeader(page.getTranslation("workbench.created")).setAutoWidth(true);
        grid.addColumn(ChangeRequest::comment).setHeader(page.getTranslation("workbench.comment")).setFlexGrow(1);
        grid.setAllRowsVisible(true);
        grid.setItems(requests);
        return grid;
    }

    static Span state(Component page, ChangeRequest r) {
        Span state = new Span(page.getTranslation("workbench.request.state." + r.state().name()));
        state.getElement().getThemeList().add(switch (r.state()) {
            case REQUESTED -> "badge";
            case APPROVED, DEPLOYED -> "badge success";
            case REJECTED -> "badge error";
            case WITHDRAWN -> "badge contrast";
        });
        return state;
    }
}
