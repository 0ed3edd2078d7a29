package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.summit.base.UserFacingException;
import com.summit.base.i18n.Locales;
import com.summit.customer.domain.Customer;
import com.summit.customer.domain.CustomerTier;
import com.summit.customer.domain.Industry;
import com.summit.customer.service.CustomerService;
import com.summit.customer.service.NewCustomer;
import com.summit.engine.ProcessEngine;
import com.summit.security.domain.Role;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.tasklist.domain.SavedFilter;
import com.summit.tasklist.domain.TaskQuery;
import com.summit.tasklist.service.TaskRow;
import com.summit.tasklist.service.TaskService;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The inbox narrows by business data, due date and priority, sorts, and keeps named filters on the server. */
class TaskFiltersIT extends LocalAppIT {

    @Autowired CamundaClient client;
    @Autowired ProcessEngine engine;
    @Autowired TaskService tasks;
    @Autowired com.summit.tasklist.service.TaskAssignment assignment;
    @Autowired com.summit.tasklist.service.SavedFilterService filters;
    @Autowired UserService users;
    @Autowired CustomerService customers;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private SummitUser rep;
    private final String marker = "批次" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void deploy() {
        rep = users.find("zhangwei").orElseThrow();
        for (String priority : List.of("90", "20")) {
            engine.deploy("test-filter-" + priority + ".bpmn", Bpmn.convertToString(Bpmn.createExecutableProcess("test-filter-" + priority)
                    .name("测试筛选 " + priority)
                    .startEvent()
                    .userTask("Task_Follow", t -> t.name("跟进客户").zeebeAssigneeExpression("assignee")
                            .zeebeDueDateExpression("due").zeebeTaskHeader("priority", priority))
                    .endEvent().done()).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void filtersFindTasksByBusinessDataDueDateAndPriorityInTheOrderAsked() {
        // one after the other, so that "newest first" has an answer
        long coldOverdue = start("90", "鲜达冷链" + marker, "NEED_CONFIRMATION", Instant.now().minusSeconds(3600));
        awaitCount(1);
        long coldLater = start("20", "鲜达冷链" + marker, "IDENTIFICATION", Instant.now().plus(Duration.ofDays(3)));
        awaitCount(2);
        long appliances = start("20", "华东家电" + marker, "IDENTIFICATION", Instant.now().plus(Duration.ofDays(20)));
        awaitCount(3);

        assertThat(instances(query().text(marker).customer("冷链").build())).containsExactlyInAnyOrder(coldOverdue, coldLater);
        assertThat(instances(query().text(marker).stage("IDENTIFICATION").build())).containsExactlyInAnyOrder(coldLater, appliances);
        assertThat(instances(query().text(marker).due(TaskQuery.Due.OVERDUE).build())).containsExactly(coldOverdue);
        assertThat(instances(query().text(marker).due(TaskQuery.Due.THIS_WEEK).build())).containsExactlyInAnyOrder(coldOverdue, coldLater);
        assertThat(instances(query().text(marker).minPriority(50).build())).containsExactly(coldOverdue);
        assertThat(instances(query().text(marker).sort(TaskQuery.Sort.DUE).build())).containsExactly(coldOverdue, coldLater, appliances);
        assertThat(instances(query().text(marker).sort(TaskQuery.Sort.PRIORITY).build()).getFirst()).isEqualTo(coldOverdue);
        assertThat(instances(query().text(marker).sort(TaskQuery.Sort.CREATED).build())).containsExactly(appliances, coldLater, coldOverdue);
        assertThat(instances(query().text("不存在的客户" + marker).build())).isEmpty();

        assertThatThrownBy(() -> tasks.find(query().scope(TaskQuery.Scope.ALL).build(), rep, Locales.ZH_CN))
                .isInstanceOf(UserFacingException.class);
        // everyone's tasks: an admin sees these three; a manager only the tasks of deals she may see, and these have none
        assertThat(tasks.find(query().scope(TaskQuery.Scope.ALL).text(marker).build(), users.find("admin").orElseThrow(), Locales.ZH_CN))
                .hasSize(3);
        assertThat(tasks.find(query().scope(TaskQuery.Scope.ALL).text(marker).build(), users.find("lina").orElseThrow(), Locales.ZH_CN))
                .isEmpty();
    }

    @Test
    void groupTasksAreFilteredByCustomerTierAndSortedLikeMyOwn() {
        // a team of its own, so that the unfiltered lists hold exactly this test's tasks
        String team = "筛选测试组" + marker;
        users.createIfMissing(new SummitUser("tester" + marker.substring(2), "测试员", Set.of(Role.REP), team, null), "summit");
        SummitUser member = users.find("tester" + marker.substring(2)).orElseThrow();
        for (String priority : List.of("90", "20")) {
            engine.deploy("test-filter-group-" + priority + ".bpmn", Bpmn.convertToString(Bpmn.createExecutableProcess("test-filter-group-" + priority)
                    .startEvent()
                    .userTask("Task_Visit", t -> t.name("拜访客户").zeebeCandidateGroupsExpression("[team]")
                            .zeebeDueDateExpression("due").zeebeTaskHeader("priority", priority))
                    .endEvent().done()).getBytes(StandardCharsets.UTF_8));
        }
        Customer strategic = customers.create(new NewCustomer("战略" + marker, null, Industry.AUTOMOTIVE, "上海"), rep);
        customers.assignTier(strategic.id(), CustomerTier.STRATEGIC);
        Customer ordinary = customers.create(new NewCustomer("普通" + marker, null, Industry.RETAIL, "上海"), rep);
        // created first, due last, most urgent; then two less urgent ones, the later-created one due earlier
        long first = visit("90", team, strategic, Instant.now().plus(Duration.ofDays(3)));
        awaitClaimable(member, 1);
        long second = visit("20", team, ordinary, Instant.now().plus(Duration.ofDays(1)));
        awaitClaimable(member, 2);
        long third = visit("20", team, ordinary, Instant.now().plus(Duration.ofDays(2)));
        awaitClaimable(member, 3);
        TaskQuery.Scope claimable = TaskQuery.Scope.CLAIMABLE;

        // no filters: the group's offers alone decide, in each order
        assertThat(instances(member, query().scope(claimable).sort(TaskQuery.Sort.DUE).build())).containsExactly(second, third, first);
        assertThat(instances(member, query().scope(claimable).sort(TaskQuery.Sort.PRIORITY).build())).containsExactly(first, second, third);
        assertThat(instances(member, query().scope(claimable).sort(TaskQuery.Sort.CREATED).build())).containsExactly(third, second, first);
        assertThat(instances(member, query().sort(TaskQuery.Sort.DUE).build())).containsExactly(second, third, first);
        // with filters: each offer is checked against its task
        assertThat(instances(member, query().scope(claimable).tier("STRATEGIC").build())).containsExactly(first);
        assertThat(instances(member, query().tier("ORDINARY").sort(TaskQuery.Sort.CREATED).build())).containsExactly(third, second);
        assertThat(instances(member, query().tier("IMPORTANT").build())).isEmpty();
        assertThat(instances(member, query().scope(claimable).minPriority(50).build())).containsExactly(first);
        assertThat(instances(member, query().scope(claimable).text(marker).sort(TaskQuery.Sort.PRIORITY).build())).containsExactly(first, second, third);

        // a task leaves the group's list when someone takes it, and comes back when it is given back
        long secondTask = tasks.find(query().scope(claimable).sort(TaskQuery.Sort.DUE).build(), member, Locales.ZH_CN).getFirst().task().id();
        assignment.claim(secondTask, member);
        assertThat(instances(member, query().scope(claimable).build())).containsExactly(third, first);
        assertThat(instances(member, query().scope(TaskQuery.Scope.MINE).build())).containsExactly(second);
        assignment.unclaim(secondTask, member);
        assertThat(instances(member, query().scope(claimable).build())).containsExactly(second, third, first);

        // the offers follow the task's groups whatever changes them: duplicates, empty and null entries count once or not at all
        jdbc.sql("update human_task set candidate_groups = array[:g, :g, null, '', 'OTHER'] where id = :id")
                .param("g", team).param("id", secondTask).update();
        assertThat(jdbc.sql("select offer_group from task_group_offer where task_id = :id order by offer_group").param("id", secondTask)
                .query(String.class).list()).containsExactly("OTHER", team);
        jdbc.sql("update human_task set candidate_groups = '{}' where id = :id").param("id", secondTask).update();
        assertThat(instances(member, query().scope(claimable).build())).containsExactly(third, first);
        assertThat(jdbc.sql("select count(*) from task_group_offer where task_id = :id").param("id", secondTask).query(Long.class).single()).isZero();
    }

    private long visit(String priority, String team, Customer customer, Instant due) {
        return client.newCreateInstanceCommand().bpmnProcessId("test-filter-group-" + priority).latestVersion()
                .variables(Map.of("team", team, "customerId", customer.id(), "customerName", customer.name() + " " + marker, "due", due.toString()))
                .send().join().getProcessInstanceKey();
    }

    private void awaitClaimable(SummitUser user, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> instances(user, query().scope(TaskQuery.Scope.CLAIMABLE).build()).size() == count);
    }

    private List<Long> instances(SummitUser user, TaskQuery q) {
        return tasks.find(q, user, Locales.ZH_CN).stream().map(TaskRow::task).map(t -> t.processInstanceKey()).toList();
    }

    @Test
    void anInboxOfMoreThanTwoHundredTasksSaysHowManyAndShowsEveryOneOfThemPageByPage() {
        // 260 open tasks of a reviewer who has many: stored as the worker stores them (the engine is not what is tested)
        SummitUser reviewer = new SummitUser("busy-" + marker, "忙碌的评审", Set.of(Role.LEGAL), null, null);
        jdbc.sql("""
                insert into human_task (job_key, engine_epoch, process_instance_key, process_definition_key, bpmn_process_id,
                    element_id, element_instance_key, name, assignee, candidate_groups, due_at, priority, variables, state, created_at)
                select 900000000 + i, :epoch, 900000000 + i, 1, 'veto-approval', 'Task_Review', 900000000 + i, '法务评审', :user,
                    '{}'::text[], now() + i * interval '1 hour', 50, jsonb_build_object('customerName', :customer || i), 'OPEN', now()
                from generate_series(1, 260) i""")
                .param("epoch", "paging-" + marker).param("user", reviewer.username()).param("customer", "分页客户" + marker).update();
        try {
            TaskQuery mine = query().scope(TaskQuery.Scope.MINE).sort(TaskQuery.Sort.DUE).build();
            assertThat(tasks.count(mine, reviewer)).as("the count the inbox shows").isEqualTo(260);
            // the open tab adds what the legal group may claim (other tests' reviews)
            int claimable = tasks.count(query().scope(TaskQuery.Scope.CLAIMABLE).build(), reviewer);
            assertThat(tasks.count(TaskQuery.inbox(), reviewer)).isEqualTo(260 + claimable);
            List<String> seen = new java.util.ArrayList<>();
            for (int offset = 0; offset < 300; offset += 50) {
                tasks.page(mine, reviewer, Locales.ZH_CN, offset, 50).forEach(r -> seen.add(r.customerName()));
            }
            // every task once, in due order, the last ones included (the old inbox stopped at 200)
            assertThat(seen).hasSize(260).doesNotHaveDuplicates();
            assertThat(seen.getFirst()).isEqualTo("分页客户" + marker + 1);
            assertThat(seen.getLast()).isEqualTo("分页客户" + marker + 260);
            assertThat(tasks.page(TaskQuery.inbox(), reviewer, Locales.ZH_CN, 250, 50)).hasSize(10 + claimable);
        } finally {
            jdbc.sql("delete from human_task where engine_epoch = :epoch").param("epoch", "paging-" + marker).update();
        }
    }

    @Test
    void savedFiltersArePrivateOrSharedWithTheTeam() {
        SummitUser manager = users.find("lina").orElseThrow();
        SummitUser legal = users.find("wangfang").orElseThrow();
        TaskQuery overdueColdChain = query().customer("冷链").due(TaskQuery.Due.OVERDUE).build();
        String mine = "我的冷链逾期" + marker.substring(2);
        String teams = "团队逾期" + marker.substring(2);

        filters.save(rep, mine, overdueColdChain, false);
        filters.save(manager, teams, query().due(TaskQuery.Due.OVERDUE).sort(TaskQuery.Sort.PRIORITY).build(), true);

        assertThat(filters.visibleTo(rep)).extracting(SavedFilter::name).contains(mine, teams);
        assertThat(filters.visibleTo(rep)).filteredOn(f -> f.name().equals(mine)).first()
                .satisfies(f -> assertThat(f.query()).isEqualTo(overdueColdChain));
        assertThat(filters.visibleTo(manager)).extracting(SavedFilter::name).contains(teams).doesNotContain(mine);
        assertThat(filters.visibleTo(legal)).extracting(SavedFilter::name).doesNotContain(mine, teams);

        long shared = filters.visibleTo(rep).stream().filter(f -> f.name().equals(teams)).findFirst().orElseThrow().id();
        assertThatThrownBy(() -> filters.delete(shared, rep)).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.messageKey()).isEqualTo("filter.error.notYours"));
        assertThatThrownBy(() -> filters.save(rep, "  ", overdueColdChain, false)).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.messageKey()).isEqualTo("filter.error.nameRequired"));
        filters.delete(shared, manager);
        assertThat(filters.visibleTo(rep)).extracting(SavedFilter::name).doesNotContain(teams);
    }

    private long start(String priority, String customer, String stage, Instant due) {
        return client.newCreateInstanceCommand().bpmnProcessId("test-filter-" + priority).latestVersion()
                .variables(Map.of("assignee", "zhangwei", "customerName", customer, "stage", stage, "due", due.toString()))
                .send().join().getProcessInstanceKey();
    }

    private void awaitCount(int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> instances(query().text(marker).build()).size() == count);
    }

    private List<Long> instances(TaskQuery q) {
        return tasks.find(q, rep, Locales.ZH_CN).stream().map(TaskRow::task).map(t -> t.processInstanceKey()).toList();
    }

    private static Q query() {
        return new Q();
    }

    /** A small builder for the tests' queries. */
    private static final class Q {
        private TaskQuery.Scope scope = TaskQuery.Scope.INBOX;
        private String stage;
        private String customer;
        private String tier;
        private TaskQuery.Due due;
        private Integer minPriority;
        private String text;
        private TaskQuery.Sort sort = TaskQuery.Sort.DUE;

        Q scope(TaskQuery.Scope v) { scope = v; return this; }
        Q stage(String v) { stage = v; return this; }
        Q customer(String v) { customer = v; return this; }
        Q due(TaskQuery.Due v) { due = v; return this; }
        Q tier(String v) { tier = v; return this; }
        Q minPriority(int v) { minPriority = v; return this; }
        Q text(String v) { text = v; return this; }
        Q sort(TaskQuery.Sort v) { sort = v; return this; }

        TaskQuery build() {
            return new TaskQuery(scope, null, stage, customer, tier, due, null, minPriority, null, text, sort);
        }
    }
}
