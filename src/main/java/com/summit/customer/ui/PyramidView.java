package com.summit.customer.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.summit.base.ui.Chart;
import com.summit.base.ui.Formats;
import com.summit.customer.service.PyramidService;
import com.summit.security.service.CurrentUser;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.List;

/**
 * The customer pyramid 客户金字塔 and the Pareto curve: customers and share of gross profit per tier over the last 12
 * complete months, the cumulative profit share by rank, and the top 20 % of customers.
 */
@Route("pyramid")
@Menu(title = "nav.pyramid", order = 4, icon = "vaadin:pyramid-chart")
@RolesAllowed({"REP", "MANAGER", "ADMIN"})
public class PyramidView extends VerticalLayout implements HasDynamicTitle {

    private final transient ObjectMapper json = new ObjectMapper();

    public PyramidView(PyramidService pyramids, CurrentUser currentUser) {
        addClassName("summit-page");
        PyramidService.Pyramid p = pyramids.pyramid(currentUser.require());
        Span period = new Span(getTranslation("pyramid.period", p.from().toString().substring(0, 7), p.to().minusMonths(1).toString().substring(0, 7),
                Formats.cny(p.totalProfit()), p.ranking().size()));
        period.addClassName("summit-muted");
        Span headline = new Span(getTranslation("pyramid.headline", p.top().size(), p.topShare()));
        headline.setId("pyramid-headline");
        headline.getStyle().set("font-size", "var(--lumo-font-size-l)").set("font-weight", "600");
        FlexLayout charts = new FlexLayout(card("pyramid-levels", getTranslation("pyramid.levels"), pyramidChart(p)),
                card("pyramid-pareto", getTranslation("pyramid.pareto"), paretoChart(p)));
        charts.setWidthFull();
        charts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        charts.getStyle().set("gap", "var(--lumo-space-m)");
        Div top = card("pyramid-top", getTranslation("pyramid.top", p.top().size()), topGrid(p.top()));
        top.setWidthFull();
        top.getStyle().set("flex", "none");
        add(period, headline, charts, top);
    }

    private Chart pyramidChart(PyramidService.Pyramid p) {
        ObjectNode option = json.createObjectNode();
        option.putObject("tooltip").put("trigger", "item");
        ObjectNode series = option.putArray("series").addObject().put("type", "funnel").put("sort", "ascending").put("gap", 2)
                .put("left", "5%").put("width", "50%");
        series.putObject("label").put("position", "right");
        ArrayNode data = series.putArray("data");
        int value = 1;
        // strategic on top (the narrow tip), ordinary at the base
        for (PyramidService.Level level : p.levels()) {
            // the pyramid's shape is fixed (strategic on top); the label carries the figures
            data.addObject().put("value", value++).put("name", getTranslation("pyramid.level", getTranslation(level.tier().messageKey()),
                    level.customers(), level.profitShare()));
        }
        Chart chart = new Chart(option.toString());
        chart.setWidth("100%");
        chart.setHeight("300px");
        return chart;
    }

    private Chart paretoChart(PyramidService.Pyramid p) {
        ObjectNode option = json.createObjectNode();
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("grid").put("left", 60).put("right", 50).put("top", 30).put("bottom", 30);
        ArrayNode x = option.putObject("xAxis").put("type", "category").put("name", getTranslation("pyramid.rank")).putArray("data");
        ArrayNode yAxes = option.putArray("yAxis");
        yAxes.addObject().put("type", "value").put("name", getTranslation("customer.page.tenThousand"));
        yAxes.addObject().put("type", "value").put("max", 100).put("name", "%");
        ArrayNode series = option.putArray("series");
        ArrayNode bars = series.addObject().put("type", "bar").put("name", getTranslation("customer.page.profit")).putArray("data");
        ArrayNode line = series.addObject().put("type", "line").put("yAxisIndex", 1).put("showSymbol", false)
                .put("name", getTranslation("pyramid.cumulative")).putArray("data");
        for (PyramidService.Ranked r : p.ranking()) {
            x.add(r.rank());
            bars.add(r.profit().movePointLeft(4).setScale(1, java.math.RoundingMode.HALF_UP).doubleValue());
            line.add(r.cumulativeShare());
        }
        Chart chart = new Chart(option.toString());
        chart.setWidth("100%");
        chart.setHeight("300px");
        return chart;
    }

    private Grid<PyramidService.Ranked> topGrid(List<PyramidService.Ranked> top) {
        Grid<PyramidService.Ranked> grid = new Grid<>();
        grid.setId("pyramid-top-grid");
        grid.addColumn(PyramidService.Ranked::rank).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(PyramidService.Ranked::name).setHeader(getTranslation("customer.name")).setAutoWidth(true).setFlexGrow(3);
        grid.addColumn(r -> getTranslation(r.tier().messageKey())).setHeader(getTranslation("customer.tier")).setAutoWidth(true);
        grid.addColumn(r -> money(r.revenue())).setHeader(getTranslation("pyramid.revenue")).setAutoWidth(true);
        grid.addColumn(r -> money(r.profit())).setHeader(getTranslation("customer.page.profit")).setAutoWidth(true);
        grid.addColumn(r -> r.share() + "%").setHeader(getTranslation("pyramid.share")).setAutoWidth(true);
        grid.addColumn(r -> r.cumulativeShare() + "%").setHeader(getTranslation("pyramid.cumulative")).setAutoWidth(true);
        grid.setItems(top);
        grid.setAllRowsVisible(top.size() <= 20);
        grid.setHeight(top.size() <= 20 ? null : "480px");
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(CustomerView.class,
                new RouteParameters("customerId", Long.toString(e.getItem().customerId())))));
        return grid;
    }

    private static String money(BigDecimal value) {
        return Formats.cny(value.setScale(0, java.math.RoundingMode.HALF_UP));
    }

    private Div card(String id, String heading, com.vaadin.flow.component.Component body) {
        Div card = new Div(new H3(heading), body);
        card.addClassNames("summit-card");
        card.setId(id);
        card.getStyle().set("box-sizing", "border-box").set("flex", "1 1 28rem").set("min-width", "20rem");
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("pyramid.title");
    }
}
