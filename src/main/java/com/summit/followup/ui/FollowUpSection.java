package com.summit.followup.ui;

import com.summit.base.UserFacingException;
import com.summit.base.ui.Errors;
import com.summit.base.ui.Formats;
import com.summit.followup.domain.FollowUp;
import com.summit.followup.domain.FollowUpKind;
import com.summit.followup.service.FollowUpService;
import com.summit.opportunity.ui.OpportunitySection;
import com.summit.security.domain.SummitUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** On the opportunity page: the deal's follow-ups (planned ones by date, done ones with their outcome), and planning the next. */
@org.springframework.stereotype.Component
@org.springframework.core.annotation.Order(20)
class FollowUpSection implements OpportunitySection {

    private final FollowUpService followUps;

    FollowUpSection(FollowUpService followUps) {
        this.followUps = followUps;
    }

    @Override
    public Optional<Component> create(long opportunityId, SummitUser user, Runnable refresh) {
        List<FollowUp> list;
        try {
            list = followUps.ofOpportunity(opportunityId, user);
        } catch (UserFacingException e) {
            return Optional.empty();
        }
        Div card = new Div();
        card.addClassNames("summit-card", "summit-context");
        card.setId("opportunity-follow-ups");
        card.setWidthFull();
        card.getStyle().set("box-sizing", "border-box");
        card.add(new H3(card.getTranslation("followup.title")));
        // the cadence the customer's tier asks for, and when the next contact is due by it
        FollowUpService.Cadence cadence = followUps.cadence(opportunityId, user);
        Div rhythm = new Div(new Span(card.getTranslation("followup.cadence", card.getTranslation(cadence.tier() == null ? "customer.tier.none"
                : cadence.tier().messageKey()), cadence.days(), Formats.date(cadence.dueBy()))));
        rhythm.setId("follow-up-cadence");
        rhythm.getStyle().set("font-size", "var(--lumo-font-size-s)").set("margin-bottom", "var(--lumo-space-s)");
        if (cadence.overdueDays() > 0) {
            Span late = new Span(card.getTranslation("followup.cadence.overdue", cadence.overdueDays()));
            late.getElement().getThemeList().add("badge error small");
            rhythm.add(new Span(" "), late);
        }
        card.add(rhythm);
        if (list.isEmpty()) {
            Span none = new Span(card.getTranslation("followup.none"));
            none.getStyle().set("color", "var(--lumo-secondary-text-color)");
            card.add(new Div(none));
        }
        Instant now = Instant.now();
        for (FollowUp f : list) {
            Div row = new Div();
            row.addClassName("summit-follow-up");
            row.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("align-items", "baseline")
                    .set("padding", "var(--lumo-space-xs) 0");
            var icon = f.done() ? VaadinIcon.CHECK_CIRCLE_O.create() : VaadinIcon.CALENDAR_CLOCK.create();
            icon.setSize("var(--lumo-icon-size-s)");
            icon.setColor(f.done() ? "var(--lumo-success-color)" : f.overdue(now) ? "var(--lumo-error-color)" : "var(--lumo-primary-color)");
            Div text = new Div(new Span(Formats.dateTime(f.plannedAt()) + " · " + card.getTranslation(f.kind().messageKey()) + " · " + f.subject()));
            text.getStyle().set("flex", "1");
            if (f.done()) {
                Span outcome = new Span(card.getTranslation("followup.done", Formats.dateTime(f.doneAt()), f.doneBy(), f.outcome()));
                outcome.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
                text.add(new Div(outcome));
            } else if (f.overdue(now)) {
                Span late = new Span(card.getTranslation("followup.overdue"));
                late.getElement().getThemeList().add("badge error small");
                text.add(new Span(" "), late);
            }
            row.add(icon, text);
            if (!f.done()) {
                Button complete = new Button(card.getTranslation("followup.complete"), e -> completeDialog(card, f, user, refresh));
                complete.addThemeVariants(ButtonVariant.LUMO_SMALL);
                complete.setId("follow-up-complete-" + f.id());
                row.add(complete);
            }
            card.add(row);
        }
        card.add(planForm(card, opportunityId, user, refresh));
        return Optional.of(card);
    }

    private HorizontalLayout planForm(Div card, long opportunityId, SummitUser user, Runnable refresh) {
        Select<FollowUpKind> kind = new Select<>();
        kind.setLabel(card.getTranslation("followup.field.kind"));
        kind.setItems(FollowUpKind.values());
        kind.setItemLabelGenerator(k -> card.getTranslation(k.messageKey()));
        kind.setValue(FollowUpKind.VISIT);
        kind.setId("follow-up-kind");
        TextField subject = new TextField(card.getTranslation("followup.field.subject"));
        subject.setMaxLength(FollowUpService.SUBJECT_MAX);
        subject.setId("follow-up-subject");
        subject.setWidth("20em");
        // a date and a half-hour slot (the bundled date picker and select; no time picker is bundled)
        DatePicker when = new DatePicker(card.getTranslation("followup.field.when"));
        when.setId("follow-up-when");
        when.setValue(java.time.LocalDate.now(Formats.ZONE).plusDays(1));
        Select<java.time.LocalTime> time = new Select<>();
        time.setId("follow-up-time");
        time.setItems(java.util.stream.IntStream.range(14, 44).mapToObj(i -> java.time.LocalTime.of(i / 2, (i % 2) * 30)).toList());
        time.setValue(java.time.LocalTime.of(10, 0));
        time.setWidth("7em");
        Button plan = new Button(card.getTranslation("followup.plan"), VaadinIcon.PLUS.create(), e -> {
            try {
                LocalDateTime at = when.getValue() == null || time.getValue() == null ? null : when.getValue().atTime(time.getValue());
                followUps.plan(opportunityId, kind.getValue(), subject.getValue(), at, user);
                Errors.success(card.getTranslation("followup.saved"));
                refresh.run();
            } catch (UserFacingException ex) {
                Errors.showOnFields(card, ex, Map.<String, HasValidation>of("kind", kind, "subject", subject, "plannedAt", when));
            }
        });
        plan.setId("follow-up-plan");
        HorizontalLayout form = new HorizontalLayout(kind, subject, when, time, plan);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.getStyle().set("flex-wrap", "wrap");
        return form;
    }

    private void completeDialog(Div card, FollowUp f, SummitUser user, Runnable refresh) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(card.getTranslation("followup.complete"));
        TextArea outcome = new TextArea(card.getTranslation("followup.field.outcome"));
        outcome.setWidthFull();
        outcome.setMaxLength(FollowUpService.OUTCOME_MAX);
        outcome.setId("follow-up-outcome");
        Div body = new Div(new Span(f.subject()), outcome);
        body.setWidth("min(32rem, 90vw)");
        dialog.add(body);
        Button save = new Button(card.getTranslation("followup.complete"), e -> {
            try {
                followUps.complete(f.id(), outcome.getValue(), user);
                dialog.close();
                Errors.success(card.getTranslation("followup.completed"));
                refresh.run();
            } catch (UserFacingException ex) {
                Errors.showOnFields(dialog, ex, Map.<String, HasValidation>of("outcome", outcome));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("follow-up-save");
        dialog.getFooter().add(new Button(card.getTranslation("common.cancel"), e -> dialog.close()), save);
        dialog.open();
    }
}
