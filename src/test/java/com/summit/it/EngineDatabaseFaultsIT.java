package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;

import com.summit.base.UserFacingException;
import com.summit.base.i18n.Locales;
import com.summit.base.i18n.Messages;
import com.summit.engine.EngineUnavailableException;
import com.summit.engine.ProcessEngine;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.tasklist.domain.HumanTaskRepository;
import com.summit.tasklist.domain.TaskEvent;
import com.summit.tasklist.domain.TaskState;
import com.summit.tasklist.process.TaskEngine;
import com.summit.tasklist.service.TaskOutcome;
import com.summit.tasklist.service.TaskRow;
import com.summit.tasklist.service.TaskService;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The engine and the database never disagree about a submitted task: a fault is injected between the two systems,
 * and the task ends as the process did, once. An app of its own (its engine and database are spied on), without
 * Elasticsearch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// an app of its own: closed after its tests, so that its engine and database do not load the machine for the rest of the suite
@org.springframework.test.annotation.DirtiesContext(classMode = org.springframework.test.annotation.DirtiesContext.ClassMode.AFTER_CLASS)
class EngineDatabaseFaultsIT {

    static final Path DATA = Path.of("target", "it-data", "faults-" + ProcessHandle.current().pid());
    static final int ZEEBE = TestPorts.free();
    static final int POSTGRES = TestPorts.free();

    @DynamicPropertySource
    static void localMode(DynamicPropertyRegistry registry) {
        registry.add("summit.local.data-dir", DATA::toString);
        registry.add("summit.local.zeebe.port", () -> ZEEBE);
        registry.add("summit.local.postgres.port", () -> POSTGRES);
        registry.add("summit.local.elasticsearch.enabled", () -> "false");
        // an app of its own beside the shared one: the 500 generated demo customers are not needed here
        registry.add("summit.demo.generated-customers", () -> "0");
        registry.add("summit.tasklist.liveness-interval", () -> "1s");
        registry.add("summit.opportunity.reconcile-interval", () -> "1s");
        registry.add("summit.opportunity.start-grace", () -> "2s");
        registry.add("summit.engine.retry-backoff", () -> "1s");
    }

    @MockitoSpyBean TaskEngine taskEngine;
    @MockitoSpyBean HumanTaskRepository repository;
    @Autowired TaskService tasks;
    @Autowired UserService users;
    @MockitoSpyBean ProcessEngine engine;
    @MockitoSpyBean com.summit.opportunity.domain.OpportunityRepository opportunityRows;
    @MockitoSpyBean com.summit.opportunity.service.GateService gates;
    @Autowired com.summit.opportunity.service.OpportunityService opportunities;
    @Autowired com.summit.opportunity.service.ScorecardService scorecards;
    @Autowired com.summit.approval.service.ApprovalRounds approvalRounds;
    @Autowired com.summit.customer.service.CustomerService customers;
    @Autowired com.summit.engine.JobIncidents incidents;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired CamundaClient client;
    @Autowired Messages messages;

    private final String processId = "test-two-steps-" + UUID.randomUUID().toString().substring(0, 6);
    private SummitUser rep;

    @BeforeEach
    void deploy() {
        rep = users.find("zhangwei").orElseThrow();
        engine.deploy(processId + ".bpmn", Bpmn.convertToString(Bpmn.createExecutableProcess(processId)
                .startEvent()
                .userTask("Task_First", t -> t.name("第一步").zeebeAssignee("zhangwei"))
                .userTask("Task_Second", t -> t.name("第二步").zeebeAssignee("zhangwei"))
                .endEvent()
                .done()).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSubmissionWhoseEngineAnswerIsLostIsCompletedOnceAfterwards() {
        long instance = start();
        TaskRow first = task(instance, "第一步");
        // the engine completes the job, but its answer never arrives
        doAnswer(call -> {
            call.callRealMethod();
            return TaskEngine.Completion.UNCERTAIN;
        }).doCallRealMethod().when(taskEngine).complete(org.mockito.ArgumentMatchers.eq(first.task().jobKey()), anyMap());

        assertThat(tasks.complete(first.task().id(), rep, "{}", Locales.ZH_CN)).isEqualTo(TaskOutcome.SUBMITTED);
        assertThat(tasks.find(first.task().id()).orElseThrow().state()).isEqualTo(TaskState.SUBMITTING);
        assertThat(ids(tasks.inbox(rep))).doesNotContain(first.task().id());

        // the sweep asks the engine again: the job is gone, so the submission went through
        await().atMost(Duration.ofSeconds(60)).until(() -> tasks.find(first.task().id()).orElseThrow().state() == TaskState.COMPLETED);
        TaskRow second = task(instance, "第二步");
        assertThat(tasks.inbox(rep)).filteredOn(r -> r.task().processInstanceKey() == instance).hasSize(1)
                .extracting(r -> r.task().id()).containsExactly(second.task().id());
        assertThat(tasks.history(first.task().id(), rep)).filteredOn(e -> e.type() == TaskEvent.Type.COMPLETED).hasSize(1);
        assertThat(tasks.find(first.task().id()).orElseThrow().completedBy()).isEqualTo("zhangwei");
    }

    @Test
    void aSubmissionTheEngineRefusesLeavesTheTaskOpenWithWhatWasTypedKeptAsItsDraft() throws Exception {
        long instance = start();
        TaskRow first = task(instance, "第一步");
        // only this task's job: a sweep of another test's leftovers must not use up the refusal
        doThrow(new EngineUnavailableException(new RuntimeException("connection refused"))).doCallRealMethod()
                .when(taskEngine).complete(org.mockito.ArgumentMatchers.eq(first.task().jobKey()), anyMap());

        assertThatThrownBy(() -> tasks.complete(first.task().id(), rep, "{}", Locales.ZH_CN))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(messages.getTranslation(e.messageKey(), Locales.ZH_CN,
                        e.arguments())).isEqualTo("流程引擎暂时无法访问，任务没有提交；你填写的内容已存为草稿。请稍后再试。"));
        assertThat(tasks.find(first.task().id()).orElseThrow().state()).isEqualTo(TaskState.OPEN);
        assertThat(tasks.open(first.task().id(), rep, Locales.ZH_CN).hasDraft()).isTrue();
        assertThat(tasks.history(first.task().id(), rep)).noneMatch(e -> e.type() == TaskEvent.Type.COMPLETED);
        assertThat(ids(tasks.inbox(rep))).contains(first.task().id());

        // once the engine answers, the same task goes through, once
        assertThat(tasks.complete(first.task().id(), rep, "{}", Locales.ZH_CN)).isEqualTo(TaskOutcome.COMPLETED);
        task(instance, "第二步");
        assertThat(tasks.history(first.task().id(), rep)).filteredOn(e -> e.type() == TaskEvent.Type.COMPLETED).hasSize(1);
    }

    @Test
    void aSubmissionTheEngineTookButTheDatabaseCouldNotRecordIsRecordedOnceAfterwards() {
        long instance = start();
        TaskRow first = task(instance, "第一步");
        doThrow(new DataAccessResourceFailureException("connection lost")).doCallRealMethod()
                .when(repository).finishSubmission(first.task().id());

        assertThat(tasks.complete(first.task().id(), rep, "{}", Locales.ZH_CN)).isEqualTo(TaskOutcome.SUBMITTED);
        await().atMost(Duration.ofSeconds(60)).until(() -> tasks.find(first.task().id()).orElseThrow().state() == TaskState.COMPLETED);
        task(instance, "第二步");
        assertThat(tasks.history(first.task().id(), rep)).filteredOn(e -> e.type() == TaskEvent.Type.COMPLETED).hasSize(1);
    }

    // ---- the lifecycle's start, a claim's verification and a failing worker, each with a fault between the systems

    @Test
    void aDealCreatedWhileTheEngineIsDownIsKeptAndItsProcessStartsWhenTheEngineAnswers() {
        var deal = newDealWith(() -> doThrow(new EngineUnavailableException(new RuntimeException("connection refused")))
                .doCallRealMethod().when(engine).start(org.mockito.ArgumentMatchers.eq("opportunity-lifecycle"), anyMap()));
        assertThat(deal.processInstanceKey()).as("stored without a process").isNull();
        assertThat(opportunities.find(deal.id())).isPresent();

        // the sweep starts it: the rep's stage task appears, once
        TaskRow stageTask = dealTask(deal.id(), "识别商机：客户画像与线索");
        assertThat(opportunities.find(deal.id()).orElseThrow().processInstanceKey()).isEqualTo(stageTask.task().processInstanceKey());
        assertThat(dealTasks(deal.id())).hasSize(1);
    }

    @Test
    void aDealWhoseStartAnswerIsLostRunsInTheInstanceTheEngineStartedOnce() {
        // the engine starts the lifecycle, but its answer never arrives
        var deal = newDealWith(() -> doAnswer(call -> {
            call.callRealMethod();
            throw new EngineUnavailableException(new RuntimeException("deadline exceeded"));
        }).doCallRealMethod().when(engine).start(org.mockito.ArgumentMatchers.eq("opportunity-lifecycle"), anyMap()));

        TaskRow stageTask = dealTask(deal.id(), "识别商机：客户画像与线索");
        // the sweep had its chance to start a second instance: the deal keeps the one whose task came first
        sleep(Duration.ofSeconds(5));
        assertThat(dealTasks(deal.id())).extracting(r -> r.task().id()).containsExactly(stageTask.task().id());
        assertThat(opportunities.find(deal.id()).orElseThrow().processInstanceKey()).isEqualTo(stageTask.task().processInstanceKey());
    }

    @Test
    void aDealResumedAtItsApprovalByAStartThatRanTwiceAsksEachDepartmentOnce() {
        var deal = newDealWith(() -> { });
        TaskRow stageTask = dealTask(deal.id(), "识别商机：客户画像与线索");
        long first = stageTask.task().processInstanceKey();
        // the deal is at its proposal, with a round under way, when the engine loses its instance
        jdbc.sql("update opportunity set stage = 'PROPOSAL_NEGOTIATION' where id = :id").param("id", deal.id()).update();
        var round = approvalRounds.openRound(null, deal.id(), "PROPOSAL_NEGOTIATION", "zhangwei", first,
                new com.summit.approval.service.ApprovalRounds.Terms(new java.math.BigDecimal("2400000"), null, null, false), null, null);
        assertThat(round.reviews()).as("the departments the round asks").isNotEmpty();
        // the next start runs twice on the engine (asked again after its answer was lost): two lifecycles resume at the approval
        doAnswer(call -> {
            call.callRealMethod();
            return call.callRealMethod();
        }).doCallRealMethod().when(engine).startAt(org.mockito.ArgumentMatchers.eq("opportunity-lifecycle"),
                org.mockito.ArgumentMatchers.eq("CallActivity_ProposalNegotiation_Approval"), anyMap());
        client.newCancelInstanceCommand(first).send().join();
        opportunityRows.releaseInstance(deal.id(), first);

        String reviews = "select count(*) from human_task where opportunity_id = :o and bpmn_process_id = 'veto-approval' and state = 'OPEN'";
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(reviews).param("o", deal.id()).query(Long.class).single(),
                n -> n >= round.reviews().size());
        // the sweep and both instances had their chance: each department is asked once, by one approval
        sleep(Duration.ofSeconds(5));
        assertThat(jdbc.sql(reviews).param("o", deal.id()).query(Long.class).single()).isEqualTo(round.reviews().size());
        assertThat(jdbc.sql("""
                select count(distinct process_instance_key) from human_task
                 where opportunity_id = :o and bpmn_process_id = 'veto-approval' and state = 'OPEN'""")
                .param("o", deal.id()).query(Long.class).single()).isEqualTo(1);
        org.mockito.Mockito.verify(engine, org.mockito.Mockito.atLeastOnce()).startAt(org.mockito.ArgumentMatchers.eq("opportunity-lifecycle"),
                org.mockito.ArgumentMatchers.eq("CallActivity_ProposalNegotiation_Approval"), anyMap());
    }

    @Test
    void aDealWhoseDatabaseFailsAfterTheEngineStartedItIsTiedToThatInstanceByItsFirstTask() {
        var deal = newDealWith(() -> doThrow(new DataAccessResourceFailureException("connection lost")).doCallRealMethod()
                .when(opportunityRows).claimInstance(anyLong(), anyLong(), org.mockito.ArgumentMatchers.anyString()));
        TaskRow stageTask = dealTask(deal.id(), "识别商机：客户画像与线索");
        sleep(Duration.ofSeconds(5));
        assertThat(dealTasks(deal.id())).extracting(r -> r.task().id()).containsExactly(stageTask.task().id());
        assertThat(opportunities.find(deal.id()).orElseThrow().processInstanceKey()).isEqualTo(stageTask.task().processInstanceKey());
    }

    @Test
    void aClaimMadeWhileTheEngineIsDownIsPutBeforeTheManagerOnceTheEngineAnswers() {
        var deal = newDealWith(() -> { });
        dealTask(deal.id(), "识别商机：客户画像与线索");
        doThrow(new EngineUnavailableException(new RuntimeException("connection refused"))).doCallRealMethod()
                .when(engine).start(org.mockito.ArgumentMatchers.eq("score-verification"), anyMap());

        var claim = scorecards.changeLevel(deal.id(), com.summit.opportunity.domain.ScoreElement.POWER, 4,
                com.summit.opportunity.service.ScorecardService.Evidence.note("总经理在评审会上认可了方案"), rep);
        assertThat(claim.status()).isEqualTo(com.summit.opportunity.domain.ScoreChange.Status.PENDING);
        SummitUser manager = users.find("lina").orElseThrow();
        TaskRow verification = await().atMost(Duration.ofSeconds(60)).until(() -> tasks.inbox(manager).stream()
                .filter(r -> Long.valueOf(deal.id()).equals(r.task().opportunityId()) && r.task().name().equals("核实要素等级")).toList(), l -> !l.isEmpty())
                .getFirst();
        sleep(Duration.ofSeconds(4));
        assertThat(tasks.inbox(manager)).filteredOn(r -> Long.valueOf(deal.id()).equals(r.task().opportunityId()) && r.task().name().equals("核实要素等级"))
                .extracting(r -> r.task().id()).containsExactly(verification.task().id());
    }

    @Test
    void aWorkerThatKeepsFailingBecomesAnIncidentAnAdminSeesAndRetriesAndTheGateIsRecordedOnce() {
        var deal = newDealWith(() -> { });
        TaskRow stageTask = dealTask(deal.id(), "识别商机：客户画像与线索");
        doThrow(new IllegalStateException("决策表暂时无法读取")).when(gates)
                .evaluate(org.mockito.ArgumentMatchers.eq(deal.id()), org.mockito.ArgumentMatchers.any(), anyMap(),
                        org.mockito.ArgumentMatchers.anyString());
        tasks.complete(stageTask.task().id(), rep, """
                {"leadSource":"INBOUND","statedNeed":"双十一期间需要华南三个前置仓","servicesNeeded":["WAREHOUSING"],
                 "estimatedAnnualValue":240,"requestAdvance":true}""", Locales.ZH_CN);

        SummitUser admin = users.find("admin").orElseThrow();
        // three attempts with a growing delay (1 s, 6 s), then an incident with its error
        var incident = await().atMost(Duration.ofSeconds(60)).until(() -> incidents.overview(admin).entries().stream()
                .filter(i -> Long.valueOf(deal.id()).equals(i.job().opportunityId())).findFirst().orElse(null), i -> i != null);
        assertThat(incident.job().jobType()).isEqualTo("opportunity-evaluate-gate");
        assertThat(incident.job().failures()).isEqualTo(3);
        assertThat(incident.job().errorMessage()).contains("决策表暂时无法读取");
        assertThat(incident.stepName()).isEqualTo("出口检查（阶段出口 DMN）");
        assertThat(dealTasks(deal.id())).as("the deal waits at its gate").isEmpty();
        assertThatThrownBy(() -> incidents.overview(rep)).isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> incidents.retry(incident.job().id(), rep)).isInstanceOf(UserFacingException.class);

        // the cause is gone; the admin retries: the gate is evaluated, once, and the stage task comes back with its findings
        org.mockito.Mockito.doCallRealMethod().when(gates).evaluate(org.mockito.ArgumentMatchers.eq(deal.id()), org.mockito.ArgumentMatchers.any(),
                anyMap(), org.mockito.ArgumentMatchers.anyString());
        incidents.retry(incident.job().id(), admin);
        dealTask(deal.id(), "识别商机：客户画像与线索");
        assertThat(incidents.overview(admin).entries()).noneMatch(i -> Long.valueOf(deal.id()).equals(i.job().opportunityId()));
        assertThat(jdbc.sql("select count(*) from gate_evaluation where opportunity_id = :o").param("o", deal.id()).query(Long.class).single())
                .isEqualTo(1);
        assertThatThrownBy(() -> incidents.retry(incident.job().id(), admin)).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(messages.getTranslation(e.messageKey(), Locales.ZH_CN, e.arguments())).isEqualTo("这个故障已经不存在（已重试或流程已结束）。"));
    }

    private com.summit.opportunity.domain.Opportunity newDealWith(Runnable fault) {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        var customer = customers.create(new com.summit.customer.service.NewCustomer("故障测试客户" + marker, null,
                com.summit.customer.domain.Industry.ECOMMERCE, "广州"), rep);
        fault.run();
        return opportunities.create(new com.summit.opportunity.service.NewOpportunity(customer.id(), "仓配项目" + marker, null,
                new java.math.BigDecimal("2400000"), java.util.Set.of(com.summit.customer.domain.LogisticsService.WAREHOUSING)), rep);
    }

    private List<TaskRow> dealTasks(long dealId) {
        return tasks.inbox(rep).stream().filter(r -> Long.valueOf(dealId).equals(r.task().opportunityId())).toList();
    }

    private TaskRow dealTask(long dealId, String name) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> dealTasks(dealId).stream()
                .filter(r -> r.task().name().equals(name)).findFirst().orElse(null), r -> r != null);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long start() {
        return client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().variables(Map.of()).send().join()
                .getProcessInstanceKey();
    }

    private TaskRow task(long instance, String name) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> tasks.inbox(rep).stream()
                .filter(r -> r.task().processInstanceKey() == instance && r.task().name().equals(name)).findFirst().orElse(null),
                r -> r != null);
    }

    private static List<Long> ids(List<TaskRow> rows) {
        return rows.stream().map(r -> r.task().id()).toList();
    }
}
