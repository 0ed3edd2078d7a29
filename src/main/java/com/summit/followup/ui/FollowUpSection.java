package com.summit.followup.ui;

import com.summit.base.UserFacingException;
import com.summit.base.i18n.Locales;
import com.summit.customer.domain.Contact;
import com.summit.opportunity.service.ScorecardService;
import com.summit.security.service.UserService;
import java.time.LocalDate;
import com.summit.base.ui.Errors;
import com.summit.base.ui.Formats;
import com.summit.followup.domain.FollowUp;
import com.summit.followup.domain.FollowUpChannel;
import com.summit.followup.service.FollowUpService;
import com.summit.opportunity.ui.OpportunitySection;
import com.summit.security.domain.SummitUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * On the opportunity page: the deal's follow-ups (planned ones by date, done ones with the contacts met, what was
 * learnt and the next step), how many were done against the 4–11 norm, the last and the next contact; planning the
 * next one, and recording one that already happened.
 */
@org.springframework.stereotype.Component
@org.springframework.core.annotation.Order(20)
class FollowUpSection implements OpportunitySection {

    private final FollowUpService followUps;
    private final ScorecardService scorecards;
    private final UserService users;

    FollowUpSection(FollowUpService followUps, ScorecardService scorecards, UserService users) {
        this.followUps = followUps;
        this.scorecards = scorecards;
        this.users = users;
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
        FollowUpDialog dialog = new FollowUpDialog(followUps, scorecards, opportunityId, user, refresh);
        Button record = new Button(card.getTranslation("followup.record"), VaadinIcon.EDIT.create(), e -> dialog.open(card, null));
        record.setId("follow-up-record");
        record.addThemeVariants(ButtonVariant.LUMO_SMALL);
        com.vaadin.flow.component.html.Anchor briefing = new com.vaadin.flow.component.html.Anchor("opportunities/" + opportunityId + "/briefing",
                card.getTranslation("briefing.open.link"));
        briefing.setId("follow-up-briefing");
        HorizontalLayout actions = new HorizontalLayout(briefing, record);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        HorizontalLayout head = new HorizontalLayout(new H3(card.getTranslation("followup.title")), actions);
        head.setWidthFull();
        head.setAlignItems(FlexComponent.Alignment.CENTER);
        head.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        card.add(head);
        card.add(standing(card, followUps.standing(opportunityId, user)));
        if (list.isEmpty()) {
            Span none = new Span(card.getTranslation("followup.none"));
            none.getStyle().set("color", "var(--lumo-secondary-text-color)");
            card.add(new Div(none));
        }
        Map<String, String> names = users.displayNames();
        Map<Long, Contact> contacts = new java.util.HashMap<>();
        followUps.contactsOf(opportunityId, user).forEach(c -> contacts.put(c.id(), c));
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(Locales.ZONE);
        for (FollowUp f : list) {
            card.add(row(card, f, names, contacts, now, today, dialog));
        }
        card.add(planForm(card, opportunityId, user, refresh));
        return Optional.of(card);
    }

    /** How many contacts were done against the norm, the last and the next one, and the cadence the tier asks for. */
    private Div standing(Div card, FollowUpService.Standing standing) {
        Div box = new Div();
        box.setId("follow-up-standing");
        box.getStyle().set("font-size", "var(--lumo-font-size-s)").set("margin-bottom", "var(--lumo-space-s)")
                .set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-xs) var(--lumo-space-m)");
        Span count = new Span(card.getTranslation("followup.count", standing.doneCount(), FollowUpService.NORM_FROM, FollowUpService.NORM_TO));
        count.setId("follow-up-count");
        count.getElement().getThemeList().add(standing.belowNorm() ? "badge contrast" : "badge success");
        Span last = new Span(standing.last() == null ? card.getTranslation("followup.last.none")
                : card.getTranslation("followup.last", Formats.date(standing.last().doneAt())));
        last.setId("follow-up-last");
        Span next = new Span(standing.nextPlanned() != null
                ? card.getTranslation("followup.next.planned", Formats.dateTime(standing.nextPlanned().plannedAt()),
                        card.getTranslation(standing.nextPlanned().channel().messageKey()))
                : card.getTranslation("followup.next.cadence", Formats.date(standing.nextDue())));
        next.setId("follow-up-next");
        box.add(count, last, next);
        if (standing.overdueDays() > 0) {
            Span late = new Span(card.getTranslation("followup.cadence.overdue", standing.overdueDays()));
            late.getElement().getThemeList().add("badge error small");
            box.add(late);
        }
        FollowUpService.Cadence cadence = standing.cadence();
        Span rhythm = new Span(card.getTranslation("followup.cadence.rule", card.getTranslation(cadence.tier() == null ? "customer.tier.none"
                : cadence.tier().messageKey()), cadence.days()));
        rhythm.setId("follow-up-cadence");
        rhythm.addClassName("summit-muted");
        box.add(rhythm);
        return box;
    }

    private Div row(Div card, FollowUp f, Map<String, String> names, Map<Long, Contact> contacts, Instant now, LocalDate today,
            FollowUpDialog dialog) {
        Div row = new Div();
        row.addClassName("summit-follow-up");
        row.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("align-items", "baseline")
                .set("padding", "var(--lumo-space-xs) 0");
        var icon = f.done() ? VaadinIcon.CHECK_CIRCLE_O.create() : VaadinIcon.CALENDAR_CLOCK.create();
        icon.setSize("var(--lumo-icon-size-s)");
        icon.setColor(f.done() ? "var(--lumo-success-color)" : f.overdue(now) ? "var(--lumo-error-color)" : "var(--lumo-primary-color)");
        Instant when = f.done() ? f.doneAt() : f.plannedAt();
        Div text = new Div(new Span(Formats.dateTime(when) + " · " + card.getTranslation(f.channel().messageKey()) + " · " + f.subject()));
        text.getStyle().set("flex", "1");
        if (f.done()) {
            String met = f.contactIds().stream().map(contacts::get).filter(java.util.Objects::nonNull).map(Contact::name)
                    .collect(java.util.stream.Collectors.joining(card.getTranslation("workbench.list.separator")));
            text.add(detail(card.getTranslation("followup.done", names.getOrDefault(f.doneBy(), f.doneBy()),
                    met.isEmpty() ? card.getTranslation("followup.met.none") : met, f.outcome())));
            if (f.nextStep() != null) {
                text.add(detail(f.nextStepOn() == null ? card.getTranslation("followup.nextStep", f.nextStep())
                        : card.getTranslation("followup.nextStep.on", f.nextStep(), Formats.date(f.nextStepOn()))));
            }
        } else {
            text.add(detail(card.getTranslation("followup.plannedBy", names.getOrDefault(f.owner(), f.owner()))));
            if (f.overdue(now)) {
                Span late = new Span(card.getTranslation("followup.overdue"));
                late.getElement().getThemeList().add("badge error small");
                text.add(new Span(" "), late);
            }
        }
        row.add(icon, text);
        if (!f.done()) {
            Button complete = new Button(card.getTranslation("followup.complete"), e -> dialog.open(card, f));
            complete.addThemeVariants(ButtonVariant.LUMO_SMALL);
            complete.setId("follow-up-complete-" + f.id());
            LocalDate plannedOn = f.plannedAt().atZone(Locales.ZONE).toLocalDate();
            if (plannedOn.isAfter(today)) {
                // the service refuses it too: a contact that happened before its day is recorded as one of its own
                complete.setEnabled(false);
                complete.setTooltipText(card.getTranslation("followup.notYet", Formats.date(plannedOn)));
            }
            row.add(complete);
        }
        return row;
    }

    private static Div detail(String words) {
        Div detail = new Div(new Span(words));
        detail.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)").set("white-space", "pre-line");
        return detail;
    }

    private HorizontalLayout planForm(Div card, long opportunityId, SummitUser user, Runnable refresh) {
        Select<FollowUpChannel> channel = new Select<>();
        channel.setLabel(card.getTranslation("followup.field.channel"));
        channel.setItems(FollowUpChannel.values());
        channel.setItemLabelGenerator(k -> card.getTranslation(k.messageKey()));
        channel.setValue(FollowUpChannel.VISIT);
        channel.setId("follow-up-channel");
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
                followUps.plan(opportunityId, channel.getValue(), subject.getValue(), at, user);
                Errors.success(card.getTranslation("followup.saved"));
                refresh.run();
            } catch (UserFacingException ex) {
                Errors.showOnFields(card, ex, Map.<String, HasValidation>of("channel", channel, "subject", subject, "plannedAt", when));
            }
        });
        plan.setId("follow-up-plan");
        HorizontalLayout form = new HorizontalLayout(channel, subject, when, time, plan);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.getStyle().set("flex-wrap", "wrap");
        return form;
    }
}
