package com.summit.approval.ui;

import com.summit.approval.domain.ApprovalCondition;
import com.summit.approval.service.ApprovalService;
import com.summit.base.UserFacingException;
import com.summit.base.ui.Errors;
import com.summit.base.ui.Formats;
import com.summit.opportunity.ui.OpportunitySection;
import com.summit.security.domain.SummitUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * On the opportunity page: the veto-holder approvals as a compact history (every request, round and decision), and
 * the conditions the departments approved with, as the contract stage's checklist.
 */
@org.springframework.stereotype.Component
@org.springframework.core.annotation.Order(10)
class ApprovalSection implements OpportunitySection {

    private final ApprovalService approvals;

    ApprovalSection(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @Override
    public Optional<Component> create(long opportunityId, SummitUser user, Runnable refresh) {
        List<ApprovalService.RequestHistory> history;
        List<ApprovalCondition> conditions;
        try {
            history = approvals.historyOf(opportunityId, user);
            conditions = approvals.conditions(opportunityId, user);
        } catch (UserFacingException e) {
            return Optional.empty();
        }
        if (history.isEmpty() && conditions.isEmpty()) {
            return Optional.empty();
        }
        Div wrapper = new Div();
        wrapper.setWidthFull();
        if (!conditions.isEmpty()) {
            wrapper.add(checklist(opportunityId, user, conditions, refresh));
        }
        if (!history.isEmpty()) {
            wrapper.add(rounds(history));
        }
        return Optional.of(wrapper);
    }

    private static java.util.Locale locale() {
        var ui = com.vaadin.flow.component.UI.getCurrent();
        return ui == null ? com.summit.base.i18n.Locales.DEFAULT : ui.getLocale();
    }

    private Div rounds(List<ApprovalService.RequestHistory> history) {
        Div card = new Div();
        card.addClassNames("summit-card", "summit-context");
        card.setId("opportunity-approvals");
        card.setWidthFull();
        card.getStyle().set("box-sizing", "border-box");
        card.add(new H3(card.getTranslation("approval.page.title")));
        Map<String, String> names = approvals.displayNames();
        for (ApprovalService.RequestHistory request : history) {
            Div head = new Div();
            Span stage = new Span(card.getTranslation("approval.page.request", card.getTranslation("stage." + request.stage())));
            stage.getStyle().set("font-weight", "600");
            head.add(stage, new Span(" "), RoundsList.badge(card.getTranslation("approval.request.status." + request.status()),
                    "APPROVED".equals(request.status()) ? "success" : "WITHDRAWN".equals(request.status()) ? "contrast" : ""));
            card.add(head);
            // the newest round first: it is the one that matters now
            for (var round : request.rounds().reversed()) {
                card.add(RoundsList.round(card, round, d -> approvals.departmentName(d, locale()), names, v -> false));
            }
        }
        return card;
    }

    private Div checklist(long opportunityId, SummitUser user, List<ApprovalCondition> conditions, Runnable refresh) {
        Div card = new Div();
        card.addClassNames("summit-card", "summit-context");
        card.setId("opportunity-conditions");
        card.setWidthFull();
        card.getStyle().set("box-sizing", "border-box");
        long open = conditions.stream().filter(c -> !c.met()).count();
        card.add(new H3(card.getTranslation("approval.conditions.title", open, conditions.size())));
        Map<String, String> names = approvals.displayNames();
        for (ApprovalCondition condition : conditions) {
            Div row = new Div();
            row.addClassName("summit-condition");
            row.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("align-items", "baseline")
                    .set("padding", "var(--lumo-space-xs) 0");
            var icon = condition.met() ? VaadinIcon.CHECK_SQUARE_O.create() : VaadinIcon.THIN_SQUARE.create();
            icon.setSize("var(--lumo-icon-size-s)");
            icon.setColor(condition.met() ? "var(--lumo-success-color)" : "var(--lumo-secondary-text-color)");
            Div text = new Div(new Span(card.getTranslation("approval.conditions.item",
                    approvals.departmentName(condition.department(), locale()), condition.text())));
            text.getStyle().set("flex", "1");
            if (condition.met()) {
                text.add(new Div(RoundsList.muted(card.getTranslation("approval.conditions.met",
                        names.getOrDefault(condition.metBy(), condition.metBy()), Formats.dateTime(condition.metAt()), condition.metNote()))));
            }
            row.add(icon, text);
            if (!condition.met()) {
                Button meet = new Button(card.getTranslation("approval.conditions.meet"), e -> meetDialog(card, opportunityId, condition, user, refresh));
                meet.addThemeVariants(ButtonVariant.LUMO_SMALL);
                meet.setId("condition-meet-" + condition.id());
                row.add(meet);
            }
            card.add(row);
        }
        return card;
    }

    private void meetDialog(Div card, long opportunityId, ApprovalCondition condition, SummitUser user, Runnable refresh) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(card.getTranslation("approval.conditions.meet"));
        Span what = new Span(condition.text());
        TextArea note = new TextArea(card.getTranslation("approval.conditions.note"));
        note.setHelperText(card.getTranslation("approval.conditions.noteHelp"));
        note.setWidthFull();
        note.setMaxLength(ApprovalService.NOTE_MAX);
        note.setId("condition-note");
        Div body = new Div(what, note);
        body.setWidth("min(32rem, 90vw)");
        dialog.add(body);
        Button confirm = new Button(card.getTranslation("approval.conditions.confirm"), e -> {
            try {
                approvals.meetCondition(opportunityId, condition.id(), user, note.getValue());
                dialog.close();
                Errors.success(card.getTranslation("approval.conditions.saved"));
                refresh.run();
            } catch (UserFacingException ex) {
                Errors.show(dialog, ex);
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setId("condition-confirm");
        dialog.getFooter().add(new Button(card.getTranslation("common.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }
}
