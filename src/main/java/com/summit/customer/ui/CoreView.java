package com.summit.customer.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.summit.base.UserFacingException;
import com.summit.base.ui.Chart;
import com.summit.base.ui.Errors;
import com.summit.base.ui.Formats;
import com.summit.customer.service.CoreService;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.CurrentUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;

/**
 * Core customers, core staff, core services 核心客户、核心员工、核心业务: for a period of whole months, revenue, gross profit,
 * margin and share of profit per customer (the core ones marked), per rep and per service, each as a chart and a
 * table, over the customers the user may see.
 */
@Route("core")
@Menu(title = "nav.core", order = 4.5, icon = "vaadin:star")
@RolesAllowed({"REP", "MANAGER", "ADMIN"})
public class CoreView extends VerticalLayout implements HasDynamicTitle {

    /** How many customers the Pareto chart draws (the table lists more). */
    static final int CHART_CUSTOMERS = 30;
    /** How many reps the staff chart draws. */
    static final int CHART_STAFF = 15;

    private final transient CoreService core;
    private final transient SummitUser user;
    private final transient ObjectMapper json = new ObjectMapper();
    private final Select<YearMonth> from = monthSelect("core-from", "core.from");
    private final Select<YearMonth> to = monthSelect("core-to", "core.to");
    private final Div message = new Div();
    private final Div figures = new Div();

    public CoreView(CoreService core, CurrentUser currentUser) {
        this.core = core;
        this.user = currentUser.require();
        addClassName("summit-page");
        Button apply = new Button(getTranslation("core.apply"), VaadinIcon.SEARCH.create(), e -> show(from.getValue(), to.getValue()));
        apply.setId("core-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button last12 = preset("core-last12", "core.last12", CoreService.lastTwelveMonths());
        Button lastYear = preset("core-last-year", "core.lastYear", CoreService.lastYear());
        HorizontalLayout period = new HorizontalLayout(from, to, apply, last12, lastYear);
        period.setAlignItems(Alignment.BASELINE);
        period.getStyle().set("flex-wrap", "wrap");
        message.setId("core-message");
        message.addClassName("summit-errors");
        message.setVisible(false);
        figures.setId("core-figures");
        figures.setWidthFull();
        figures.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-m)");
        add(period, message, figures);
        CoreService.Period initial = CoreService.lastTwelveMonths();
        from.setValue(initial.from());
        to.setValue(initial.to());
        show(initial.from(), initial.to());
    }

    /** Shows the period's figures; a bad period gets the message and the figures stay as they were. */
    private void show(YearMonth first, YearMonth last) {
        CoreService.Figures f;
        try {
            f = core.figures(user, first, last);
        } catch (UserFacingException e) {
            message.setText(Errors.text(this, e));
            message.setVisible(true);
            return;
        }
        message.setVisible(false);
        figures.removeAll();
        figures.add(summary(f), customersCard(f), staffCard(f), servicesCard(f));
    }

    private Button preset(String id, String key, CoreService.Period period) {
        Button button = new Button(getTranslation(key), e -> {
            from.setValue(period.from());
            to.setValue(period.to());
            show(period.from(), period.to());
        });
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private Select<YearMonth> monthSelect(String id, String label) {
        Select<YearMonth> select = new Select<>();
        select.setId(id);
        select.setLabel(getTranslation(label));
        select.setItems(CoreService.selectableMonths());
        select.setItemLabelGenerator(YearMonth::toString);
        select.setWidth("9em");
        return select;
    }

    private Component summary(CoreService.Figures f) {
        Span period = new Span(getTranslation("core.period", f.period().from().toString(), f.period().to().toString(), f.period().months()));
        period.addClassName("summit-muted");
        FlexLayout kpis = new FlexLayout(kpi("core-kpi-revenue", "core.revenue", money(f.revenue())),
                kpi("core-kpi-profit", "core.profit", money(f.profit())),
                kpi("core-kpi-margin", "core.margin", percent(f.margin())),
                kpi("core-kpi-customers", "core.customerCount", getTranslation("core.customerCountValue", f.customerCount())));
        kpis.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        kpis.getStyle().set("gap", "var(--lumo-space-m)");
        Span headline = new Span(f.customerCount() == 0 ? getTranslation("core.noRevenue")
                : getTranslation("core.headline", f.coreCount(), f.coreCustomerShare(), f.coreProfitShare()));
        headline.setId("core-headline");
        headline.getStyle().set("font-size", "var(--lumo-font-size-l)").set("font-weight", "600");
        Div summary = new Div(period, kpis, headline);
        summary.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)");
        return summary;
    }

    private Div kpi(String id, String label, String value) {
        Span caption = new Span(getTranslation(label));
        caption.addClassName("summit-muted");
        caption.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)");
        Span figure = new Span(value);
        figure.addClassName("core-kpi-value");
        figure.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");
        Div card = new Div(caption, figure);
        card.setId(id);
        card.addClassName("summit-card");
        card.getStyle().set("flex", "1 1 10rem").set("min-width", "9rem").set("box-sizing", "border-box");
        return card;
    }

    // core customers

    private Div customersCard(CoreService.Figures f) {
        Span rule = muted(getTranslation("core.customers.rule", CoreService.CORE_PERCENT));
        Div card = card("core-customers", getTranslation("core.customers"), rule);
        if (f.customerCount() > f.customers().size()) {
            card.add(new Div(muted(getTranslation("core.customers.truncated", f.customers().size(), f.customerCount()))));
        }
        card.add(customersChart(f.customers()), customersGrid(f.customers()));
        return card;
    }

    private Chart customersChart(List<CoreService.CustomerLine> lines) {
        List<CoreService.CustomerLine> shown = lines.subList(0, Math.min(CHART_CUSTOMERS, lines.size()));
        ObjectNode option = json.createObjectNode();
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("legend").put("top", 0);
        option.putObject("grid").put("left", 60).put("right", 50).put("top", 40).put("bottom", 90);
        ObjectNode xAxis = option.putObject("xAxis").put("type", "category");
        xAxis.putObject("axisLabel").put("interval", 0).put("rotate", 40).put("width", 90).put("overflow", "truncate");
        ArrayNode names = xAxis.putArray("data");
        ArrayNode yAxes = option.putArray("yAxis");
        yAxes.addObject().put("type", "value").put("name", getTranslation("customer.page.tenThousand"));
        yAxes.addObject().put("type", "value").put("min", 0).put("max", 100).put("name", "%");
        ArrayNode series = option.putArray("series");
        ArrayNode bars = series.addObject().put("type", "bar").put("name", getTranslation("core.col.profit")).putArray("data");
        ArrayNode cumulative = series.addObject().put("type", "line").put("yAxisIndex", 1).put("showSymbol", false)
                .put("name", getTranslation("core.col.cumulative")).putArray("data");
        ObjectNode coreLine = series.addObject().put("type", "line").put("yAxisIndex", 1).put("showSymbol", false)
                .put("name", getTranslation("core.customers.coreLine", CoreService.CORE_PERCENT));
        coreLine.putObject("lineStyle").put("type", "dashed");
        ArrayNode threshold = coreLine.putArray("data");
        for (CoreService.CustomerLine c : shown) {
            names.add(c.name());
            ObjectNode bar = bars.addObject().put("value", tenThousands(c.profit()));
            // the core customers in the theme's colour, the rest in grey
            bar.putObject("itemStyle").put("color", c.core() ? "#1676f3" : "#a8b4c4");
            cumulative.add(c.cumulativeShare());
            threshold.add(CoreService.CORE_PERCENT);
        }
        return chart("core-customers-chart", option, "340px");
    }

    private Grid<CoreService.CustomerLine> customersGrid(List<CoreService.CustomerLine> lines) {
        Grid<CoreService.CustomerLine> grid = new Grid<>();
        grid.setId("core-customers-grid");
        grid.addColumn(CoreService.CustomerLine::rank).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(CoreService.CustomerLine::name).setHeader(getTranslation("core.col.customer")).setAutoWidth(true).setFlexGrow(3);
        grid.addColumn(c -> c.core() ? getTranslation("core.customers.core") : "").setHeader(getTranslation("core.customers.core"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> getTranslation(c.tier().messageKey())).setHeader(getTranslation("core.col.tier")).setAutoWidth(true);
        grid.addColumn(CoreService.CustomerLine::ownerName).setHeader(getTranslation("core.col.owner")).setAutoWidth(true);
        grid.addColumn(c -> money(c.revenue())).setHeader(getTranslation("core.col.revenue")).setAutoWidth(true);
        grid.addColumn(c -> money(c.profit())).setHeader(getTranslation("core.col.profit")).setAutoWidth(true);
        grid.addColumn(c -> percent(c.margin())).setHeader(getTranslation("core.col.margin")).setAutoWidth(true);
        grid.addColumn(c -> c.share() + "%").setHeader(getTranslation("core.col.share")).setAutoWidth(true);
        grid.addColumn(c -> c.cumulativeShare() + "%").setHeader(getTranslation("core.col.cumulative")).setAutoWidth(true);
        grid.setItems(lines);
        size(grid, lines.size());
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(CustomerView.class,
                new RouteParameters("customerId", Long.toString(e.getItem().customerId())))));
        return grid;
    }

    // core staff

    private Div staffCard(CoreService.Figures f) {
        Div card = card("core-staff", getTranslation("core.staff"), muted(getTranslation("core.staff.rule")));
        card.add(staffChart(f.staff()), staffGrid(f.staff()));
        return card;
    }

    private Chart staffChart(List<CoreService.StaffLine> lines) {
        List<CoreService.StaffLine> shown = lines.subList(0, Math.min(CHART_STAFF, lines.size()));
        ObjectNode option = json.createObjectNode();
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("legend").put("top", 0);
        option.putObject("grid").put("left", 60).put("right", 50).put("top", 40).put("bottom", 40);
        ArrayNode names = option.putObject("xAxis").put("type", "category").putArray("data");
        ArrayNode yAxes = option.putArray("yAxis");
        yAxes.addObject().put("type", "value").put("name", getTranslation("customer.page.tenThousand"));
        yAxes.addObject().put("type", "value").put("name", "%");
        ArrayNode series = option.putArray("series");
        ArrayNode revenue = series.addObject().put("type", "bar").put("name", getTranslation("core.col.revenue")).putArray("data");
        ArrayNode profit = series.addObject().put("type", "bar").put("name", getTranslation("core.col.profit")).putArray("data");
        ArrayNode margin = series.addObject().put("type", "line").put("yAxisIndex", 1).put("name", getTranslation("core.col.margin")).putArray("data");
        for (CoreService.StaffLine s : shown) {
            names.add(s.ownerName());
            revenue.add(tenThousands(s.revenue()));
            profit.add(tenThousands(s.profit()));
            if (s.margin() == null) {
                margin.addNull();
            } else {
                margin.add(s.margin().doubleValue());
            }
        }
        return chart("core-staff-chart", option, "300px");
    }

    private Grid<CoreService.StaffLine> staffGrid(List<CoreService.StaffLine> lines) {
        Grid<CoreService.StaffLine> grid = new Grid<>();
        grid.setId("core-staff-grid");
        grid.addColumn(CoreService.StaffLine::ownerName).setHeader(getTranslation("core.col.staff")).setAutoWidth(true).setFlexGrow(2);
        grid.addColumn(CoreService.StaffLine::customers).setHeader(getTranslation("core.staff.customers")).setAutoWidth(true);
        grid.addColumn(s -> money(s.revenue())).setHeader(getTranslation("core.col.revenue")).setAutoWidth(true);
        grid.addColumn(s -> money(s.profit())).setHeader(getTranslation("core.col.profit")).setAutoWidth(true);
        grid.addColumn(s -> percent(s.margin())).setHeader(getTranslation("core.col.margin")).setAutoWidth(true);
        grid.addColumn(s -> s.share() + "%").setHeader(getTranslation("core.col.share")).setAutoWidth(true);
        grid.setItems(lines);
        size(grid, lines.size());
        return grid;
    }

    // core services

    private Div servicesCard(CoreService.Figures f) {
        Div card = card("core-services", getTranslation("core.services"));
        FlexLayout body = new FlexLayout(servicesChart(f.services()), servicesGrid(f.services()));
        body.setWidthFull();
        body.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        body.getStyle().set("gap", "var(--lumo-space-m)");
        card.add(body);
        return card;
    }

    private Chart servicesChart(List<CoreService.ServiceLine> lines) {
        ObjectNode option = json.createObjectNode();
        option.putObject("tooltip").put("trigger", "item");
        option.putObject("title").put("text", getTranslation("core.services.chart")).put("left", "center")
                .putObject("textStyle").put("fontSize", 13);
        ObjectNode pie = option.putArray("series").addObject().put("type", "pie").put("name", getTranslation("core.col.profit"));
        pie.putArray("radius").add("40%").add("65%");
        pie.putArray("center").add("50%").add("55%");
        pie.putObject("label").put("formatter", "{b}: {d}%");
        ArrayNode data = pie.putArray("data");
        for (CoreService.ServiceLine s : lines) {
            if (s.profit().signum() > 0) {
                data.addObject().put("name", getTranslation("service." + s.service())).put("value", tenThousands(s.profit()));
            }
        }
        Chart chart = chart("core-services-chart", option, "300px");
        chart.getStyle().set("flex", "1 1 22rem").set("min-width", "18rem");
        chart.setWidth(null);
        return chart;
    }

    private Grid<CoreService.ServiceLine> servicesGrid(List<CoreService.ServiceLine> lines) {
        Grid<CoreService.ServiceLine> grid = new Grid<>();
        grid.setId("core-services-grid");
        grid.addColumn(s -> getTranslation("service." + s.service())).setHeader(getTranslation("core.services.service")).setAutoWidth(true)
                .setFlexGrow(2);
        grid.addColumn(CoreService.ServiceLine::customers).setHeader(getTranslation("core.services.customers")).setAutoWidth(true);
        grid.addColumn(s -> money(s.revenue())).setHeader(getTranslation("core.col.revenue")).setAutoWidth(true);
        grid.addColumn(s -> money(s.profit())).setHeader(getTranslation("core.col.profit")).setAutoWidth(true);
        grid.addColumn(s -> percent(s.margin())).setHeader(getTranslation("core.col.margin")).setAutoWidth(true);
        grid.addColumn(s -> s.share() + "%").setHeader(getTranslation("core.col.share")).setAutoWidth(true);
        grid.setItems(lines);
        grid.setAllRowsVisible(true);
        grid.getStyle().set("flex", "2 1 32rem").set("min-width", "20rem");
        return grid;
    }

    // shared pieces

    private static void size(Grid<?> grid, int rows) {
        grid.setAllRowsVisible(rows <= 20);
        grid.setHeight(rows <= 20 ? null : "480px");
    }

    private Chart chart(String id, ObjectNode option, String height) {
        Chart chart = new Chart(option.toString());
        chart.setId(id);
        chart.setWidth("100%");
        chart.setHeight(height);
        return chart;
    }

    private Div card(String id, String heading, Component... parts) {
        Div card = new Div(new H3(heading));
        card.add(parts);
        card.addClassName("summit-card");
        card.setId(id);
        card.setWidthFull();
        card.getStyle().set("box-sizing", "border-box");
        return card;
    }

    private static Span muted(String text) {
        Span span = new Span(text);
        span.addClassName("summit-muted");
        return span;
    }

    private static String money(BigDecimal value) {
        return Formats.cny(value.setScale(0, RoundingMode.HALF_UP));
    }

    private static String percent(BigDecimal value) {
        return value == null ? "—" : value.toPlainString() + "%";
    }

    private static double tenThousands(BigDecimal value) {
        return value.movePointLeft(4).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("core.title");
    }
}
