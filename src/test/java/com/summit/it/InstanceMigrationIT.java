package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.summit.base.UserFacingException;
import com.summit.engine.ModelStore;
import com.summit.engine.ModelVersion;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.tasklist.domain.TaskEvent;
import com.summit.tasklist.service.TaskRow;
import com.summit.tasklist.service.TaskService;
import com.summit.workbench.domain.AuditEntry;
import com.summit.workbench.domain.InstanceMigration;
import com.summit.workbench.service.InstanceMigrations;
import com.summit.workbench.service.MigrationRefusals;
import com.summit.workbench.service.ModelChanges;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Running instances onto a new version: the same ids map themselves, a new step takes the instances the owner maps to
 * it, one is tried first, the rest go in batches, the engine's refusals are kept in words and the instance stays, and
 * the inbox shows each moved task once, under its new name and form.
 */
class InstanceMigrationIT extends LocalAppIT {

    @Autowired InstanceMigrations migrations;
    @Autowired ModelStore models;
    @Autowired ModelChanges changes;
    @Autowired UserService users;
    @Autowired TaskService tasks;
    @Autowired com.summit.engine.ProcessEngine engine;

    private SummitUser zhaomin() {
        return users.find("zhaomin").orElseThrow();
    }

    private SummitUser rep() {
        return users.find("zhangwei").orElseThrow();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    /** Version 1: a stage (a sub-process with a pause message on its border) holding the rep's step. */
    private static String first(String id) {
        return Bpmn.convertToString(Bpmn.createExecutableProcess(id).name("迁移测试").startEvent("Start")
                .subProcess("Stage", s -> s.name("阶段").embeddedSubProcess().startEvent("Stage_Start")
                        .userTask("Task_Design", t -> t.name("方案设计").zeebeAssignee("zhangwei")).endEvent("Stage_End"))
                .boundaryEvent("Boundary_Paused").message(m -> m.name("mig-paused").zeebeCorrelationKeyExpression("=key")).endEvent("Paused_End")
                .moveToActivity("Stage").endEvent("End").done());
    }

    /** Version 2: a site visit with its own form before the design, and a machine step that a user task cannot become. */
    private static String second(String id, String formId) {
        return Bpmn.convertToString(Bpmn.createExecutableProcess(id).name("迁移测试").startEvent("Start")
                .subProcess("Stage", s -> s.name("阶段").embeddedSubProcess().startEvent("Stage_Start")
                        .userTask("Task_SiteVisit", t -> t.name("现场考察").zeebeAssignee("zhangwei").zeebeFormId(formId))
                        .userTask("Task_Design", t -> t.name("方案设计").zeebeAssignee("zhangwei"))
                        .serviceTask("Task_Machine", t -> t.name("机器步骤").zeebeJobType("mig-test-machine")).endEvent("Stage_End"))
                .boundaryEvent("Boundary_Paused").message(m -> m.name("mig-paused").zeebeCorrelationKeyExpression("=key")).endEvent("Paused_End")
                .moveToActivity("Stage").endEvent("End").done());
    }

    private record Setup(String file, String processId, String formId, long formKey, List<Long> instances) {}

    private Setup setUp(int instances) {
        String processId = unique("wb-mig");
        String file = processId + ".bpmn";
        String formId = processId + "-visit";
        ModelVersion form = models.deployNew(formId + ".form", """
                {"type": "default", "id": "%s", "schemaVersion": 18, "components": [
                  {"type": "textfield", "key": "warehouse", "label": "看过的仓库", "id": "Field_warehouse"}]}""".formatted(formId),
                ModelVersion.Origin.WORKBENCH, "考察表单", "v1", "zhaomin");
        models.deployNew(file, first(processId), ModelVersion.Origin.WORKBENCH, "初版", "v1", "zhaomin");
        List<Long> keys = new java.util.ArrayList<>();
        for (int i = 0; i < instances; i++) {
            keys.add(engine.start(processId, Map.of("key", processId + "-" + i)));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> tasks.inbox(rep()).stream()
                .filter(r -> keys.contains(r.task().processInstanceKey())).count() == instances);
        models.deployNew(file, second(processId, formId), ModelVersion.Origin.WORKBENCH, "加现场考察", "v2", "zhaomin");
        long formKey = engine.latestForm(formId).orElseThrow().formKey();
        assertThat(form.version()).isEqualTo(1);
        return new Setup(file, processId, formId, formKey, keys);
    }

    private List<TaskRow> inboxOf(List<Long> instances) {
        return tasks.inbox(rep()).stream().filter(r -> instances.contains(r.task().processInstanceKey())).toList();
    }

    @Test
    void theSameIdsMapThemselvesAndTheOwnerChoosesForTheStepThatIsNew() {
        Setup s = setUp(2);
        InstanceMigrations.Plan plan = migrations.plan(zhaomin(), s.file(), 1, 2);
        assertThat(plan.candidates()).extracting(InstanceMigrations.Candidate::processInstanceKey).containsExactlyInAnyOrderElementsOf(s.instances());
        assertThat(plan.candidates()).allSatisfy(c -> assertThat(c.activeElementIds()).containsExactlyInAnyOrder("Stage", "Task_Design"));
        assertThat(plan.rows()).filteredOn(r -> r.source().id().equals("Task_Design")).singleElement().satisfies(r -> {
            assertThat(r.instances()).isEqualTo(2);
            assertThat(r.defaultTarget()).isEqualTo("Task_Design");
        });
        assertThat(plan.rows()).filteredOn(r -> r.source().id().equals("Boundary_Paused")).singleElement()
                .satisfies(r -> assertThat(r.defaultTarget()).as("the catch event the instance is subscribed to").isEqualTo("Boundary_Paused"));
        assertThat(plan.targetElements()).extracting(InstanceMigrations.Element::id).contains("Task_SiteVisit", "Task_Machine");
        assertThat(migrations.runningByVersion(zhaomin(), s.file())).isEqualTo(Map.of(1, 2));
        assertThat(plan.select("Task_Design", null)).hasSize(2);
        assertThat(plan.select("Task_SiteVisit", null)).isEmpty();
    }

    @Test
    void oneInstanceTriedFirstThenTheRestMoveToTheSiteVisitAndTheInboxShowsEachOnceWithItsNewForm() {
        Setup s = setUp(3);
        InstanceMigrations.Plan plan = migrations.plan(zhaomin(), s.file(), 1, 2);
        Map<String, String> choices = Map.of("Task_Design", "Task_SiteVisit");
        long tried = s.instances().getFirst();
        InstanceMigration tryRun = migrations.tryOne(zhaomin(), plan, choices, tried);
        assertThat(tryRun.dryRun()).isTrue();
        assertThat(tryRun.migrated()).isEqualTo(1);
        assertThat(tryRun.state()).isEqualTo(InstanceMigration.State.FINISHED);
        assertThat(inboxOf(List.of(tried))).singleElement().satisfies(r -> {
            assertThat(r.task().elementId()).isEqualTo("Task_SiteVisit");
            assertThat(r.task().name()).isEqualTo("现场考察");
            assertThat(r.task().formKey()).isEqualTo(s.formKey());
        });

        InstanceMigrations.Plan rest = migrations.plan(zhaomin(), s.file(), 1, 2);
        assertThat(rest.candidates()).as("the tried instance runs on v2 now").hasSize(2);
        long id = migrations.start(zhaomin(), rest, choices, rest.candidates().stream().map(c -> c.processInstanceKey()).toList(), "全部实例");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> migrations.migration(zhaomin(), id).state() == InstanceMigration.State.FINISHED);
        InstanceMigration done = migrations.migration(zhaomin(), id);
        assertThat(done.migrated()).isEqualTo(2);
        assertThat(done.refused()).isZero();
        assertThat(migrations.items(zhaomin(), id)).allSatisfy(i -> assertThat(i.tasksMoved()).isEqualTo(1));
        assertThat(migrations.runningByVersion(zhaomin(), s.file())).isEqualTo(Map.of(2, 3));

        List<TaskRow> inbox = inboxOf(s.instances());
        assertThat(inbox).as("each task once").hasSize(3).allSatisfy(r -> {
            assertThat(r.task().elementId()).isEqualTo("Task_SiteVisit");
            assertThat(r.task().name()).isEqualTo("现场考察");
        });
        assertThat(tasks.history(inbox.getFirst().task().id(), rep())).extracting(TaskEvent::type).contains(TaskEvent.Type.MIGRATED);

        // the rep completes the visit; the instance goes on in v2, to the design
        var visit = inbox.getFirst();
        tasks.complete(visit.task().id(), rep(), "{\"warehouse\": \"嘉定仓\"}", java.util.Locale.SIMPLIFIED_CHINESE);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(List.of(visit.task().processInstanceKey())).stream()
                .anyMatch(r -> r.task().elementId().equals("Task_Design")));
        assertThat(changes.audit(s.file(), zhaomin())).extracting(AuditEntry::action).contains(AuditEntry.Action.MIGRATED);
        assertThat(changes.audit(s.file(), zhaomin())).filteredOn(a -> a.action() == AuditEntry.Action.MIGRATED)
                .extracting(AuditEntry::detail).anyMatch(d -> d.startsWith("v1 → v2: 2 migrated, 0 refused"));
    }

    @Test
    void aStepMappedToAnElementOfAnotherTypeIsRefusedInWordsAndTheInstanceStaysWhereItWas() {
        Setup s = setUp(1);
        InstanceMigrations.Plan plan = migrations.plan(zhaomin(), s.file(), 1, 2);
        long key = s.instances().getFirst();
        InstanceMigration run = migrations.tryOne(zhaomin(), plan, Map.of("Task_Design", "Task_Machine"), key);
        assertThat(run.refused()).isEqualTo(1);
        InstanceMigration.Item item = migrations.items(zhaomin(), run.id()).getFirst();
        assertThat(item.outcome()).isEqualTo(InstanceMigration.Outcome.REFUSED);
        assertThat(MigrationRefusals.explain(item.reason())).satisfies(e -> {
            assertThat(e.messageKey()).isEqualTo("workbench.migration.refusal.type");
            assertThat(e.arguments()).containsExactly("Task_Design", "USER_TASK", "Task_Machine", "SERVICE_TASK");
        });
        assertThat(migrations.runningByVersion(zhaomin(), s.file())).isEqualTo(Map.of(1, 1));
        assertThat(inboxOf(s.instances())).singleElement().satisfies(r -> {
            assertThat(r.task().elementId()).isEqualTo("Task_Design");
            assertThat(r.task().name()).isEqualTo("方案设计");
        });
    }

    @Test
    void anActiveStepLeftUnmappedIsRefusedInWordsAndTheInstanceStays() {
        Setup s = setUp(1);
        InstanceMigrations.Plan plan = migrations.plan(zhaomin(), s.file(), 1, 2);
        long id = migrations.start(zhaomin(), plan, Map.of("Task_Design", ""), s.instances(), null);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> migrations.migration(zhaomin(), id).state() == InstanceMigration.State.FINISHED);
        InstanceMigration.Item item = migrations.items(zhaomin(), id).getFirst();
        assertThat(item.outcome()).isEqualTo(InstanceMigration.Outcome.REFUSED);
        assertThat(MigrationRefusals.explain(item.reason())).satisfies(e -> {
            assertThat(e.messageKey()).isEqualTo("workbench.migration.refusal.unmapped");
            assertThat(e.arguments()).containsExactly("Task_Design");
        });
        assertThat(migrations.runningByVersion(zhaomin(), s.file())).isEqualTo(Map.of(1, 1));
        assertThat(inboxOf(s.instances())).singleElement().satisfies(r -> assertThat(r.task().elementId()).isEqualTo("Task_Design"));
    }

    @Test
    void badChoicesAndOtherUsersAreRefusedBeforeTheEngineIsAsked() {
        Setup s = setUp(1);
        InstanceMigrations.Plan plan = migrations.plan(zhaomin(), s.file(), 1, 2);
        assertThatThrownBy(() -> migrations.start(zhaomin(), plan, Map.of("Task_Design", "Task_Nowhere"), s.instances(), null))
                .isInstanceOf(UserFacingException.class).extracting(e -> ((UserFacingException) e).messageKey())
                .isEqualTo("workbench.migration.error.unknownTarget");
        assertThatThrownBy(() -> migrations.start(zhaomin(), plan, Map.of(), List.of(), null))
                .isInstanceOf(UserFacingException.class).extracting(e -> ((UserFacingException) e).messageKey())
                .isEqualTo("workbench.migration.error.noneChosen");
        assertThatThrownBy(() -> migrations.tryOne(zhaomin(), plan, Map.of(), 42L))
                .isInstanceOf(UserFacingException.class).extracting(e -> ((UserFacingException) e).messageKey())
                .isEqualTo("workbench.migration.error.notRunning");
        assertThatThrownBy(() -> migrations.plan(zhaomin(), s.file(), 2, 2))
                .isInstanceOf(UserFacingException.class).extracting(e -> ((UserFacingException) e).messageKey())
                .isEqualTo("workbench.migration.error.sameVersion");
        assertThatThrownBy(() -> migrations.plan(zhaomin(), s.file(), 1, 9))
                .isInstanceOf(UserFacingException.class).extracting(e -> ((UserFacingException) e).messageKey())
                .isEqualTo("workbench.migration.error.noVersion");
        for (String username : List.of("zhangwei", "lina", "wangfang")) {
            SummitUser other = users.find(username).orElseThrow();
            assertThatThrownBy(() -> migrations.plan(other, s.file(), 1, 2)).isInstanceOf(UserFacingException.class)
                    .extracting(e -> ((UserFacingException) e).messageKey()).isEqualTo("workbench.error.forbidden");
            assertThatThrownBy(() -> migrations.start(other, plan, Map.of(), s.instances(), null)).isInstanceOf(UserFacingException.class);
            assertThatThrownBy(() -> migrations.tryOne(other, plan, Map.of(), s.instances().getFirst())).isInstanceOf(UserFacingException.class);
            assertThatThrownBy(() -> migrations.history(other, s.file())).isInstanceOf(UserFacingException.class);
        }
        assertThat(migrations.history(zhaomin(), s.file())).as("nothing was started").isEmpty();
        assertThat(migrations.runningByVersion(zhaomin(), s.file())).isEqualTo(Map.of(1, 1));
    }
}
