package com.summit.followup.ui;

import com.summit.base.UserFacingException;
import com.summit.base.ui.Cards;
import com.summit.base.ui.Formats;
import com.summit.customer.domain.Contact;
import com.summit.followup.domain.FollowUp;
import com.summit.followup.service.BriefingService;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.CurrentUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/**
 * The pre-contact briefing 前情提要: everything a rep reads before a visit or a call, on one narrow page that reads on a
 * phone. One click from the deal, the customer and the follow-up reminder.
 */
@Route("opportunities/:opportunityId/briefing")
@PermitAll
public class BriefingView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient BriefingService briefings;
    private final transient SummitUser user;
    private String title = "";

    public BriefingView(BriefingService briefings, CurrentUser currentUser) {
        this.briefings = briefings;
        this.user = currentUser.require();
        addClassName("summit-page");
        setId("briefing");
        getStyle().set("max-width", "40rem").set("margin", "0 auto");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        long id;
        try {
            id = Long.parseLong(event.getRouteParameters().get("opportunityId").orElse(""));
        } catch (NumberFormatException e) {
            add(new Span(getTranslation("opportunity.error.notVisible")));
            return;
        }
        BriefingService.Briefing b;
        try {
            b = briefings.briefing(id, user, getLocale());
        } catch (UserFacingException e) {
            add(new Span(getTranslation(e.messageKey(), e.arguments())));
            return;
        }
        // short: the header of a phone has room for two words; the deal is named on the page
        title = getTranslation("briefing.title");
        H2 heading = new H2(getTranslation("briefing.title"));
        heading.getStyle().set("margin", "0");
        Anchor deal = new Anchor("opportunities/" + b.deal().id(), b.deal().name() + " · " + b.deal().customerName());
        deal.setId("briefing-deal");
        Span standing = new Span(getTranslation("followup.count", b.standing().doneCount(), 4, 11) + " · "
                + (b.nextPlanned() == null ? getTranslation("followup.next.cadence", Formats.date(b.standing().nextDue()))
                : getTranslation("followup.next.planned", Formats.dateTime(b.nextPlanned().plannedAt()),
                        getTranslation(b.nextPlanned().channel().messageKey()))));
        standing.addClassName("summit-muted");
        add(heading, deal, standing);
        add(lastConversation(b), open(b), contacts(b), notes(b), gaps(b), approvals(b));
    }

    private Div lastConversation(BriefingService.Briefing b) {
        Div card = section("briefing-last", "briefing.last");
        FollowUp last = b.last();
        if (last == null) {
            card.add(muted(getTranslation("briefing.last.none")));
            return card;
        }
        card.add(line(Formats.dateTime(last.doneAt()) + " · " + getTranslation(last.channel().messageKey()) + " · " + last.subject()));
        if (!b.met().isEmpty()) {
            card.add(muted(getTranslation("briefing.met", String.join(getTranslation("workbench.list.separator"),
                    b.met().stream().map(Contact::name).toList()))));
        }
        card.add(line(last.outcome()));
        if (last.nextStep() != null) {
            card.add(line(last.nextStepOn() == null ? getTranslation("followup.nextStep", last.nextStep())
                    : getTranslation("followup.nextStep.on", last.nextStep(), Formats.date(last.nextStepOn()))));
        }
        return card;
    }

    private Div open(BriefingService.Briefing b) {
        Div card = section("briefing-open", "briefing.open");
        if (b.open().isEmpty()) {
            card.add(muted(getTranslation("briefing.open.none")));
        }
        b.open().forEach(o -> card.add(line("· " + o)));
        return card;
    }

    private Div contacts(BriefingService.Briefing b) {
        Div card = section("briefing-contacts", "briefing.contacts");
        if (b.contacts().isEmpty()) {
            card.add(muted(getTranslation("briefing.contacts.none")));
        }
        for (Contact c : b.contacts()) {
            Div row = new Div(new Span(c.name() + (c.title() == null ? "" : "（" + c.title() + "）") + " · " + getTranslation(c.role().messageKey())
                    + " · " + "★".repeat(c.strength()) + "☆".repeat(5 - c.strength())));
            row.addClassName("briefing-contact");
            if (c.preferences() != null) {
                row.add(muted(getTranslation("briefing.preferences", c.preferences())));
            }
            row.getStyle().set("padding", "var(--lumo-space-xs) 0");
            card.add(row);
        }
        return card;
    }

    private Div notes(BriefingService.Briefing b) {
        Div card = section("briefing-notes", "briefing.notes");
        if (b.notes().isEmpty()) {
            card.add(muted(getTranslation("briefing.notes.none")));
        }
        b.notes().forEach(n -> card.add(line(Formats.date(n.createdAt()) + " · " + n.body())));
        return card;
    }

    private Div gaps(BriefingService.Briefing b) {
        Div card = section("briefing-gaps", "briefing.gaps");
        for (BriefingService.Gap g : b.gaps()) {
            String next = g.next() == null ? getTranslation("briefing.gap.top") : getTranslation("briefing.gap.next", g.next());
            Div row = new Div(new Span(getTranslation("briefing.gap", g.element(), g.level()) + (g.pendingVerification()
                    ? " · " + getTranslation("briefing.gap.pending") : "")), muted(next));
            row.getStyle().set("padding", "var(--lumo-space-xs) 0");
            card.add(row);
        }
        String vetoes = String.join(getTranslation("workbench.list.separator"), b.vetoHolders().stream()
                .map(v -> translated("veto.dept." + v.department(), v.department()) + " " + getTranslation("veto.status." + v.status().name())).toList());
        card.add(muted(getTranslation("briefing.vetoes", vetoes)));
        return card;
    }

    private Div approvals(BriefingService.Briefing b) {
        Div card = section("briefing-approvals", "briefing.approvals");
        if (b.approvalStatus() == null) {
            card.add(muted(getTranslation("briefing.approvals.none")));
            return card;
        }
        card.add(line(getTranslation("briefing.approvals.status", getTranslation("approval.request.status." + b.approvalStatus()))));
        for (BriefingService.Review r : b.reviews()) {
            card.add(line("· " + briefings.departmentName(r.department(), getLocale()) + "："
                    + (r.decision() == null ? getTranslation("briefing.approvals.waiting") : getTranslation("approval.decision." + r.decision()))
                    + (r.conditions() == null || r.conditions().isBlank() ? "" : " · " + r.conditions())));
        }
        if (!b.openConditions().isEmpty()) {
            card.add(muted(getTranslation("briefing.conditions")));
            b.openConditions().forEach(c -> card.add(line("· " + c.text())));
        }
        return card;
    }

    private Div section(String id, String titleKey) {
        Div card = Cards.card(id, getTranslation(titleKey));
        card.getStyle().set("font-size", "var(--lumo-font-size-m)");
        return card;
    }

    private static Component line(String text) {
        Div div = new Div(new Span(text));
        div.getStyle().set("white-space", "pre-line").set("padding", "2px 0");
        return div;
    }

    private static Span muted(String text) {
        Span span = new Span(text);
        span.addClassName("summit-muted");
        span.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)");
        return span;
    }

    private String translated(String key, String fallback) {
        String t = getTranslation(key);
        return t == null || t.startsWith("!") || t.equals(key) ? fallback : t;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
