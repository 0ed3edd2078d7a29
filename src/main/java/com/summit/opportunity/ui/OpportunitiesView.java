package com.summit.opportunity.ui;

import com.summit.base.UserFacingException;
import com.summit.base.ui.Errors;
import com.summit.base.ui.Formats;
import com.summit.customer.domain.Customer;
import com.summit.customer.service.CustomerService;
import com.summit.customer.domain.LogisticsService;
import com.summit.opportunity.domain.Opportunity;
import com.summit.opportunity.domain.OpportunityStatus;
import com.summit.opportunity.service.NewOpportunity;
import com.summit.opportunity.service.OpportunityService;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.CurrentUser;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** 商机: the pipeline the user may see, a search field, and a dialog to open an opportunity. */
@Route("opportunities")
@Menu(title = "nav.opportunities", order = 2, icon = "vaadin:chart-timeline")
@RolesAllowed({"REP", "MANAGER", "ADMIN"})
public class OpportunitiesView extends VerticalLayout implements HasDynamicTitle {

    private final transient OpportunityService opportunities;
    private final transient CustomerService customers;
    private final transient SummitUser user;
    private final Grid<Opportunity> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Span searchInfo = new Span();

    public OpportunitiesView(OpportunityService opportunities, CustomerService customers, CurrentUser currentUser) {
        this.opportunities = opportunities;
        this.customers = customers;
        this.user = currentUser.require();
        addClassName("summit-page");
        setSizeFull();

        Button create = new Button(getTranslation("opportunity.new"), VaadinIcon.PLUS.create(), e -> openCreateDialog());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("opportunity-new");
        search.setPlaceholder(getTranslation("opportunity.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setWidth("24em");
        search.setId("opportunity-search");
        search.addKeyPressListener(Key.ENTER, e -> runSearch());
        search.addValueChangeListener(e -> {
            if (e.getValue().isBlank()) {
                showAll();
            }
        });
        Button go = new Button(getTranslation("opportunity.search.button"), e -> runSearch());
        go.setId("opportunity-search-button");
        searchInfo.setId("search-info");
        searchInfo.getStyle().set("color", "var(--lumo-secondary-text-color)");
        HorizontalLayout bar = new HorizontalLayout(create, search, go, searchInfo);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);

        grid.setId("opportunity-grid");
        grid.addColumn(Opportunity::name).setHeader(getTranslation("opportunity.name")).setFlexGrow(3);
        grid.addColumn(Opportunity::customerName).setHeader(getTranslation("opportunity.customer")).setFlexGrow(2);
        grid.addComponentColumn(this::stageBadge).setHeader(getTranslation("opportunity.stage")).setAutoWidth(true);
        grid.addColumn(o -> Formats.cny(o.amount()))
                .setHeader(getTranslation("opportunity.amount")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(o -> o.services().stream().map(s -> getTranslation(s.messageKey())).sorted().collect(Collectors.joining(getTranslation("common.listSeparator"))))
                .setHeader(getTranslation("opportunity.services")).setFlexGrow(2);
        grid.addColumn(o -> Duration.between(o.stageEnteredAt(), Instant.now()).toDays())
                .setHeader(getTranslation("opportunity.daysInStage")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("opportunity.empty"));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(OpportunityView.class,
                new com.vaadin.flow.router.RouteParameters("opportunityId", Long.toString(e.getItem().id())))));
        add(bar, grid);
        expand(grid);
        showAll();
    }

    private Span stageBadge(Opportunity o) {
        String text = o.status() == OpportunityStatus.OPEN
                ? o.stage().number() + " · " + getTranslation(o.stage().messageKey())
                : getTranslation(o.status().messageKey());
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge");
        if (o.status() == OpportunityStatus.WON) {
            badge.getElement().getThemeList().add("success");
        } else if (o.status() == OpportunityStatus.LOST) {
            badge.getElement().getThemeList().add("error");
        }
        badge.addClassName("stage-badge");
        return badge;
    }

    private void showAll() {
        searchInfo.setText("");
        // read a page at a time as the user scrolls, with the real count
        int total = opportunities.countVisible(user);
        grid.setItems(q -> opportunities.visiblePage(user, q.getOffset(), q.getLimit()).stream(), q -> total);
    }

    private void runSearch() {
        String text = search.getValue();
        if (text == null || text.isBlank()) {
            showAll();
            return;
        }
        try {
            List<Opportunity> found = opportunities.search(text, user);
            grid.setItems(found);
            searchInfo.setText(getTranslation("opportunity.search.found", found.size(), text.strip()));
        } catch (UserFacingException e) {
            searchInfo.setText(Errors.text(this, e));
            Errors.show(this, e);
        }
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("opportunity.new"));
        dialog.setWidth("640px");
        ComboBox<Customer> customer = new ComboBox<>(getTranslation("opportunity.customer"));
        // the customers matching what is typed, a page at a time: a manager's thousands are not sent to the browser
        customer.setItems(q -> customers.visibleByName(user, q.getFilter().orElse(""), q.getOffset(), q.getLimit()).stream(),
                q -> customers.countVisibleByName(user, q.getFilter().orElse("")));
        customer.setItemLabelGenerator(Customer::name);
        customer.setRequiredIndicatorVisible(true);
        customer.setId("opportunity-customer");
        TextField name = new TextField(getTranslation("opportunity.name"));
        name.setRequiredIndicatorVisible(true);
        name.setId("opportunity-name");
        TextArea description = new TextArea(getTranslation("opportunity.description"));
        description.setId("opportunity-description");
        description.setHelperText(getTranslation("opportunity.description.help"));
        BigDecimalField amount = new BigDecimalField(getTranslation("opportunity.amountCny"));
        amount.setRequiredIndicatorVisible(true);
        amount.setId("opportunity-amount");
        amount.setPrefixComponent(new Span("¥"));
        CheckboxGroup<LogisticsService> services = new CheckboxGroup<>(getTranslation("opportunity.services"));
        services.setItems(LogisticsService.values());
        services.setItemLabelGenerator(s -> getTranslation(s.messageKey()));
        services.setId("opportunity-services");
        FormLayout form = new FormLayout(customer, name, description, amount, services);
        form.setColspan(description, 2);
        form.setColspan(services, 2);
        dialog.add(form);
        Map<String, HasValidation> fields = Map.of("customer", customer, "name", name, "description", description, "amount", amount);
        Button save = new Button(getTranslation("opportunity.create"), e -> {
            try {
                Opportunity created = opportunities.create(new NewOpportunity(
                        customer.getValue() == null ? null : customer.getValue().id(), name.getValue(), description.getValue(),
                        amount.getValue(), services.getValue()), user);
                dialog.close();
                showAll();
                if (created.processInstanceKey() == null) {
                    Errors.notice(getTranslation("opportunity.createdProcessLater", created.name()));
                } else {
                    Errors.success(getTranslation("opportunity.created", created.name()));
                }
            } catch (UserFacingException ex) {
                Errors.showOnFields(this, ex, fields);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("opportunity-save");
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.opportunities");
    }
}
