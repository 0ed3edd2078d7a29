package com.summit.operations.ui;

import com.summit.base.UserFacingException;
import com.summit.base.ui.Errors;
import com.summit.base.ui.Formats;
import com.summit.search.domain.OutboxRepository;
import com.summit.search.service.SearchAdministration;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.CurrentUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** For admins: what the background work could not do, with its error, and the buttons to try again. */
@Route("operations")
@Menu(title = "nav.operations", order = 20, icon = "vaadin:cogs")
@RolesAllowed("ADMIN")
public class OperationsView extends VerticalLayout implements HasDynamicTitle {

    private final transient SearchAdministration search;
    private final transient SummitUser user;
    private final Div searchCard = new Div();

    public OperationsView(SearchAdministration search, com.summit.engine.JobIncidents incidents, CurrentUser currentUser) {
        this.search = search;
        this.user = currentUser.require();
        addClassName("summit-page");
        searchCard.addClassName("summit-card");
        searchCard.setId("operations-search");
        searchCard.setWidthFull();
        // width and padding together inside the page (the card ran past its right edge)
        searchCard.getStyle().set("box-sizing", "border-box");
        add(new IncidentsCard(incidents, user), searchCard);
        renderSearch();
    }

    private void renderSearch() {
        searchCard.removeAll();
        SearchAdministration.Overview overview = search.overview(user);
        searchCard.add(new H3(getTranslation("operations.search.title")));
        Span summary = new Span(getTranslation("operations.search.summary", overview.pending(), overview.setAside()));
        summary.setId("operations-search-summary");
        Button retryAll = new Button(getTranslation("operations.search.retryAll"), e -> act(() -> search.retryNow(null, user)));
        retryAll.setId("operations-retry-all");
        retryAll.setEnabled(overview.setAside() > 0);
        Button rebuild = new Button(getTranslation("operations.search.rebuild"), e -> confirmRebuild());
        rebuild.setId("operations-rebuild");
        rebuild.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout actions = new HorizontalLayout(retryAll, rebuild);
        searchCard.add(summary, actions);
        if (overview.entries().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("operations.search.none"));
            none.setId("operations-search-none");
            searchCard.add(none);
            return;
        }
        Grid<OutboxRepository.SetAside> grid = new Grid<>();
        grid.setId("operations-set-aside");
        grid.addColumn(OutboxRepository.SetAside::entityType).setHeader(getTranslation("operations.search.type")).setAutoWidth(true);
        grid.addColumn(OutboxRepository.SetAside::entityId).setHeader(getTranslation("operations.search.record")).setAutoWidth(true);
        grid.addColumn(OutboxRepository.SetAside::attempts).setHeader(getTranslation("operations.search.attempts")).setAutoWidth(true);
        grid.addColumn(a -> Formats.dateTime(a.nextAttemptAt())).setHeader(getTranslation("operations.search.next")).setAutoWidth(true);
        grid.addColumn(OutboxRepository.SetAside::lastError).setHeader(getTranslation("operations.search.error")).setFlexGrow(1);
        grid.addComponentColumn(a -> {
            Button retry = new Button(getTranslation("operations.search.retry"), e -> act(() -> search.retryNow(a.id(), user)));
            retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return retry;
        }).setAutoWidth(true);
        grid.setItems(overview.entries());
        grid.setAllRowsVisible(overview.entries().size() <= 20);
        searchCard.add(grid);
    }

    private void confirmRebuild() {
        Dialog dialog = new Dialog(getTranslation("operations.search.rebuildConfirm"));
        dialog.setHeaderTitle(getTranslation("operations.search.rebuild"));
        Button go = new Button(getTranslation("operations.search.rebuild"), e -> {
            dialog.close();
            try {
                int queued = search.rebuild(user);
                Errors.success(getTranslation("operations.search.rebuilt", queued));
            } catch (UserFacingException ex) {
                Errors.show(this, ex);
            }
            renderSearch();
        });
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        go.setId("operations-rebuild-confirm");
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), go);
        dialog.open();
    }

    private void act(Runnable action) {
        try {
            action.run();
        } catch (UserFacingException e) {
            Errors.show(this, e);
        }
        renderSearch();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.operations");
    }
}
