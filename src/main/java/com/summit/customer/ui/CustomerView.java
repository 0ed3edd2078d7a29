package com.summit.customer.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.summit.base.ui.Chart;
import com.summit.base.ui.Formats;
import com.summit.customer.domain.Customer;
import com.summit.customer.domain.CustomerTier;
import com.summit.customer.domain.MonthRevenue;
import com.summit.customer.domain.TierChange;
import com.summit.customer.service.CustomerService;
import com.summit.customer.service.TieringService;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.CurrentUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The customer page (客户 360°, first part): profile, the value tier with why and its history, 24 months of revenue and
 * profit by service, and the sections other features add (the customer's deals).
 */
@Route("customers/:customerId")
@PermitAll
public class CustomerView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient CustomerService customers;
    private final transient TieringService tiering;
    private final transient List<CustomerSection> sections;
    private final transient SummitUser user;
    private final transient ObjectMapper json = new ObjectMapper();
    private String title = "";

    private final transient com.summit.customer.service.ContactService contacts;

    public CustomerView(CustomerService customers, TieringService tiering, CurrentUser currentUser, List<CustomerSection> sections,
            com.summit.customer.service.ContactService contacts) {
        this.contacts = contacts;
        this.customers = customers;
        this.tiering = tiering;
        this.sections = sections;
        this.user = currentUser.require();
        addClassName("summit-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        long id;
        try {
            id = Long.parseLong(event.getRouteParameters().get("customerId").orElse(""));
        } catch (NumberFormatException e) {
            id = -1;
        }
        var customer = customers.findVisible(id, user);
        if (customer.isEmpty()) {
            Div box = new Div(new Span(getTranslation("customer.error.notVisible")));
            box.addClassName("summit-errors");
            box.setId("customer-message");
            add(box, back());
            return;
        }
        render(customer.get());
    }

    private void render(Customer c) {
        title = c.name();
        H2 heading = new H2(c.name());
        heading.getStyle().set("margin", "0");
        Span tier = badge(getTranslation(c.tier().messageKey()), c.tier() == CustomerTier.STRATEGIC ? "success" : "");
        tier.setId("customer-tier");
        HorizontalLayout header = new HorizontalLayout(back(), heading, tier);
        header.setAlignItems(Alignment.CENTER);
        Div meta = new Div();
        meta.addClassName("summit-muted");
        meta.getStyle().set("display", "flex").set("gap", "var(--lumo-space-l)").set("flex-wrap", "wrap");
        meta.add(new Span(c.industry() == null ? "—" : getTranslation(c.industry().messageKey())), new Span(c.region() == null ? "—" : c.region()),
                new Span(getTranslation("customer.page.creditCode", c.creditCode() == null ? "—" : c.creditCode())),
                new Span(getTranslation("customer.page.owner", customers.ownerName(c))));
        if (c.address() != null) {
            meta.add(new Span(c.address()));
        }
        add(header, meta, tierCard(c), behaviourCard(c), influenceCard(c), revenueCard(c), notesCard(c));
        sections.forEach(s -> s.create(c.id(), user).ifPresent(this::add));
    }

    private Div tierCard(Customer c) {
        Div card = card("customer-tiering", getTranslation("customer.page.tier"));
        Div why = new Div(new Span(getTranslation("customer.page.tierWhy", getTranslation(c.tier().messageKey()),
                tiering.currentReason(c.id(), getLocale()))));
        why.setId("customer-tier-reason");
        card.add(why);
        List<TierChange> history = tiering.history(c.id());
        if (history.isEmpty()) {
            Span none = new Span(getTranslation("customer.page.noTierChange"));
            none.addClassName("summit-muted");
            card.add(new Div(none));
            return card;
        }
        UnorderedList list = new UnorderedList();
        list.addClassName("summit-timeline");
        list.setId("customer-tier-history");
        for (TierChange change : history) {
            ListItem item = new ListItem();
            Span at = new Span(Formats.dateTime(change.createdAt()));
            at.addClassName("summit-muted");
            String text = getTranslation("customer.page.tierChange", getTranslation(change.from().messageKey()), getTranslation(change.to().messageKey()),
                    tiering.reasonText(change.reason(), change.revenue12m(), change.profit12m(), change.pipeline(), getLocale()));
            Span status = badge(getTranslation("customer.tierStatus." + change.status().name()),
                    change.status() == TierChange.Status.PENDING ? "contrast" : change.status() == TierChange.Status.REJECTED ? "error" : "success");
            item.add(at, status, new Span(" " + text));
            if (change.decidedBy() != null) {
                Span decided = new Span(" " + getTranslation("customer.page.tierDecided", customers.displayName(change.decidedBy()),
                        change.note() == null ? "" : change.note()));
                decided.addClassName("summit-muted");
                item.add(decided);
            }
            list.add(item);
        }
        card.add(list);
        return card;
    }

    /** The other two dimensions: the rep's need type (editable) and the behaviour the revenue shows. */
    private Div behaviourCard(Customer c) {
        Div card = card("customer-behaviour", getTranslation("customer.behaviour"));
        var need = new com.vaadin.flow.component.select.Select<com.summit.customer.domain.NeedType>();
        need.setLabel(getTranslation("customer.needType"));
        need.setItems(com.summit.customer.domain.NeedType.values());
        need.setEmptySelectionAllowed(true);
        need.setEmptySelectionCaption(getTranslation("customer.needType.none"));
        need.setItemLabelGenerator(n -> n == null ? getTranslation("customer.needType.none") : getTranslation(n.messageKey()));
        need.setValue(c.needType());
        need.setId("customer-need-type");
        need.addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                return;
            }
            try {
                customers.setNeedType(c.id(), e.getValue(), user);
                com.summit.base.ui.Errors.success(getTranslation("customer.needType.saved"));
            } catch (com.summit.base.UserFacingException ex) {
                com.summit.base.ui.Errors.show(this, ex);
            }
        });
        UnorderedList facts = new UnorderedList();
        facts.setId("customer-behaviour-facts");
        facts.getStyle().set("margin", "var(--lumo-space-s) 0 0 0");
        if (c.purchaseMonths() == 0) {
            facts.add(new ListItem(getTranslation("customer.behaviour.noTrend")));
        } else {
            facts.add(new ListItem(getTranslation("customer.behaviour.months", c.purchaseMonths())));
            facts.add(new ListItem(c.trend() == null ? getTranslation("customer.behaviour.noTrend")
                    : getTranslation("customer.behaviour.trend", getTranslation(c.trend().messageKey()))));
            facts.add(new ListItem(getTranslation("customer.behaviour.services", String.join(getTranslation("common.listSeparator"),
                    c.servicesUsed().stream().map(s -> getTranslation(s.messageKey())).toList()))));
        }
        card.add(need, facts);
        return card;
    }

    /** Notes: what the team should know about the customer, newest first. */
    private Div notesCard(Customer c) {
        Div card = card("customer-notes", getTranslation("customer.notes"));
        var text = new com.vaadin.flow.component.textfield.TextArea();
        text.setPlaceholder(getTranslation("customer.notes.placeholder"));
        text.setMaxLength(CustomerService.NOTE_MAX);
        text.setWidthFull();
        text.setId("customer-note-text");
        Button add = new Button(getTranslation("customer.notes.add"), VaadinIcon.PLUS.create(), e -> {
            try {
                customers.addNote(c.id(), text.getValue(), user);
                com.summit.base.ui.Errors.success(getTranslation("customer.notes.saved"));
                removeAll();
                customers.findVisible(c.id(), user).ifPresent(this::render);
            } catch (com.summit.base.UserFacingException ex) {
                com.summit.base.ui.Errors.showOnFields(this, ex, Map.of("note", text));
            }
        });
        add.setId("customer-note-add");
        card.add(text, add);
        var notes = customers.notes(c.id(), user);
        if (notes.isEmpty()) {
            Span none = new Span(getTranslation("customer.notes.empty"));
            none.addClassName("summit-muted");
            card.add(new Div(none));
            return card;
        }
        UnorderedList list = new UnorderedList();
        list.addClassName("summit-timeline");
        list.setId("customer-note-list");
        for (var note : notes) {
            Span at = new Span(Formats.dateTime(note.createdAt()) + " · " + customers.displayName(note.author()));
            at.addClassName("summit-muted");
            Div body = new Div(new Span(note.body()));
            body.getStyle().set("white-space", "pre-wrap");
            list.add(new ListItem(at, body));
        }
        card.add(list);
        return card;
    }

    /** Who decides, who can veto, who leads on the customer's side; roles nobody covers are flagged. */
    private Div influenceCard(Customer c) {
        Div card = card("customer-influence", getTranslation("contact.map.title"));
        var map = contacts.influenceMap(c.id(), user);
        var uncovered = contacts.uncovered(map);
        Div banner = new Div(new Span(uncovered.isEmpty() ? getTranslation("contact.map.allCovered")
                : getTranslation("contact.map.uncovered", String.join(getTranslation("common.listSeparator"),
                        uncovered.stream().map(r -> getTranslation(r.messageKey())).toList()))));
        banner.setId("customer-uncovered");
        banner.getStyle().set("color", uncovered.isEmpty() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)")
                .set("margin-bottom", "var(--lumo-space-s)");
        card.add(banner);
        Div roles = new Div();
        roles.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)");
        map.forEach((role, people) -> {
            Div column = new Div();
            column.addClassName("summit-influence-role");
            column.setId("influence-" + role.name());
            column.getStyle().set("flex", "1 1 10rem").set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-m)")
                    .set("padding", "var(--lumo-space-s)").set("min-width", "9rem");
            Span label = new Span(getTranslation(role.messageKey()));
            label.getStyle().set("font-weight", "600").set("display", "block");
            column.add(label);
            if (people.isEmpty()) {
                Span nobody = new Span(getTranslation("contact.map.nobody"));
                nobody.getStyle().set("color", role.needsCover() ? "var(--lumo-error-text-color)" : "var(--lumo-secondary-text-color)")
                        .set("font-size", "var(--lumo-font-size-s)");
                column.add(nobody);
            }
            for (var person : people) {
                Div who = new Div(new Span(person.name() + (person.title() == null ? "" : " · " + person.title())));
                who.getStyle().set("font-size", "var(--lumo-font-size-s)");
                Span strength = new Span(" " + "●".repeat(person.strength()) + "○".repeat(5 - person.strength()));
                strength.getElement().setAttribute("title", getTranslation("contact.strength", person.strength()));
                strength.getStyle().set("color", "var(--lumo-primary-color)");
                who.add(strength);
                if (person.preferences() != null) {
                    Div pref = new Div(new Span(person.preferences()));
                    pref.addClassName("summit-muted");
                    pref.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)");
                    who.add(pref);
                }
                column.add(who);
            }
            roles.add(column);
        });
        card.add(roles, contactForm(c));
        return card;
    }

    private HorizontalLayout contactForm(Customer c) {
        var name = new com.vaadin.flow.component.textfield.TextField(getTranslation("contact.field.name"));
        name.setId("contact-name");
        name.setMaxLength(com.summit.customer.service.ContactService.NAME_MAX);
        var title = new com.vaadin.flow.component.textfield.TextField(getTranslation("contact.field.title"));
        title.setId("contact-title");
        var role = new com.vaadin.flow.component.select.Select<com.summit.customer.domain.ContactRole>();
        role.setLabel(getTranslation("contact.field.role"));
        role.setItems(com.summit.customer.domain.ContactRole.values());
        role.setItemLabelGenerator(r -> getTranslation(r.messageKey()));
        role.setId("contact-role");
        var strength = new com.vaadin.flow.component.select.Select<Integer>();
        strength.setLabel(getTranslation("contact.field.strength"));
        strength.setItems(1, 2, 3, 4, 5);
        strength.setValue(3);
        strength.setId("contact-strength");
        strength.setWidth("8em");
        var preferences = new com.vaadin.flow.component.textfield.TextField(getTranslation("contact.field.preferences"));
        preferences.setId("contact-preferences");
        Button add = new Button(getTranslation("contact.add"), VaadinIcon.PLUS.create(), e -> {
            try {
                contacts.add(c.id(), new com.summit.customer.service.NewContact(name.getValue(), title.getValue(), role.getValue(), strength.getValue(),
                        preferences.getValue(), null), user);
                com.summit.base.ui.Errors.success(getTranslation("contact.saved"));
                removeAll();
                customers.findVisible(c.id(), user).ifPresent(this::render);
            } catch (com.summit.base.UserFacingException ex) {
                com.summit.base.ui.Errors.showOnFields(this, ex, Map.<String, com.vaadin.flow.component.HasValidation>of("name", name, "title", title,
                        "role", role, "strength", strength, "preferences", preferences));
            }
        });
        add.setId("contact-add");
        HorizontalLayout form = new HorizontalLayout(name, title, role, strength, preferences, add);
        form.setAlignItems(Alignment.BASELINE);
        form.getStyle().set("flex-wrap", "wrap").set("margin-top", "var(--lumo-space-s)");
        return form;
    }

    private Div revenueCard(Customer c) {
        Div card = card("customer-revenue", getTranslation("customer.page.revenue"));
        List<MonthRevenue> rows = tiering.revenue(c.id());
        if (rows.isEmpty()) {
            Span none = new Span(getTranslation("customer.page.noRevenue"));
            none.addClassName("summit-muted");
            card.add(new Div(none));
            return card;
        }
        TreeSet<LocalDate> months = new TreeSet<>();
        Map<String, Map<LocalDate, BigDecimal>> byService = new TreeMap<>();
        Map<LocalDate, BigDecimal> profit = new TreeMap<>();
        for (MonthRevenue r : rows) {
            months.add(r.month());
            byService.computeIfAbsent(r.service(), s -> new TreeMap<>()).merge(r.month(), r.revenue(), BigDecimal::add);
            profit.merge(r.month(), r.profit(), BigDecimal::add);
        }
        ObjectNode option = json.createObjectNode();
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("legend").put("top", 0);
        option.putObject("grid").put("left", 70).put("right", 20).put("top", 50).put("bottom", 30);
        ArrayNode xs = option.putObject("xAxis").put("type", "category").putArray("data");
        months.forEach(m -> xs.add(m.toString().substring(0, 7)));
        option.putObject("yAxis").put("type", "value").put("name", getTranslation("customer.page.tenThousand"));
        ArrayNode series = option.putArray("series");
        byService.forEach((service, values) -> {
            ObjectNode s = series.addObject().put("type", "bar").put("stack", "revenue")
                    .put("name", getTranslation("service." + service));
            ArrayNode data = s.putArray("data");
            months.forEach(m -> data.add(tenThousands(values.getOrDefault(m, BigDecimal.ZERO))));
        });
        ObjectNode line = series.addObject().put("type", "line").put("name", getTranslation("customer.page.profit"));
        ArrayNode data = line.putArray("data");
        months.forEach(m -> data.add(tenThousands(profit.getOrDefault(m, BigDecimal.ZERO))));
        Chart chart = new Chart(option.toString());
        chart.setId("customer-revenue-chart");
        chart.setWidthFull();
        chart.setHeight("320px");
        card.add(chart);
        return card;
    }

    private static double tenThousands(BigDecimal value) {
        return value.movePointLeft(4).setScale(1, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    private Div card(String id, String heading) {
        return com.summit.base.ui.Cards.card(id, heading);
    }

    private Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add(("badge " + theme).strip());
        return badge;
    }

    private Button back() {
        Button back = new Button(getTranslation("customer.page.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(CustomersView.class)));
        back.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
        return back;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
