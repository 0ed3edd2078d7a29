package com.summit.it;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.summit.customer.domain.Customer;
import com.summit.customer.service.CustomerService;
import com.summit.customer.ui.CustomersView;
import com.summit.security.domain.Role;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.tasklist.service.TaskService;
import com.summit.tasklist.ui.InboxView;
import com.summit.tasklist.ui.TaskView;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.VaadinServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The views, browserless (Karibu-Testing), on the running app's services. */
class ViewsIT extends LocalAppIT {

    private static Routes routes;

    @Autowired ApplicationContext context;
    @Autowired UserService users;
    @Autowired CustomerService customers;
    @Autowired TaskService tasks;

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
    void aRepCreatesACustomerInTheDialogAndADuplicateIsRefusedOnItsField() {
        signIn("zhangwei");
        UI.getCurrent().navigate(CustomersView.class);

        _click(_get(Button.class, spec -> spec.withId("customer-new")));
        _setValue(_get(TextField.class, spec -> spec.withId("customer-name")), "常州新能源电池有限公司");
        _click(_get(Button.class, spec -> spec.withId("customer-save")));
        @SuppressWarnings("unchecked")
        Grid<Customer> grid = _get(Grid.class, spec -> spec.withId("customer-grid"));
        assertThat(GridKt._size(grid)).isPositive();
        assertThat(customers.visibleTo(users.find("zhangwei").orElseThrow())).extracting(Customer::name).contains("常州新能源电池有限公司");

        long before = customers.count();
        _click(_get(Button.class, spec -> spec.withId("customer-new")));
        TextField name = _get(TextField.class, spec -> spec.withId("customer-name"));
        _setValue(name, "常州新能源电池有限公司");
        _click(_get(Button.class, spec -> spec.withId("customer-save")));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("客户“常州新能源电池有限公司”已存在");
        assertThat(customers.count()).isEqualTo(before);
    }

    @Test
    void onlyManagersGetTheTabOfEveryonesTasks() {
        signIn("zhangwei");
        UI.getCurrent().navigate(InboxView.class);
        assertThat(_find(Tab.class, spec -> spec.withId("tab-all"))).isEmpty();
        assertThat(_find(Tab.class, spec -> spec.withId("tab-mine"))).hasSize(1);
        MockVaadin.tearDown();

        signIn("lina");
        UI.getCurrent().navigate(InboxView.class);
        assertThat(_find(Tab.class, spec -> spec.withId("tab-all"))).hasSize(1);
    }

    @Test
    void someoneWhoMayNotSeeATaskGetsAMessageNotItsData() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        long taskId = await().atMost(Duration.ofSeconds(60)).until(() -> tasks.inbox(rep).stream().findFirst()
                .map(r -> r.task().id()).orElse(null), id -> id != null);

        signIn("wangfang");
        UI.getCurrent().navigate(TaskView.class, new RouteParameters("taskId", Long.toString(taskId)));

        assertThat(_get(Div.class, spec -> spec.withId("task-message")).getChildren().findFirst().orElseThrow()
                .getElement().getText()).isEqualTo("你无权查看这项任务。");
        assertThat(_find(Div.class, spec -> spec.withId("task-context"))).isEmpty();
    }

    @Test
    void aRepFindsTheStartMenuTheStartPageAndTheFilesOfATask() {
        signIn("zhangwei");
        UI.getCurrent().navigate(InboxView.class);
        com.vaadin.flow.component.menubar.MenuBar menu = _get(com.vaadin.flow.component.menubar.MenuBar.class, spec -> spec.withId("start-menu"));
        var items = menu.getItems().getFirst().getSubMenu().getItems();
        assertThat(items).extracting(i -> i.getElement().getText()).contains("商机生命周期");
        UI.getCurrent().navigate(com.summit.tasklist.ui.StartView.class, new RouteParameters("processId", "opportunity-lifecycle"));
        assertThat(_get(Button.class, spec -> spec.withId("start-submit")).getText()).isEqualTo("发起");
        _get(com.summit.tasklist.ui.FormJsViewer.class);

        SummitUser rep = users.find("zhangwei").orElseThrow();
        long taskId = await().atMost(Duration.ofSeconds(60)).until(() -> tasks.inbox(rep).stream()
                .filter(r -> rep.username().equals(r.task().assignee())).findFirst()
                .map(r -> r.task().id()).orElse(null), id -> id != null);
        UI.getCurrent().navigate(TaskView.class, new RouteParameters("taskId", Long.toString(taskId)));
        _get(Div.class, spec -> spec.withId("task-attachments"));
        assertThat(_find(com.vaadin.flow.component.upload.Upload.class, spec -> spec.withId("task-upload"))).hasSize(1);
    }

    @Test
    void someoneWhoMayStartNothingGetsNoStartMenuAndCannotOpenAStartForm() {
        signIn("chenjie");
        UI.getCurrent().navigate(InboxView.class);
        assertThat(_find(com.vaadin.flow.component.menubar.MenuBar.class, spec -> spec.withId("start-menu")))
                .allSatisfy(m -> assertThat(m.getItems().getFirst().getSubMenu().getItems())
                        .extracting(i -> i.getElement().getText()).doesNotContain("商机生命周期"));
        UI.getCurrent().navigate(com.summit.tasklist.ui.StartView.class, new RouteParameters("processId", "opportunity-lifecycle"));
        assertThat(_get(Div.class, spec -> spec.withId("start-message")).getElement().getTextRecursively()).isEqualTo("你无权发起“商机生命周期”");
        assertThat(_find(Button.class, spec -> spec.withId("start-submit"))).isEmpty();
    }

    @Test
    void theBoardShowsACardPerDealAndADropTwoStagesAheadChangesNothing() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        signIn("zhangwei");
        UI.getCurrent().navigate(com.summit.opportunity.ui.BoardView.class);
        for (var stage : com.summit.opportunity.domain.Stage.values()) {
            _get(Div.class, spec -> spec.withId("board-column-" + stage.name()));
        }
        Div column = _get(Div.class, spec -> spec.withId("board-column-IDENTIFICATION"));
        Div card = (Div) column.getChildren().filter(c -> c.getId().orElse("").startsWith("card-")).findFirst().orElseThrow();
        long id = Long.parseLong(card.getId().orElseThrow().substring("card-".length()));
        var view = _get(com.summit.opportunity.ui.BoardView.class);
        view.onDrop(id, com.summit.opportunity.domain.Stage.SOLUTION_DESIGN);
        assertThat(_get(Div.class, spec -> spec.withId("board-column-IDENTIFICATION")).getChildren()
                .anyMatch(c -> c.getId().orElse("").equals("card-" + id))).isTrue();
        assertThat(_find(Div.class, spec -> spec.withId("board-column-SOLUTION_DESIGN")).getFirst().getChildren()
                .noneMatch(c -> c.getId().orElse("").equals("card-" + id))).isTrue();
    }

    @Test
    void theProcessOwnerSeesTheFiveLaddersToEdit() {
        signIn("zhaomin");
        UI.getCurrent().navigate(com.summit.opportunity.ui.LaddersView.class);
        for (var element : com.summit.opportunity.domain.ScoreElement.values()) {
            _get(Div.class, spec -> spec.withId("ladder-edit-" + element.name()));
        }
        _get(Button.class, spec -> spec.withId("ladder-save-POWER-6"));
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
