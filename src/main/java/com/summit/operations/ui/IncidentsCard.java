package com.summit.operations.ui;

import com.summit.base.UserFacingException;
import com.summit.base.ui.Errors;
import com.summit.base.ui.Formats;
import com.summit.engine.JobIncidents;
import com.summit.security.domain.SummitUser;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/** The jobs that ran out of retries: which step of which process, the deal, the error, and a button to retry. */
class IncidentsCard extends Div {

    private final transient JobIncidents incidents;
    private final transient SummitUser user;

    IncidentsCard(JobIncidents incidents, SummitUser user) {
        this.incidents = incidents;
        this.user = user;
        addClassName("summit-card");
        setId("operations-incidents");
        setWidthFull();
        getStyle().set("box-sizing", "border-box");
        render();
    }

    private void render() {
        removeAll();
        JobIncidents.Overview overview = incidents.overview(user);
        add(new H3(getTranslation("operations.incident.title")));
        Span summary = new Span(getTranslation("operations.incident.summary", overview.incidents(), overview.retrying()));
        summary.setId("operations-incidents-summary");
        add(summary);
        if (overview.entries().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("operations.incident.none"));
            none.setId("operations-incidents-none");
            add(none);
            return;
        }
        Grid<JobIncidents.Incident> grid = new Grid<>();
        grid.setId("operations-incident-grid");
        grid.addColumn(i -> Formats.dateTime(i.job().lastFailedAt())).setHeader(getTranslation("operations.incident.at")).setAutoWidth(true);
        grid.addColumn(i -> i.stepName() + " · " + i.job().bpmnProcessId()).setHeader(getTranslation("operations.incident.step"))
                .setAutoWidth(true);
        grid.addComponentColumn(i -> i.job().opportunityId() == null ? new Text("")
                : new Anchor("opportunities/" + i.job().opportunityId(), "#" + i.job().opportunityId()))
                .setHeader(getTranslation("operations.incident.deal")).setAutoWidth(true);
        grid.addColumn(i -> i.job().failures()).setHeader(getTranslation("operations.search.attempts")).setAutoWidth(true);
        grid.addColumn(i -> i.job().errorMessage()).setHeader(getTranslation("operations.search.error")).setFlexGrow(1);
        grid.addComponentColumn(i -> {
            Button retry = new Button(getTranslation("operations.search.retry"), e -> retry(i));
            retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
            retry.setId("operations-incident-retry-" + i.job().id());
            return retry;
        }).setAutoWidth(true);
        // the error is what the admin came for: shown whole, wrapped
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setItems(overview.entries());
        grid.setAllRowsVisible(overview.entries().size() <= 20);
        add(grid);
    }

    private void retry(JobIncidents.Incident incident) {
        try {
            incidents.retry(incident.job().id(), user);
            Errors.success(getTranslation("operations.incident.retried", incident.stepName()));
        } catch (UserFacingException e) {
            Errors.show(this, e);
        }
        render();
    }
}
