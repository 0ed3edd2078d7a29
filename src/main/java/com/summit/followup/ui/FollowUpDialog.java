package com.summit.followup.ui;

import com.summit.base.UserFacingException;
import com.summit.base.i18n.Locales;
import com.summit.base.ui.Errors;
import com.summit.customer.domain.Contact;
import com.summit.followup.domain.FollowUp;
import com.summit.followup.domain.FollowUpChannel;
import com.summit.followup.service.FollowUpService;
import com.summit.opportunity.domain.Ladder;
import com.summit.opportunity.domain.ScoreElement;
import com.summit.opportunity.service.ScorecardService;
import com.summit.security.domain.SummitUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The dialog that records what a follow-up found: a contact that already happened (channel, subject, when), or a
 * planned one done. Either way: the contacts met, what was learnt, the next step with its date, and a scorecard
 * claim it proves, if any.
 */
final class FollowUpDialog {

    private final FollowUpService followUps;
    private final ScorecardService scorecards;
    private final long opportunityId;
    private final SummitUser user;
    private final Runnable refresh;

    FollowUpDialog(FollowUpService followUps, ScorecardService scorecards, long opportunityId, SummitUser user, Runnable refresh) {
        this.followUps = followUps;
        this.scorecards = scorecards;
        this.opportunityId = opportunityId;
        this.user = user;
        this.refresh = refresh;
    }

    /** A contact that already happened, recorded now; {@code planned} is null. Else the planned follow-up done. */
    void open(Component context, FollowUp planned) {
        Dialog dialog = new Dialog();
        dialog.setId("follow-up-dialog");
        dialog.setHeaderTitle(context.getTranslation(planned == null ? "followup.record" : "followup.complete"));
        dialog.setWidth("min(40rem, 96vw)");
        VerticalLayout form = new VerticalLayout();
        form.setPadding(false);
        form.setSpacing(false);
        Map<String, HasValidation> fields = new HashMap<>();
        java.util.Locale locale = com.vaadin.flow.component.UI.getCurrent() == null ? Locales.ZH_CN : com.vaadin.flow.component.UI.getCurrent().getLocale();

        Select<FollowUpChannel> channel = new Select<>();
        TextField subject = new TextField(context.getTranslation("followup.field.subject"));
        DatePicker day = new DatePicker(context.getTranslation("followup.field.happenedOn"));
        Select<LocalTime> time = new Select<>();
        if (planned == null) {
            channel.setLabel(context.getTranslation("followup.field.channel"));
            channel.setItems(FollowUpChannel.values());
            channel.setItemLabelGenerator(k -> context.getTranslation(k.messageKey()));
            channel.setId("follow-up-record-channel");
            channel.setPlaceholder(context.getTranslation("followup.field.channel.choose"));
            subject.setMaxLength(FollowUpService.SUBJECT_MAX);
            subject.setId("follow-up-record-subject");
            subject.setWidthFull();
            day.setId("follow-up-record-day");
            day.setValue(LocalDate.now(Locales.ZONE));
            day.setMax(LocalDate.now(Locales.ZONE));
            time.setLabel(context.getTranslation("followup.field.time"));
            time.setId("follow-up-record-time");
            // every half hour of the day, the default the last one begun (a contact is recorded after it happened)
            time.setItems(IntStream.range(0, 48).mapToObj(i -> LocalTime.of(i / 2, (i % 2) * 30)).toList());
            LocalTime now = LocalTime.now(Locales.ZONE);
            time.setValue(LocalTime.of(now.getHour(), now.getMinute() < 30 ? 0 : 30));
            time.setWidth("7em");
            HorizontalLayout when = new HorizontalLayout(channel, day, time);
            when.setAlignItems(FlexComponent.Alignment.BASELINE);
            when.getStyle().set("flex-wrap", "wrap");
            form.add(when, subject);
            fields.put("channel", channel);
            fields.put("subject", subject);
            fields.put("happenedAt", day);
        } else {
            Span what = new Span(context.getTranslation(planned.channel().messageKey()) + " · " + planned.subject());
            what.addClassName("summit-muted");
            form.add(what);
        }

        List<Contact> known = followUps.contactsOf(opportunityId, user);
        MultiSelectComboBox<Contact> met = new MultiSelectComboBox<>(context.getTranslation("followup.field.contacts"));
        met.setItems(known);
        met.setItemLabelGenerator(c -> c.name() + (c.title() == null ? "" : "（" + c.title() + "）") + " · " + context.getTranslation(c.role().messageKey()));
        met.setWidthFull();
        met.setId("follow-up-contacts");
        if (known.isEmpty()) {
            met.setHelperText(context.getTranslation("followup.field.contacts.none"));
        }
        TextArea learnt = new TextArea(context.getTranslation("followup.field.outcome"));
        learnt.setWidthFull();
        learnt.setMaxLength(FollowUpService.OUTCOME_MAX);
        learnt.setId("follow-up-outcome");
        TextField nextStep = new TextField(context.getTranslation("followup.field.nextStep"));
        nextStep.setMaxLength(FollowUpService.NEXT_STEP_MAX);
        nextStep.setId("follow-up-next-step");
        nextStep.getStyle().set("flex", "1 1 16em");
        DatePicker nextOn = new DatePicker(context.getTranslation("followup.field.nextStepOn"));
        nextOn.setId("follow-up-next-on");
        HorizontalLayout next = new HorizontalLayout(nextStep, nextOn);
        next.setWidthFull();
        next.setAlignItems(FlexComponent.Alignment.BASELINE);
        next.getStyle().set("flex-wrap", "wrap");
        form.add(met, learnt, next);
        fields.put("contacts", met);
        fields.put("outcome", learnt);
        fields.put("nextStep", nextStep);
        fields.put("nextStepOn", nextOn);

        // a claim this follow-up proves: the element and the level it reaches
        Map<ScoreElement, Integer> levels = scorecards.scorecard(opportunityId, user, locale).lines().stream()
                .collect(Collectors.toMap(l -> l.ladder().element(), ScorecardService.Line::level));
        Map<ScoreElement, Ladder> ladders = scorecards.ladders().stream().collect(Collectors.toMap(Ladder::element, l -> l));
        Select<ScoreElement> element = new Select<>();
        element.setLabel(context.getTranslation("followup.field.claim"));
        element.setEmptySelectionAllowed(true);
        element.setEmptySelectionCaption(context.getTranslation("followup.field.claim.none"));
        element.setItems(ScoreElement.values());
        element.setItemLabelGenerator(e -> e == null ? context.getTranslation("followup.field.claim.none")
                : context.getTranslation("followup.field.claim.element", ladders.get(e).name(locale), levels.get(e)));
        element.setId("follow-up-claim-element");
        Select<Integer> level = new Select<>();
        level.setLabel(context.getTranslation("followup.field.claim.level"));
        level.setItems(IntStream.rangeClosed(0, ScoreElement.MAX_LEVEL).boxed().toList());
        level.setId("follow-up-claim-level");
        level.setEnabled(false);
        level.setWidth("min(22rem, 90vw)");
        element.addValueChangeListener(e -> {
            ScoreElement chosen = e.getValue();
            level.setEnabled(chosen != null);
            if (chosen != null) {
                level.setItemLabelGenerator(l -> l + " · " + ladders.get(chosen).checkpoint(l, locale));
                level.setValue(Math.min(ScoreElement.MAX_LEVEL, levels.get(chosen) + 1));
            } else {
                level.clear();
            }
        });
        HorizontalLayout claim = new HorizontalLayout(element, level);
        claim.setAlignItems(FlexComponent.Alignment.BASELINE);
        claim.getStyle().set("flex-wrap", "wrap");
        form.add(claim);
        dialog.add(form);

        Button save = new Button(context.getTranslation(planned == null ? "followup.record" : "followup.complete"), e -> {
            Set<Long> contactIds = met.getValue().stream().map(Contact::id).collect(Collectors.toSet());
            FollowUpService.Claim chosen = element.getValue() == null || level.getValue() == null ? null
                    : new FollowUpService.Claim(element.getValue(), level.getValue());
            var outcome = new FollowUpService.Outcome(contactIds, learnt.getValue(), nextStep.getValue(), nextOn.getValue(), chosen);
            try {
                if (planned == null) {
                    LocalDateTime at = day.getValue() == null || time.getValue() == null ? null : day.getValue().atTime(time.getValue());
                    followUps.record(opportunityId, channel.getValue(), subject.getValue(), at, outcome, user);
                } else {
                    followUps.complete(planned.id(), outcome, user);
                }
                dialog.close();
                Errors.success(context.getTranslation(chosen == null ? "followup.completed" : "followup.completed.claim"));
                refresh.run();
            } catch (UserFacingException ex) {
                Errors.showOnFields(dialog, ex, fields);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("follow-up-save");
        dialog.getFooter().add(new Button(context.getTranslation("common.cancel"), e -> dialog.close()), save);
        dialog.open();
    }
}
