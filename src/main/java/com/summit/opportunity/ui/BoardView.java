package com.summit.opportunity.ui;

import com.summit.base.UserFacingException;
import com.summit.base.ui.Errors;
import com.summit.base.ui.Formats;
import com.summit.customer.domain.CustomerTier;
import com.summit.customer.domain.Industry;
import com.summit.opportunity.domain.ScoreElement;
import com.summit.opportunity.domain.Stage;
import com.summit.opportunity.service.BoardService;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.CurrentUser;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;

/**
 * The board 看板: a column per stage; cards show the customer, tier, amount, five level bars, days in stage (stalled
 * marked) and open veto holders. Dragging a card to the next column requests an advance; the gate decides, and a
 * refusal shows its reasons. A card never moves by itself.
 */
@Route("board")
@Menu(title = "nav.board", order = 3, icon = "vaadin:grid-big")
@RolesAllowed({"REP", "MANAGER", "ADMIN"})
public class BoardView extends VerticalLayout implements HasDynamicTitle {

    private final transient BoardService boards;
    private final transient SummitUser user;
    private final ComboBox<String> owner = new ComboBox<>();
    private final ComboBox<String> team = new ComboBox<>();
    private final Select<CustomerTier> tier = new Select<>();
    private final Select<Industry> industry = new Select<>();
    private final FlexLayout columns = new FlexLayout();
    private static final java.util.concurrent.Executor GATE_WAITS = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

    public BoardView(BoardService boards, CurrentUser currentUser) {
        this.boards = boards;
        this.user = currentUser.require();
        addClassName("summit-page");
        setSizeFull();
        owner.setLabel(getTranslation("board.filter.owner"));
        owner.setClearButtonVisible(true);
        owner.setId("board-owner");
        team.setLabel(getTranslation("board.filter.team"));
        team.setClearButtonVisible(true);
        team.setId("board-team");
        tier.setLabel(getTranslation("board.filter.tier"));
        tier.setItems(CustomerTier.values());
        tier.setEmptySelectionAllowed(true);
        tier.setEmptySelectionCaption(getTranslation("filter.any"));
        tier.setItemLabelGenerator(t -> t == null ? getTranslation("filter.any") : getTranslation(t.messageKey()));
        tier.setId("board-tier");
        industry.setLabel(getTranslation("board.filter.industry"));
        industry.setItems(Industry.values());
        industry.setEmptySelectionAllowed(true);
        industry.setEmptySelectionCaption(getTranslation("filter.any"));
        industry.setItemLabelGenerator(i -> i == null ? getTranslation("filter.any") : getTranslation(i.messageKey()));
        industry.setId("board-industry");
        owner.addValueChangeListener(e -> refresh());
        team.addValueChangeListener(e -> refresh());
        tier.addValueChangeListener(e -> refresh());
        industry.addValueChangeListener(e -> refresh());
        FlexLayout filters = new FlexLayout(owner, team, tier, industry);
        filters.getStyle().set("gap", "var(--lumo-space-m)");
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        columns.addClassName("summit-board");
        columns.setId("board");
        columns.setWidthFull();
        add(filters, columns);
        expand(columns);
        // the filters' choices once per page, not on every refresh
        BoardService.FilterOptions options = boards.filterOptions(user);
        owner.setItems(options.owners().keySet());
        owner.setItemLabelGenerator(u -> options.owners().getOrDefault(u, u));
        team.setItems(options.teams());
        refresh();
    }

    void refresh() {
        BoardService.Board board = boards.board(user, new BoardService.Filter(owner.getValue(), team.getValue(), tier.getValue(),
                industry.getValue()));
        columns.removeAll();
        for (Stage stage : Stage.values()) {
            var cards = board.columns().get(stage);
            Div column = new Div();
            column.addClassName("summit-board-column");
            column.setId("board-column-" + stage.name());
            Div head = new Div(new Span(stage.number() + " " + getTranslation(stage.messageKey())),
                    new Span(getTranslation("board.total", board.counts().get(stage), Formats.cny(board.totals().get(stage)))));
            head.addClassName("summit-board-head");
            column.add(head);
            for (BoardService.Card card : cards) {
                column.add(card(card));
            }
            if (board.counts().get(stage) > cards.size()) {
                Span more = new Span(getTranslation("board.more", cards.size(), board.counts().get(stage)));
                more.addClassName("summit-muted");
                column.add(more);
            }
            DropTarget<Div> target = DropTarget.create(column);
            target.addDropListener(e -> e.getDragData().ifPresent(id -> onDrop((Long) id, stage)));
            columns.add(column);
        }
    }

    private Div card(BoardService.Card card) {
        Div box = new Div();
        box.addClassName("summit-board-card");
        if (card.stalled()) {
            box.addClassName("stalled");
        }
        box.setId("card-" + card.id());
        Span name = new Span(card.name());
        name.addClassName("summit-board-card-name");
        Span customer = new Span(card.customerName());
        customer.addClassName("summit-muted");
        Span tierBadge = new Span(getTranslation(card.tier().messageKey()));
        tierBadge.getElement().getThemeList().add("badge small" + (card.tier() == CustomerTier.STRATEGIC ? " success" : ""));
        Div top = new Div(tierBadge, new Span(" " + Formats.cny(card.amount())));
        Div bars = new Div();
        bars.addClassName("summit-board-bars");
        for (ScoreElement e : ScoreElement.values()) {
            Div bar = new Div();
            bar.addClassName("summit-board-bar");
            Div fill = new Div();
            fill.getStyle().set("height", (card.levels().get(e) * 100 / ScoreElement.MAX_LEVEL) + "%");
            bar.add(fill);
            // each bar says which element it is, and its level, without hovering
            Span label = new Span(getTranslation("element." + e.name() + ".short") + card.levels().get(e));
            label.addClassName("summit-board-bar-label");
            Div column = new Div(bar, label);
            column.addClassName("summit-board-bar-column");
            column.getElement().setAttribute("title", getTranslation("element." + e.name()) + " " + card.levels().get(e) + "/6");
            bars.add(column);
        }
        Span days = new Span(getTranslation("board.days", card.daysInStage()));
        days.addClassName(card.stalled() ? "summit-board-stalled" : "summit-muted");
        Div meta = new Div(days);
        if (card.stalled()) {
            meta.add(new Span(" · " + getTranslation("opportunity.page.stalled")));
        }
        if (card.paused()) {
            meta.add(new Span(" · " + getTranslation("board.paused")));
        }
        if (card.vetoesOpen() > 0) {
            Span vetoes = new Span(" · " + getTranslation("board.vetoes", card.vetoesOpen()));
            vetoes.addClassName("summit-muted");
            meta.add(vetoes);
        }
        meta.add(new Span(" · " + card.ownerName()));
        meta.addClassName("summit-board-meta");
        // how many follow-ups were done, and the next planned one: overdue in red; none planned is said too
        Div next = new Div();
        next.addClassName("summit-board-next");
        next.getStyle().set("font-size", "var(--lumo-font-size-xs)");
        var f = card.nextFollowUp();
        int done = f == null ? 0 : f.doneCount();
        String count = getTranslation("board.followUps", done);
        if (f == null || !f.planned()) {
            next.setText(count + " · " + getTranslation("board.next.none"));
            next.getStyle().set("color", "var(--lumo-secondary-text-color)");
        } else {
            next.setText(count + " · " + getTranslation("board.next", Formats.dateTime(f.plannedAt()), getTranslation(f.channelKey()), f.subject()));
            if (f.plannedAt().isBefore(java.time.Instant.now())) {
                next.getStyle().set("color", "var(--lumo-error-text-color)");
                next.addClassName("overdue");
            }
        }
        box.add(name, customer, top, bars, meta, next);
        box.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(OpportunityView.class,
                new RouteParameters("opportunityId", Long.toString(card.id())))));
        DragSource<Div> drag = DragSource.create(box);
        drag.setDragData(card.id());
        return box;
    }

    /**
     * A card dropped on a column: the request is checked and submitted at once; the gate's answer is awaited off
     * the UI's thread and shown when it comes (Push), so the page stays usable meanwhile.
     */
    public void onDrop(long opportunityId, Stage to) {
        java.time.Instant submitted;
        try {
            submitted = boards.submitAdvance(opportunityId, to, user, getLocale());
        } catch (UserFacingException e) {
            Errors.show(this, e);
            refresh();
            return;
        }
        Notification.show(getTranslation("board.waiting"), 3000, Notification.Position.BOTTOM_START);
        var ui = getUI().orElse(null);
        var locale = getLocale();
        Stage from = Stage.values()[to.number() - 2];
        // a thread of its own: the wait blocks for up to 20 s, and the common pool has one thread on a 2-core machine
        java.util.concurrent.CompletableFuture.supplyAsync(() -> boards.awaitGate(opportunityId, from, submitted, locale), GATE_WAITS)
                .thenAccept(result -> {
                    if (ui != null) {
                        ui.access(() -> {
                            show(result);
                            refresh();
                        });
                    }
                });
    }

    private void show(BoardService.AdvanceResult result) {
        switch (result.outcome()) {
            case ADVANCED -> Errors.success(getTranslation("board.advanced"));
            case IN_REVIEW -> Errors.success(getTranslation("board.inReview"));
            case PENDING -> Notification.show(getTranslation("board.pending"), 8000, Notification.Position.BOTTOM_START);
            case REFUSED -> {
                Notification n = Notification.show(getTranslation("board.refused") + "\n" + String.join("\n", result.reasons()),
                        8000, Notification.Position.TOP_CENTER);
                n.addThemeVariants(NotificationVariant.LUMO_ERROR);
                n.setId("board-refusal");
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("board.title");
    }
}
