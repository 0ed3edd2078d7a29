package com.summit.customer.ui;

import com.summit.base.UserFacingException;
import com.summit.base.ui.Errors;
import com.summit.base.ui.Formats;
import com.summit.customer.domain.Customer;
import com.summit.customer.domain.Industry;
import com.summit.customer.service.CustomerService;
import com.summit.customer.service.NewCustomer;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.CurrentUser;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;

/** 客户: the customers the user may see, and a dialog to create one. */
@Route("customers")
@Menu(title = "nav.customers", order = 1, icon = "vaadin:building")
@RolesAllowed({"REP", "MANAGER", "ADMIN"})
public class CustomersView extends VerticalLayout implements HasDynamicTitle {

    private final transient CustomerService customers;
    private final transient SummitUser user;
    private final Grid<Customer> grid = new Grid<>();
    private final com.vaadin.flow.component.select.Select<com.summit.customer.domain.CustomerTier> tier = new com.vaadin.flow.component.select.Select<>();
    private final com.vaadin.flow.component.select.Select<Industry> industry = new com.vaadin.flow.component.select.Select<>();
    private final TextField region = new TextField();
    private final TextField name = new TextField();
    private final ComboBox<String> owner = new ComboBox<>();
    private final com.vaadin.flow.component.select.Select<com.summit.customer.domain.Trend> trend = new com.vaadin.flow.component.select.Select<>();

    private final transient com.summit.customer.service.CustomerExport export;

    public CustomersView(CustomerService customers, CurrentUser currentUser, com.summit.customer.service.CustomerExport export) {
        this.export = export;
        this.customers = customers;
        this.user = currentUser.require();
        addClassName("summit-page");
        setSizeFull();
        Button create = new Button(getTranslation("customer.new"), VaadinIcon.PLUS.create(), e -> openCreateDialog());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("customer-new");
        grid.setId("customer-grid");
        grid.addColumn(Customer::name).setHeader(getTranslation("customer.name")).setWidth("16rem").setFlexGrow(3);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(CustomerView.class,
                new com.vaadin.flow.router.RouteParameters("customerId", Long.toString(e.getItem().id())))));
        grid.addColumn(c -> getTranslation(c.tier().messageKey())).setHeader(getTranslation("customer.tier")).setAutoWidth(true);
        grid.addColumn(c -> c.industry() == null ? "" : getTranslation(c.industry().messageKey())).setHeader(getTranslation("customer.industry")).setAutoWidth(true);
        grid.addColumn(c -> c.region() == null ? "" : c.region()).setHeader(getTranslation("customer.region")).setAutoWidth(true);
        grid.addColumn(c -> c.needType() == null ? "" : getTranslation(c.needType().messageKey())).setHeader(getTranslation("customer.needType"))
                .setAutoWidth(true);
        grid.addColumn(c -> c.trend() == null ? "—" : getTranslation(c.trend().messageKey())).setHeader(getTranslation("customer.trend"))
                .setAutoWidth(true);
        grid.addColumn(c -> c.purchaseMonths() + "/12").setHeader(getTranslation("customer.purchaseMonths")).setAutoWidth(true);
        grid.addColumn(c -> c.creditCode() == null ? "" : c.creditCode()).setHeader(getTranslation("customer.creditCode")).setAutoWidth(true);
        grid.addColumn(c -> Formats.date(c.createdAt())).setHeader(getTranslation("customer.createdAt")).setAutoWidth(true);
        grid.addColumn(c -> customers.ownerName(c)).setHeader(getTranslation("customer.owner")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("customer.empty"));
        // the list as it is filtered now, as an xlsx file
        var locale = getLocale();
        com.vaadin.flow.component.html.Anchor download = new com.vaadin.flow.component.html.Anchor(
                com.vaadin.flow.server.streams.DownloadHandler.fromInputStream(event -> {
                    byte[] file = export.xlsx(user, filter(), locale);
                    return new com.vaadin.flow.server.streams.DownloadResponse(new java.io.ByteArrayInputStream(file), export.fileName(),
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.length);
                }), com.vaadin.flow.component.html.AttachmentType.DOWNLOAD, getTranslation("export.customers.button"));
        download.setId("customer-export");
        download.getStyle().set("align-self", "center");
        Button importButton = new Button(getTranslation("customer.import"), VaadinIcon.UPLOAD.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(ImportView.class)));
        importButton.setId("customer-import");
        add(new HorizontalLayout(create, importButton, download), filters(), grid);
        expand(grid);
        refresh();
    }

    /** Filters by tier, industry, region, owner, name and trend; the list loads page by page from the database. */
    private com.vaadin.flow.component.orderedlayout.FlexLayout filters() {
        tier.setLabel(getTranslation("customer.tier"));
        tier.setItems(com.summit.customer.domain.CustomerTier.values());
        tier.setEmptySelectionAllowed(true);
        tier.setEmptySelectionCaption(getTranslation("filter.any"));
        tier.setItemLabelGenerator(t -> t == null ? getTranslation("filter.any") : getTranslation(t.messageKey()));
        tier.setId("customer-filter-tier");
        industry.setLabel(getTranslation("customer.industry"));
        industry.setItems(Industry.values());
        industry.setEmptySelectionAllowed(true);
        industry.setEmptySelectionCaption(getTranslation("filter.any"));
        industry.setItemLabelGenerator(i -> i == null ? getTranslation("filter.any") : getTranslation(i.messageKey()));
        industry.setId("customer-filter-industry");
        region.setLabel(getTranslation("customer.region"));
        region.setClearButtonVisible(true);
        region.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        region.setId("customer-filter-region");
        name.setLabel(getTranslation("customer.name"));
        name.setClearButtonVisible(true);
        name.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        name.setId("customer-filter-name");
        owner.setLabel(getTranslation("customer.owner"));
        owner.setClearButtonVisible(true);
        Map<String, String> owners = customers.owners(user);
        owner.setItems(owners.keySet());
        owner.setItemLabelGenerator(u -> owners.getOrDefault(u, u));
        owner.setId("customer-filter-owner");
        trend.setLabel(getTranslation("customer.trend"));
        trend.setItems(com.summit.customer.domain.Trend.values());
        trend.setEmptySelectionAllowed(true);
        trend.setEmptySelectionCaption(getTranslation("filter.any"));
        trend.setItemLabelGenerator(t -> t == null ? getTranslation("filter.any") : getTranslation(t.messageKey()));
        trend.setId("customer-filter-trend");
        trend.addValueChangeListener(e -> refresh());
        tier.addValueChangeListener(e -> refresh());
        industry.addValueChangeListener(e -> refresh());
        region.addValueChangeListener(e -> refresh());
        name.addValueChangeListener(e -> refresh());
        owner.addValueChangeListener(e -> refresh());
        var bar = new com.vaadin.flow.component.orderedlayout.FlexLayout(name, tier, industry, region, owner, trend);
        bar.getStyle().set("gap", "var(--lumo-space-m)").set("flex-wrap", "wrap");
        return bar;
    }

    private CustomerService.Filter filter() {
        return new CustomerService.Filter(tier.getValue(), industry.getValue(), region.getValue(), owner.getValue(), name.getValue(),
                trend.getValue());
    }

    private void refresh() {
        CustomerService.Filter f = filter();
        grid.setItems(q -> customers.page(user, f, q.getOffset(), q.getLimit()).stream(), q -> (int) customers.count(user, f));
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("customer.new"));
        TextField name = new TextField(getTranslation("customer.name"));
        name.setId("customer-name");
        name.setRequiredIndicatorVisible(true);
        name.setWidthFull();
        TextField creditCode = new TextField(getTranslation("customer.creditCode"));
        creditCode.setId("customer-credit-code");
        creditCode.setHelperText(getTranslation("customer.creditCode.help"));
        ComboBox<Industry> industry = new ComboBox<>(getTranslation("customer.industry"));
        industry.setItems(Industry.values());
        industry.setItemLabelGenerator(i -> getTranslation(i.messageKey()));
        industry.setId("customer-industry");
        TextField region = new TextField(getTranslation("customer.region"));
        region.setId("customer-region");
        FormLayout form = new FormLayout(name, creditCode, industry, region);
        form.setColspan(name, 2);
        dialog.add(form);
        Map<String, HasValidation> fields = Map.of("name", name, "creditCode", creditCode, "region", region);
        Button save = new Button(getTranslation("common.save"), e -> {
            try {
                Customer created = customers.create(new NewCustomer(name.getValue(), creditCode.getValue(), industry.getValue(), region.getValue()), user);
                dialog.close();
                refresh();
                Errors.success(getTranslation("customer.created", created.name()));
            } catch (UserFacingException ex) {
                Errors.showOnFields(this, ex, fields);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("customer-save");
        Button cancel = new Button(getTranslation("common.cancel"), e -> dialog.close());
        dialog.getFooter().add(cancel, save);
        dialog.open();
        name.focus();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.customers");
    }
}
