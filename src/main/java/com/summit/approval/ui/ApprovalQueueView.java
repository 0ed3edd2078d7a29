package com.summit.approval.ui;

import com.summit.approval.domain.ApprovalReview;
import com.summit.approval.domain.ApprovalRound;
import com.summit.approval.service.ApprovalService;
import com.summit.base.ui.Formats;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.CurrentUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The department queue 审批队列: the deals a veto-holder department has to review, each with what a reviewer needs
 * to decide (price, margin, payment terms, services, earlier rounds and their outcomes); the other departments'
 * decisions of the current round show only once the reader's department has decided.
 */
@Route("approvals")
@Menu(title = "nav.approvals", order = 2, icon = "vaadin:gavel")
@RolesAllowed({"LEGAL", "FINANCE", "TECH", "OPERATIONS", "ADMIN"})
public class ApprovalQueueView extends VerticalLayout implements HasDynamicTitle {

    private final transient ApprovalService approvals;
    private final transient SummitUser user;
    private final Div list = new Div();
    private final Tab pendingTab = new Tab();
    private final Tab decidedTab = new Tab();
    private final Tabs tabs = new Tabs(pendingTab, decidedTab);
    private transient Map<String, String> names;

    public ApprovalQueueView(ApprovalService approvals, CurrentUser currentUser) {
        this.approvals = approvals;
        this.user = currentUser.require();
        addClassName("summit-page");
        pendingTab.setId("approvals-pending-tab");
        decidedTab.setId("approvals-decided-tab");
        decidedTab.setLabel(getTranslation("approval.queue.decided"));
        tabs.addSelectedChangeListener(e -> refresh());
        list.setWidthFull();
        list.setId("approval-queue");
        Span groups = new Span(getTranslation("approval.queue.for", user.groups().stream()
                .filter(g -> g.matches("(LEGAL|FINANCE|TECH|OPERATIONS)(_HEAD)?")).map(this::groupName).sorted().collect(Collectors.joining("、"))));
        groups.addClassName("summit-muted");
        add(groups, tabs, list);
        refresh();
    }

    private void refresh() {
        names = approvals.displayNames();
        List<ApprovalService.QueueItem> pending = approvals.pending(user);
        pendingTab.setLabel(getTranslation("approval.queue.pending", pending.size()));
        list.removeAll();
        List<ApprovalService.QueueItem> items = tabs.getSelectedTab() == decidedTab ? approvals.decided(user) : pending;
        if (items.isEmpty()) {
            Span none = new Span(getTranslation(tabs.getSelectedTab() == decidedTab ? "approval.queue.noneDecided" : "approval.queue.none"));
            none.addClassName("summit-muted");
            none.setId("approval-queue-empty");
            list.add(none);
        }
        for (ApprovalService.QueueItem item : items) {
            list.add(card(item));
        }
    }

    private Div card(ApprovalService.QueueItem item) {
        Div card = new Div();
        card.addClassNames("summit-card", "summit-approval-item");
        card.getStyle().set("box-sizing", "border-box").set("margin-bottom", "var(--lumo-space-m)");
        card.setId("approval-item-" + item.requestId());
        FlexLayout head = new FlexLayout();
        head.setAlignItems(Alignment.BASELINE);
        head.getStyle().set("gap", "var(--lumo-space-s)").set("flex-wrap", "wrap");
        H3 title = new H3(item.customerName() + " · " + item.opportunityName());
        title.getStyle().set("margin", "0");
        head.add(title, RoundsList.badge(getTranslation("stage." + item.stage()), ""),
                RoundsList.badge(getTranslation("tier." + item.tier()), "success"));
        if (item.escalated()) {
            head.add(RoundsList.badge(getTranslation("approval.review.escalated"), "error"));
        } else if (item.overdue()) {
            head.add(RoundsList.badge(getTranslation("approval.review.overdue"), "error"));
        }
        card.add(head);

        ApprovalRound round = item.current();
        FlexLayout facts = new FlexLayout();
        facts.getStyle().set("gap", "var(--lumo-space-l)").set("flex-wrap", "wrap").set("margin", "var(--lumo-space-s) 0");
        facts.add(fact("approval.queue.amount", Formats.cny(round.amount())),
                fact("approval.queue.margin", round.marginPercent() == null ? "—" : percent(round.marginPercent())),
                fact("approval.queue.paymentTerm", round.paymentTermDays() == null ? "—"
                        : getTranslation("approval.queue.days", round.paymentTermDays())),
                fact("approval.queue.nonStandard", getTranslation(round.nonStandardTerms() ? "common.yes" : "common.no")),
                fact("approval.queue.services", item.services().isEmpty() ? "—"
                        : item.services().stream().map(s -> getTranslation("service." + s)).collect(Collectors.joining("、"))),
                fact("approval.queue.owner", names.getOrDefault(item.owner(), item.owner())));
        card.add(facts);

        for (ApprovalReview mine : item.mine()) {
            Div due = new Div(new Span(getTranslation("approval.queue.yourReview",
                    approvals.departmentName(mine.department(), getLocale())
                            + ("HEAD".equals(mine.level()) ? getTranslation("approval.level.HEAD.suffix") : ""),
                    Formats.dateTime(mine.dueAt()))));
            due.getStyle().set("font-size", "var(--lumo-font-size-s)");
            card.add(due);
        }
        card.add(RoundsList.round(card, round, d -> approvals.departmentName(d, getLocale()), names,
                v -> !item.decidedByUs() && !v.decided() && item.mine().stream().noneMatch(m -> m.id() == v.id())));
        if (!item.earlier().isEmpty()) {
            Div earlier = new Div();
            for (ApprovalRound r : item.earlier().reversed()) {
                earlier.add(RoundsList.round(card, r, d -> approvals.departmentName(d, getLocale()), names, v -> false));
            }
            Details details = new Details(getTranslation("approval.queue.earlier", item.earlier().size()), earlier);
            details.setOpened(true);
            card.add(details);
        }
        if (item.taskId() != null) {
            Button decide = new Button(getTranslation("approval.queue.decide"),
                    e -> getUI().ifPresent(ui -> ui.navigate("tasks/" + item.taskId())));
            decide.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            decide.setId("approval-decide-" + item.requestId());
            card.add(decide);
        }
        return card;
    }

    private Div fact(String labelKey, String value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("summit-muted");
        label.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("display", "block").set("color", "var(--lumo-secondary-text-color)");
        Span text = new Span(value);
        text.getStyle().set("font-weight", "600");
        return new Div(label, text);
    }

    private String percent(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString() + "%";
    }

    private String groupName(String group) {
        String department = group.endsWith("_HEAD") ? group.substring(0, group.length() - 5) : group;
        String name = approvals.departmentName(department, getLocale());
        return group.endsWith("_HEAD") ? name + getTranslation("approval.level.HEAD.suffix") : name;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("approval.queue.title");
    }
}
