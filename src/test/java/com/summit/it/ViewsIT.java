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
    @Autowired com.summit.opportunity.service.OpportunityService opportunities;
    @Autowired com.summit.approval.service.ApprovalService approvals;
    @Autowired com.summit.engine.ProcessEngine engine;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

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
                .getElement().getText()).isEqualTo("找不到这项任务。");
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

    @Test
    void aReviewerWorksFromTheQueueTheBellTellsThemAndTheRepTicksOffAConditionWithANote() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        SummitUser legal = users.find("wangfang").orElseThrow();
        String marker = java.util.UUID.randomUUID().toString().substring(0, 6);
        var customer = customers.create(new com.summit.customer.service.NewCustomer("无锡半导体" + marker, null,
                com.summit.customer.domain.Industry.ELECTRONICS_3C, "江苏无锡"), rep);
        var deal = opportunities.create(new com.summit.opportunity.service.NewOpportunity(customer.id(), "晶圆恒温运输", null,
                new java.math.BigDecimal("2600000"), Set.of(com.summit.customer.domain.LogisticsService.LINE_HAUL)), rep);
        long instance = engine.start("veto-approval", new java.util.HashMap<>(java.util.Map.of("opportunityId", deal.id(), "owner", "zhangwei",
                "stage", "CONTRACT_SIGNING", "amount", 2600000, "marginPercent", 16, "paymentTermDays", 30, "nonStandardTerms", false,
                "customerName", customer.name(), "opportunityName", deal.name())));
        var review = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.inbox(legal).stream()
                .filter(r -> r.task().processInstanceKey() == instance).findFirst().orElse(null), java.util.Objects::nonNull);
        long requestId = jdbc.sql("select id from approval_request where process_instance_key = :pi").param("pi", instance).query(Long.class).single();
        long reviewId = jdbc.sql("select v.id from approval_review v join approval_round r on r.id = v.round_id where r.request_id = :r and v.department = 'LEGAL'")
                .param("r", requestId).query(Long.class).single();
        approvals.remind(reviewId, instance);

        // legal's queue has the deal, with a button to its review; the bell counts the reminder and leads to the review
        signIn("wangfang");
        UI.getCurrent().navigate(com.summit.approval.ui.ApprovalQueueView.class);
        Div item = _get(Div.class, spec -> spec.withId("approval-item-" + requestId));
        assertThat(item.getElement().getTextRecursively()).contains("晶圆恒温运输", "16%", "你的审批：法务");
        _get(Button.class, spec -> spec.withId("approval-decide-" + requestId));
        var count = _get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("notification-count"));
        assertThat(count.isVisible()).isTrue();
        int unread = Integer.parseInt(count.getText());
        _click(_get(Button.class, spec -> spec.withClasses("notification-bell-button")));
        Div row = _find(Div.class, spec -> spec.withClasses("notification-row")).stream()
                .filter(d -> d.getElement().getTextRecursively().contains("晶圆恒温运输")).findFirst().orElseThrow();
        com.vaadin.flow.component.ComponentUtil.fireEvent(row, new com.vaadin.flow.component.ClickEvent<>(row));
        assertThat(_get(TaskView.class)).isNotNull();
        var after = (com.vaadin.flow.component.html.Span) _get(Div.class, spec -> spec.withId("notification-bell")).getChildren()
                .filter(c -> c.getId().orElse("").equals("notification-count")).findFirst().orElseThrow();
        assertThat(after.isVisible() ? Integer.parseInt(after.getText()) : 0).isEqualTo(unread - 1);
        MockVaadin.tearDown();

        // a condition a department approved with (as the approval's close would add it) on the rep's deal page
        jdbc.sql("insert into approval_condition (opportunity_id, review_id, department, text) values (:o, :v, 'LEGAL', '违约金上限写入合同')")
                .param("o", deal.id()).param("v", reviewId).update();
        signIn("zhangwei");
        UI.getCurrent().navigate("opportunities/" + deal.id());
        _get(Div.class, spec -> spec.withId("opportunity-approvals"));
        assertThat(_get(Div.class, spec -> spec.withId("opportunity-conditions")).getElement().getTextRecursively())
                .contains("1 / 1 项待落实", "违约金上限写入合同");
        long conditionId = jdbc.sql("select id from approval_condition where review_id = :v").param("v", reviewId).query(Long.class).single();
        _click(_get(Button.class, spec -> spec.withId("condition-meet-" + conditionId)));
        _click(_get(Button.class, spec -> spec.withId("condition-confirm")));
        // no note: refused in Chinese, nothing changed
        assertThat(approvals.conditions(deal.id(), rep).getFirst().met()).isFalse();
        _setValue(_get(com.vaadin.flow.component.textfield.TextArea.class, spec -> spec.withId("condition-note")), "合同第 12 条：违约金上限 20%");
        _click(_get(Button.class, spec -> spec.withId("condition-confirm")));
        assertThat(approvals.conditions(deal.id(), rep).getFirst().met()).isTrue();
        assertThat(_get(Div.class, spec -> spec.withId("opportunity-conditions")).getElement().getTextRecursively())
                .contains("0 / 1 项待落实", "合同第 12 条：违约金上限 20%");
    }

    @Test
    void theDealShowsItsOpenTasksWithWhoHoldsThemAndTheTaskPageLinksBackToTheDeal() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        String marker = java.util.UUID.randomUUID().toString().substring(0, 6);
        var customer = customers.create(new com.summit.customer.service.NewCustomer("常州新能源" + marker, null,
                com.summit.customer.domain.Industry.AUTOMOTIVE, "江苏常州"), rep);
        var deal = opportunities.create(new com.summit.opportunity.service.NewOpportunity(customer.id(), "电池包入厂" + marker, null,
                new java.math.BigDecimal("1800000"), Set.of(com.summit.customer.domain.LogisticsService.LINE_HAUL)), rep);
        var task = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.inbox(rep).stream()
                .filter(r -> Long.valueOf(deal.id()).equals(r.task().opportunityId())).findFirst().orElse(null), java.util.Objects::nonNull);

        signIn("zhangwei");
        UI.getCurrent().navigate("opportunities/" + deal.id());
        Div open = _get(Div.class, spec -> spec.withId("opportunity-open-tasks"));
        assertThat(open.getElement().getTextRecursively()).contains("识别商机：客户画像与线索", rep.displayName());
        com.vaadin.flow.component.html.Anchor link = _get(open, com.vaadin.flow.component.html.Anchor.class);
        assertThat(link.getHref()).isEqualTo("tasks/" + task.task().id());

        UI.getCurrent().navigate(TaskView.class, new RouteParameters("taskId", Long.toString(task.task().id())));
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("task-open-deal")).getHref())
                .isEqualTo("opportunities/" + deal.id());
    }

    @Test
    void theCustomerPageShowsTheTierWithWhyTheRevenueChartAndTheDealsAndOnlyToWhoMaySeeIt() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        var customer = customers.visibleTo(rep).stream().filter(c -> c.name().equals("启明智能终端有限公司")).findFirst().orElseThrow();
        signIn("zhangwei");
        UI.getCurrent().navigate("customers/" + customer.id());
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("customer-tier")).getText()).isEqualTo("战略客户");
        assertThat(_get(Div.class, spec -> spec.withId("customer-tier-reason")).getElement().getTextRecursively())
                .startsWith("战略客户：近 12 个月毛利");
        _get(com.summit.base.ui.Chart.class, spec -> spec.withId("customer-revenue-chart"));
        assertThat(_get(Div.class, spec -> spec.withId("customer-deals")).getElement().getTextRecursively()).contains("全国七仓仓配一体化");

        // the buying-influence map: a contact without a name is refused on its field; a decision maker fills its role
        _click(_get(Button.class, spec -> spec.withId("contact-add")));
        assertThat(_get(TextField.class, spec -> spec.withId("contact-name")).getErrorMessage()).isEqualTo("请填写联系人姓名");
        _setValue(_get(TextField.class, spec -> spec.withId("contact-name")), "周董");
        @SuppressWarnings("unchecked")
        var role = (com.vaadin.flow.component.select.Select<com.summit.customer.domain.ContactRole>) _get(
                com.vaadin.flow.component.select.Select.class, spec -> spec.withId("contact-role"));
        role.setValue(com.summit.customer.domain.ContactRole.DECISION_MAKER);
        _click(_get(Button.class, spec -> spec.withId("contact-add")));
        assertThat(_get(Div.class, spec -> spec.withId("influence-DECISION_MAKER")).getElement().getTextRecursively()).contains("周董");
        assertThat(_get(Div.class, spec -> spec.withId("customer-uncovered")).getElement().getTextRecursively())
                .startsWith("尚无人覆盖：").doesNotContain("决策人");

        // the rep's need type is kept; the behaviour comes from the revenue
        @SuppressWarnings("unchecked")
        var need = (com.vaadin.flow.component.select.Select<com.summit.customer.domain.NeedType>) _get(
                com.vaadin.flow.component.select.Select.class, spec -> spec.withId("customer-need-type"));
        _setValue(need, com.summit.customer.domain.NeedType.TIME_CRITICAL);
        assertThat(customers.find(customer.id()).orElseThrow().needType()).isEqualTo(com.summit.customer.domain.NeedType.TIME_CRITICAL);
        assertThat(_get(com.vaadin.flow.component.html.UnorderedList.class, spec -> spec.withId("customer-behaviour-facts")).getElement()
                .getTextRecursively()).contains("近 12 个月中 12 个月有采购").contains("使用的业务：");

        // a note: an empty one is refused on its field, a written one is listed with its author
        var note = _get(com.vaadin.flow.component.textfield.TextArea.class, spec -> spec.withId("customer-note-text"));
        _click(_get(Button.class, spec -> spec.withId("customer-note-add")));
        assertThat(note.getErrorMessage()).isEqualTo("请写下备注内容");
        _setValue(_get(com.vaadin.flow.component.textfield.TextArea.class, spec -> spec.withId("customer-note-text")), "供应链总监下月换人，需尽快拜访新总监");
        _click(_get(Button.class, spec -> spec.withId("customer-note-add")));
        assertThat(_get(com.vaadin.flow.component.html.UnorderedList.class, spec -> spec.withId("customer-note-list")).getElement()
                .getTextRecursively()).contains("供应链总监下月换人").contains("张伟");
        MockVaadin.tearDown();

        // legal may not see a rep's customer: a message, none of its data
        signIn("wangfang");
        UI.getCurrent().navigate("customers/" + customer.id());
        assertThat(_get(Div.class, spec -> spec.withId("customer-message")).getElement().getTextRecursively()).contains("找不到这个客户");
        assertThat(_find(Div.class, spec -> spec.withId("customer-revenue"))).isEmpty();
    }

    @Test
    void theManagerSeesThePyramidTheParetoCurveAndTheTopCustomers() {
        signIn("lina");
        UI.getCurrent().navigate(com.summit.customer.ui.PyramidView.class);
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("pyramid-headline")).getText()).startsWith("前 20% 的客户");
        _get(Div.class, spec -> spec.withId("pyramid-levels"));
        _get(Div.class, spec -> spec.withId("pyramid-pareto"));
        @SuppressWarnings("unchecked")
        Grid<com.summit.customer.service.PyramidService.Ranked> top = _get(Grid.class, spec -> spec.withId("pyramid-top-grid"));
        assertThat(GridKt._size(top)).isPositive();
    }

    @Test
    void aRepUploadsACsvSeesEveryRowsResultAndImportsTheValidRows() {
        signIn("zhangwei");
        UI.getCurrent().navigate(com.summit.customer.ui.ImportView.class);
        String marker = java.util.UUID.randomUUID().toString().substring(0, 6);
        String csv = "客户名称,统一社会信用代码,行业\n界面导入" + marker + ",,电商\n,,电商\n";
        com.github.mvysny.kaributesting.v10.UploadKt._upload(_get(com.vaadin.flow.component.upload.Upload.class, spec -> spec.withId("import-upload")),
                "客户.csv", "text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        MockVaadin.runUIQueue();

        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("import-summary")).getText())
                .isEqualTo("共 2 行：新增 1 行，更新 0 行，有问题 1 行");
        @SuppressWarnings("unchecked")
        Grid<com.summit.customer.service.CustomerImport.RowResult> rows = _get(Grid.class, spec -> spec.withId("import-rows"));
        assertThat(GridKt._size(rows)).as("only the rows with problems at first").isEqualTo(1);
        assertThat(GridKt._getFormattedRow(rows, 0)).contains("3", "“客户名称”不能为空");
        _click(_get(Button.class, spec -> spec.withId("import-commit")));

        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("import-result-text")).getText())
                .isEqualTo("已导入：新增 1 行，更新 0 行；1 行没有导入，见下表");
        assertThat(customers.visibleTo(users.find("zhangwei").orElseThrow())).extracting(Customer::name).contains("界面导入" + marker);
        assertThat(_get(Div.class, spec -> spec.withId("import-recent")).getElement().getTextRecursively()).contains("客户.csv");

        // a file that is no spreadsheet: a message, nothing else
        com.github.mvysny.kaributesting.v10.UploadKt._upload(_get(com.vaadin.flow.component.upload.Upload.class, spec -> spec.withId("import-upload")),
                "photo.csv", "text/csv", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0});
        MockVaadin.runUIQueue();
        assertThat(_get(Div.class, spec -> spec.withId("import-file-error")).getElement().getTextRecursively()).contains("这不是表格文件");
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
