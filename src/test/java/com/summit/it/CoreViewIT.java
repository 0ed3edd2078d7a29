package com.summit.it;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.summit.base.i18n.Locales;
import com.summit.customer.domain.Industry;
import com.summit.customer.service.CoreService;
import com.summit.customer.service.CustomerService;
import com.summit.customer.service.NewCustomer;
import com.summit.customer.service.TieringService;
import com.summit.customer.ui.CoreView;
import com.summit.customer.ui.CustomerView;
import com.summit.security.domain.Role;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinServletRequest;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The core customers, staff and services screen, browserless (Karibu-Testing, set up as in ViewsIT). */
class CoreViewIT extends LocalAppIT {

    private static Routes routes;

    @Autowired ApplicationContext context;
    @Autowired UserService users;
    @Autowired CustomerService customers;
    @Autowired TieringService tiering;

    @BeforeAll
    static void discoverRoutes() {
        routes = new Routes().autoDiscoverViews("com.summit");
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRepSeesTheirCoreCustomersStaffAndServicesAndABadPeriodGetsAMessageAndChangesNothing() {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        users.createIfMissing(new SummitUser("corerep" + marker, "孙核心", Set.of(Role.REP), null, null), "summit");
        SummitUser rep = users.find("corerep" + marker).orElseThrow();
        long big = customers.create(new NewCustomer("核心大客户" + marker, null, Industry.AUTOMOTIVE, "湖北武汉"), rep).id();
        long small = customers.create(new NewCustomer("核心小客户" + marker, null, Industry.RETAIL, "湖北武汉"), rep).id();
        YearMonth last = YearMonth.now(Locales.ZONE).minusMonths(1);
        for (int k = 0; k < 3; k++) {
            tiering.recordRevenue(big, last.minusMonths(k).atDay(1), "WAREHOUSING", new BigDecimal("500000"), new BigDecimal("90000"));
            tiering.recordRevenue(big, last.minusMonths(k).atDay(1), "COLD_CHAIN", new BigDecimal("100000"), new BigDecimal("10000"));
            tiering.recordRevenue(small, last.minusMonths(k).atDay(1), "LINE_HAUL", new BigDecimal("50000"), new BigDecimal("5000"));
        }

        signIn(rep.username());
        UI.getCurrent().navigate(CoreView.class);

        // 1,950,000 revenue, 315,000 profit over the last 12 complete months; the big customer alone brings 95.2 %
        assertThat(_get(Div.class, spec -> spec.withId("core-kpi-revenue")).getElement().getTextRecursively()).contains("1,950,000");
        assertThat(_get(Div.class, spec -> spec.withId("core-kpi-profit")).getElement().getTextRecursively()).contains("315,000");
        assertThat(_get(Div.class, spec -> spec.withId("core-kpi-margin")).getElement().getTextRecursively()).contains("16.2%");
        assertThat(_get(Span.class, spec -> spec.withId("core-headline")).getText()).isEqualTo("核心客户 1 家（占有收入客户的 50%），贡献了 95.2% 的毛利");
        Grid<CoreService.CustomerLine> customerGrid = _get(Grid.class, spec -> spec.withId("core-customers-grid"));
        assertThat(GridKt._size(customerGrid)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(customerGrid, 0)).contains("核心大客户" + marker, "核心", "孙核心", "¥1,800,000.00", "95.2%");
        Grid<CoreService.StaffLine> staffGrid = _get(Grid.class, spec -> spec.withId("core-staff-grid"));
        assertThat(GridKt._size(staffGrid)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(staffGrid, 0)).contains("孙核心", "2", "100.0%");
        Grid<CoreService.ServiceLine> serviceGrid = _get(Grid.class, spec -> spec.withId("core-services-grid"));
        assertThat(GridKt._size(serviceGrid)).isEqualTo(5);
        assertThat(GridKt._getFormattedRow(serviceGrid, 0)).contains("仓储", "1", "18.0%");
        _get(com.summit.base.ui.Chart.class, spec -> spec.withId("core-customers-chart"));
        _get(com.summit.base.ui.Chart.class, spec -> spec.withId("core-staff-chart"));
        _get(com.summit.base.ui.Chart.class, spec -> spec.withId("core-services-chart"));

        // from after to: the message in Chinese, the figures as they were
        Select<YearMonth> from = _get(Select.class, spec -> spec.withId("core-from"));
        Select<YearMonth> to = _get(Select.class, spec -> spec.withId("core-to"));
        from.setValue(last);
        to.setValue(last.minusMonths(2));
        _click(_get(Button.class, spec -> spec.withId("core-apply")));
        Div message = _get(Div.class, spec -> spec.withId("core-message"));
        assertThat(message.isVisible()).isTrue();
        assertThat(message.getElement().getTextRecursively()).isEqualTo("起始月份 " + last + " 晚于截止月份 " + last.minusMonths(2) + "，请重新选择");
        assertThat(_get(Grid.class, spec -> spec.withId("core-customers-grid"))).isSameAs(customerGrid);
        assertThat(GridKt._size(customerGrid)).isEqualTo(2);

        // the last month alone: a third of the figures, the message gone
        from.setValue(last);
        to.setValue(last);
        _click(_get(Button.class, spec -> spec.withId("core-apply")));
        assertThat(message.isVisible()).isFalse();
        assertThat(_get(Div.class, spec -> spec.withId("core-kpi-revenue")).getElement().getTextRecursively()).contains("650,000");

        // a click on a customer opens its page
        Grid<CoreService.CustomerLine> fresh = _get(Grid.class, spec -> spec.withId("core-customers-grid"));
        GridKt._clickItem(fresh, 0);
        assertThat(_find(CustomerView.class)).hasSize(1);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("customers/" + big);
    }

    private void signIn(String username) {
        SummitUser user = users.find(username).orElseThrow();
        List<SimpleGrantedAuthority> authorities = user.roles().stream().map(Role::authority).map(SimpleGrantedAuthority::new).toList();
        var authentication = new UsernamePasswordAuthenticationToken(username, null, authorities);
        SecurityContextHolder.getContext().setAuthentication(authentication);
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        Set<String> roles = Set.copyOf(authorities.stream().map(a -> a.getAuthority().substring("ROLE_".length())).toList());
        request.setUserInRole((principal, role) -> roles.contains(role));
    }
}
