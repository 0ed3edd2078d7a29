package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.summit.base.UserFacingException;
import com.summit.base.i18n.Locales;
import com.summit.base.i18n.Messages;
import com.summit.engine.ModelStore;
import com.summit.engine.ModelVersion;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.tasklist.service.TaskAssignment;
import com.summit.tasklist.service.TaskRow;
import com.summit.tasklist.service.TaskService;
import com.summit.workbench.domain.AuditEntry;
import com.summit.workbench.domain.ChangeRequest;
import com.summit.workbench.service.ModelChanges;
import com.summit.workbench.service.ModelDrafts;
import com.summit.workbench.service.WorkbenchService;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A change to a model from draft to deployment, on the real engine and PostgreSQL: drafts and their conflicts, the
 * checks at proposal, four eyes through the inbox (never the author's own), the deploy with the engine's refusal in
 * words, the roll-back, and the audit trail; each refusal leaves nothing changed.
 */
class ModelChangesIT extends LocalAppIT {

    @Autowired ModelDrafts drafts;
    @Autowired ModelChanges changes;
    @Autowired WorkbenchService workbench;
    @Autowired ModelStore models;
    @Autowired UserService users;
    @Autowired Messages messages;
    @Autowired TaskService tasks;
    @Autowired TaskAssignment assignment;
    @Autowired JdbcClient jdbc;

    private SummitUser zhaomin() {
        return users.find("zhaomin").orElseThrow();
    }

    private SummitUser admin() {
        return users.find("admin").orElseThrow();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    /** A process of one user task for the rep, deployed as its first version through the workbench (no four eyes). */
    private String deployedProcess(String taskName) {
        String name = unique("wb-change") + ".bpmn";
        drafts.createFile(name, zhaomin());
        drafts.save(name, WorkbenchIT.process(name, taskName), 1, zhaomin());
        ChangeRequest request = changes.propose(name, "第一版", null, false, zhaomin());
        changes.deploy(request.id(), zhaomin());
        return name;
    }

    @Test
    void aNewFormIsProposedAndDeployedAndTheAuditSaysWhoDidWhat() {
        String name = unique("wb-form") + ".form";
        String id = name.replace(".form", "");
        drafts.createFile(name, zhaomin());
        drafts.save(name, """
                {"type": "default", "id": "%s", "schemaVersion": 18, "components": [
                  {"type": "datetime", "key": "visitDate", "dateLabel": "考察日期", "subtype": "date", "id": "Field_visitDate"},
                  {"type": "textarea", "key": "findings", "label": "考察发现", "id": "Field_findings"}]}""".formatted(id), 1, zhaomin());

        assertThat(changes.fourEyes(name)).as("a form asks for no second person by default").isFalse();
        ChangeRequest request = changes.propose(name, "现场考察表单", "site-visit-1", false, zhaomin());
        assertThat(request.state()).isEqualTo(ChangeRequest.State.APPROVED);
        assertThat(drafts.find(name, zhaomin())).as("the draft became the proposal").isEmpty();

        ModelVersion deployed = changes.deploy(request.id(), zhaomin());
        assertThat(deployed.version()).isEqualTo(1);
        assertThat(deployed.state()).isEqualTo(ModelVersion.State.DEPLOYED);
        assertThat(deployed.versionTag()).isEqualTo("site-visit-1");
        assertThat(deployed.deployedBy()).isEqualTo("zhaomin");
        assertThat(deployed.engineVersion()).isEqualTo(1);
        assertThat(models.current()).anyMatch(v -> v.resourceName().equals(name) && v.id() == deployed.id());
        assertThat(changes.request(request.id(), zhaomin()).state()).isEqualTo(ChangeRequest.State.DEPLOYED);
        assertThat(changes.audit(name, zhaomin())).extracting(AuditEntry::action).containsExactly(AuditEntry.Action.DEPLOYED,
                AuditEntry.Action.PROPOSED, AuditEntry.Action.CHECKED, AuditEntry.Action.DRAFT_SAVED, AuditEntry.Action.DRAFT_SAVED);
        assertThat(changes.audit(name, zhaomin())).allMatch(a -> a.actor().equals("zhaomin"));
    }

    @Test
    void theLifecycleAndTheVetoApprovalAskForFourEyesByDefault() {
        assertThat(changes.fourEyes("opportunity-lifecycle.bpmn")).isTrue();
        assertThat(changes.fourEyes("veto-approval.bpmn")).isTrue();
        assertThat(changes.fourEyes("stage-gate.dmn")).isFalse();
    }

    @Test
    void aChangeWithFourEyesWaitsInTheInboxItsAuthorCannotApproveItAndAnAdminDoes() {
        String name = deployedProcess("第一步");
        changes.setFourEyes(name, true, admin());
        drafts.save(name, WorkbenchIT.process(name, "第一步（改名）"), 0, zhaomin());
        ChangeRequest request = changes.propose(name, "改任务名", "v2-rename", false, zhaomin());
        assertThat(request.state()).isEqualTo(ChangeRequest.State.REQUESTED);
        refused(() -> changes.deploy(request.id(), zhaomin()), "这个变更还在等待审批，批准后才能部署。");

        TaskRow review = reviewTask(request, zhaomin());
        assertThat(review.task().name()).isEqualTo("审批模型变更");
        var details = tasks.open(review.task().id(), zhaomin(), Locales.ZH_CN);
        assertThat(details.formDataJson()).contains("改任务名").contains("第一步（改名）").contains("赵敏");
        assertThat(details.context()).anySatisfy(c -> assertThat(c.href()).isEqualTo("/workbench/request/" + request.id()));

        // the author takes the task and tries to approve their own change
        assignment.claim(review.task().id(), zhaomin());
        refused(() -> tasks.complete(review.task().id(), zhaomin(), "{\"changeDecision\": \"APPROVE\"}", Locales.ZH_CN),
                "你不能审批自己提交的变更：需要另一位流程负责人或管理员。");
        assertThat(tasks.find(review.task().id()).orElseThrow().isOpen()).isTrue();
        assertThat(changes.request(request.id(), zhaomin()).state()).isEqualTo(ChangeRequest.State.REQUESTED);
        assignment.unclaim(review.task().id(), zhaomin());

        assignment.claim(review.task().id(), admin());
        refused(() -> tasks.complete(review.task().id(), admin(), "{\"changeDecision\": \"REJECT\"}", Locales.ZH_CN), "驳回时请写明理由。");
        tasks.complete(review.task().id(), admin(), "{\"changeDecision\": \"APPROVE\", \"changeNote\": \"可以\"}", Locales.ZH_CN);
        await().atMost(Duration.ofSeconds(30)).until(() -> changes.request(request.id(), zhaomin()).state() == ChangeRequest.State.APPROVED);
        ChangeRequest approved = changes.request(request.id(), zhaomin());
        assertThat(approved.decidedBy()).isEqualTo("admin");
        assertThat(approved.decisionNote()).isEqualTo("可以");

        ModelVersion v2 = changes.deploy(request.id(), zhaomin());
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.engineVersion()).isEqualTo(2);
        assertThat(v2.content()).containsPattern(":versionTag value=\"v2-rename\" />").contains("第一步（改名）");
        assertThat(changes.audit(name, zhaomin())).extracting(AuditEntry::action).startsWith(AuditEntry.Action.DEPLOYED,
                AuditEntry.Action.APPROVED, AuditEntry.Action.PROPOSED);
    }

    @Test
    void aRejectedChangeIsNeverDeployedAndAWithdrawnOneLeavesTheInbox() {
        String name = deployedProcess("第一步");
        changes.setFourEyes(name, true, admin());
        drafts.save(name, WorkbenchIT.process(name, "被驳回的名字"), 0, zhaomin());
        ChangeRequest rejected = changes.propose(name, "改名", null, false, zhaomin());
        TaskRow review = reviewTask(rejected, admin());
        assignment.claim(review.task().id(), admin());
        tasks.complete(review.task().id(), admin(), "{\"changeDecision\": \"REJECT\", \"changeNote\": \"名字不清楚\"}", Locales.ZH_CN);
        await().atMost(Duration.ofSeconds(30)).until(() -> changes.request(rejected.id(), zhaomin()).state() == ChangeRequest.State.REJECTED);
        refused(() -> changes.deploy(rejected.id(), zhaomin()), "这个变更请求已经关闭。");
        assertThat(models.version(rejected.proposalId()).orElseThrow().state()).isEqualTo(ModelVersion.State.REJECTED);
        assertThat(workbench.versions(name, zhaomin())).filteredOn(v -> v.state() == ModelVersion.State.DEPLOYED).hasSize(1);

        drafts.save(name, WorkbenchIT.process(name, "撤回的名字"), 0, zhaomin());
        ChangeRequest withdrawn = changes.propose(name, "再改名", null, false, zhaomin());
        TaskRow second = reviewTask(withdrawn, admin());
        refused(() -> changes.withdraw(withdrawn.id(), users.find("zhangwei").orElseThrow()), "只有流程负责人和管理员可以使用流程工作台。");
        changes.withdraw(withdrawn.id(), zhaomin());
        assertThat(changes.request(withdrawn.id(), zhaomin()).state()).isEqualTo(ChangeRequest.State.WITHDRAWN);
        await().atMost(Duration.ofSeconds(60)).until(() -> tasks.inbox(admin()).stream().noneMatch(r -> r.task().id() == second.task().id()));
    }

    @Test
    void aDraftSavedFromAStalePageIsAConflictAndNothingIsOverwritten() {
        String name = deployedProcess("第一步");
        drafts.save(name, WorkbenchIT.process(name, "窗口一"), 0, zhaomin());
        drafts.save(name, WorkbenchIT.process(name, "窗口一再改"), 1, zhaomin());
        refused(() -> drafts.save(name, WorkbenchIT.process(name, "窗口二"), 1, zhaomin()),
                "你的 " + name + " 草稿在你打开这个页面之后又被保存过（可能在另一个窗口）：没有覆盖。请重新打开页面，在最新的草稿上继续。");
        refused(() -> drafts.save(name, WorkbenchIT.process(name, "窗口三"), 0, zhaomin()), null);
        assertThat(drafts.find(name, zhaomin()).orElseThrow().content()).contains("窗口一再改");
        assertThat(drafts.find(name, zhaomin()).orElseThrow().revision()).isEqualTo(2);
    }

    @Test
    void aDraftBegunBeforeAnotherOwnersDeploymentIsRefusedUntilItIsRebuiltOnTheNewVersion() {
        String name = deployedProcess("第一步");
        drafts.save(name, WorkbenchIT.process(name, "赵敏的改动"), 0, zhaomin());
        drafts.save(name, WorkbenchIT.process(name, "管理员的改动"), 0, admin());
        assertThat(drafts.open(name, zhaomin()).others()).containsExactly("admin");
        changes.deploy(changes.propose(name, "管理员先部署", null, false, admin()).id(), admin());

        assertThat(drafts.open(name, zhaomin()).stale()).isTrue();
        refused(() -> changes.propose(name, "赵敏后提交", null, false, zhaomin()),
                "你开始这份草稿之后，v2 已由 系统管理员 部署：请先读一下它改了什么，把草稿改到新版本上，再点“以当前版本为基础”。");
        assertThat(workbench.versions(name, zhaomin())).hasSize(2);
        drafts.rebase(name, 1, zhaomin());
        ModelVersion v3 = changes.deploy(changes.propose(name, "赵敏在 v2 上重做", null, false, zhaomin()).id(), zhaomin());
        assertThat(v3.version()).isEqualTo(3);
        assertThat(v3.content()).contains("赵敏的改动");
    }

    @Test
    void theEnginesRefusalIsShownByElementAndNothingIsRecordedAsDeployed() {
        String name = deployedProcess("第一步");
        String id = name.replace(".bpmn", "");
        // Summit's checks pass it (no job type to look up); the engine refuses a service task with no job type
        drafts.save(name, Bpmn.convertToString(Bpmn.createExecutableProcess(id).name("工作台测试").startEvent("StartEvent_1").name("开始")
                .serviceTask("Task_NoType").name("没有任务类型").endEvent("EndEvent_1").name("结束").done()), 0, zhaomin());
        ChangeRequest request = changes.propose(name, "引擎会拒绝", null, false, zhaomin());
        assertThatThrownBy(() -> changes.deploy(request.id(), zhaomin())).isInstanceOfSatisfying(ModelChanges.RefusedException.class, e -> {
            assertThat(messages.getTranslation(e.messageKey(), Locales.ZH_CN, e.arguments()))
                    .startsWith("流程引擎拒绝了部署（1 个问题）：什么都没有部署");
            assertThat(e.findings()).singleElement().satisfies(f -> {
                assertThat(f.elementId()).isEqualTo("Task_NoType");
                assertThat(messages.getTranslation(f.messageKey(), Locales.ZH_CN, f.arguments().toArray())).startsWith("流程引擎：")
                        .contains("taskDefinition");
            });
        });
        assertThat(workbench.versions(name, zhaomin())).filteredOn(v -> v.state() == ModelVersion.State.DEPLOYED).hasSize(1);
        assertThat(models.version(request.proposalId()).orElseThrow().state()).isEqualTo(ModelVersion.State.PROPOSED);
        ChangeRequest after = changes.request(request.id(), zhaomin());
        assertThat(after.state()).isEqualTo(ChangeRequest.State.APPROVED);
        assertThat(after.lastFailure()).contains("Task_NoType");
        assertThat(changes.audit(name, zhaomin()).getFirst().action()).isEqualTo(AuditEntry.Action.DEPLOY_REFUSED);
    }

    @Test
    void aRollBackDeploysAPreviousVersionsContentAsTheNextVersionThroughTheSameChecks() {
        String name = deployedProcess("原来的名字");
        drafts.save(name, WorkbenchIT.process(name, "新名字"), 0, zhaomin());
        changes.deploy(changes.propose(name, "改名", null, false, zhaomin()).id(), zhaomin());
        ModelVersion v1 = workbench.versions(name, zhaomin()).stream().filter(v -> Integer.valueOf(1).equals(v.version())).findFirst().orElseThrow();

        refused(() -> changes.rollBack(v1.id(), " ", null, false, zhaomin()), "请写一句变更说明：为什么改、改了什么。");
        ChangeRequest rollBack = changes.rollBack(v1.id(), "新名字让销售看不懂，回滚", null, false, zhaomin());
        assertThat(rollBack.kind()).isEqualTo(ChangeRequest.Kind.ROLLBACK);
        ModelVersion v3 = changes.deploy(rollBack.id(), zhaomin());
        assertThat(v3.version()).isEqualTo(3);
        assertThat(v3.origin()).isEqualTo(ModelVersion.Origin.ROLLBACK);
        assertThat(v3.versionTag()).isEqualTo("v3");
        assertThat(v3.content()).contains("原来的名字").doesNotContain("新名字");
    }

    @Test
    void badModelsAreRefusedWhenProposedInWordsAndNothingIsStored() {
        String name = deployedProcess("第一步");
        String id = name.replace(".bpmn", "");
        int versionsBefore = workbench.versions(name, zhaomin()).size();

        drafts.save(name, Bpmn.convertToString(Bpmn.createExecutableProcess(id).startEvent().serviceTask("Task_Ghost", t -> t.zeebeJobType("no-such-worker"))
                .userTask("Task_NoForm", t -> t.zeebeFormId("no-such-form")).endEvent().done()), 0, zhaomin());
        assertThatThrownBy(() -> changes.propose(name, "坏模型", null, false, zhaomin())).isInstanceOfSatisfying(ModelChanges.RefusedException.class,
                e -> {
                    assertThat(messages.getTranslation(e.messageKey(), Locales.ZH_CN, e.arguments())).isEqualTo("检查发现 2 个错误：改好之前不能提交。");
                    assertThat(e.findings()).extracting(f -> f.elementId() + " " + messages.getTranslation(f.messageKey(), Locales.ZH_CN,
                            f.arguments().toArray())).containsExactlyInAnyOrder(
                                    "Task_Ghost 任务类型“no-such-worker”在本应用里没有处理程序：流程走到这里会一直停着。",
                                    "Task_NoForm 引用的表单“no-such-form”不存在。");
                });
        // a new file whose process id is another file's
        String copy = unique("wb-copy") + ".bpmn";
        drafts.createFile(copy, zhaomin());
        drafts.save(copy, WorkbenchIT.process(name, "抄来的"), 1, zhaomin());
        assertThatThrownBy(() -> changes.propose(copy, "重复的流程 ID", null, false, zhaomin()))
                .isInstanceOfSatisfying(ModelChanges.RefusedException.class, e -> assertThat(e.findings()).anySatisfy(f ->
                        assertThat(f.messageKey()).isEqualTo("workbench.check.duplicateProcessId")));
        // a model of 5 MB is refused before it is kept
        String huge = WorkbenchIT.process(name, "大").replace("</definitions>", "<!-- " + "x".repeat(5 * 1024 * 1024) + " --></definitions>");
        assertThat(huge.length()).isGreaterThan(5 * 1024 * 1024);
        refused(() -> drafts.save(name, huge, 1, zhaomin()), "模型文件太大（5 MB）：最多 2 MB。");

        assertThat(workbench.versions(name, zhaomin())).hasSize(versionsBefore);
        assertThat(changes.requests(name, zhaomin())).allMatch(r -> r.state() == ChangeRequest.State.DEPLOYED);
        assertThat(drafts.find(name, zhaomin()).orElseThrow().content()).contains("no-such-worker");
        assertThat(models.versionsOf(copy)).as("the new file was never stored").isEmpty();
    }

    @Test
    void nobodyButProcessOwnersAndAdminsMayUseAnyWorkbenchServiceAndOnlyAdminsSetFourEyes() {
        SummitUser rep = users.find("zhangwei").orElseThrow();
        SummitUser manager = users.find("lina").orElseThrow();
        String name = deployedProcess("第一步");
        ChangeRequest request = changes.requests(name, zhaomin()).getFirst();
        long version = request.proposalId();
        for (SummitUser user : List.of(rep, manager)) {
            List<ThrowableAssert.ThrowingCallable> calls = List.of(
                    () -> drafts.open(name, user), () -> drafts.find(name, user), () -> drafts.mine(user),
                    () -> drafts.save(name, "x", 0, user), () -> drafts.createFile("x.form", user), () -> drafts.startFrom(version, user),
                    () -> drafts.rebase(name, 1, user), () -> drafts.discard(name, user),
                    () -> changes.propose(name, "c", null, false, user), () -> changes.rollBack(version, "c", null, false, user),
                    () -> changes.deploy(request.id(), user), () -> changes.withdraw(request.id(), user), () -> changes.request(request.id(), user),
                    () -> changes.requests(name, user), () -> changes.audit(name, user), () -> changes.auditOfRequest(request.id(), user),
                    () -> changes.version(version, user), () -> changes.checkDecision(request.id(), user, "APPROVE", null),
                    () -> changes.setFourEyes(name, false, user));
            for (ThrowableAssert.ThrowingCallable call : calls) {
                assertThatThrownBy(call).isInstanceOf(UserFacingException.class);
            }
            for (ThrowableAssert.ThrowingCallable call : calls.subList(0, calls.size() - 1)) {
                refused(call, "只有流程负责人和管理员可以使用流程工作台。");
            }
        }
        refused(() -> changes.setFourEyes(name, true, zhaomin()), "只有管理员可以改这个设置。");
        assertThat(changes.fourEyes(name)).isFalse();
    }

    @Autowired com.summit.engine.ProcessEngine engine;

    @Test
    void aVersionsDiagramCountsTheOpenTasksAtEachElementAndTheLifecycleItsDealsAtEachStage() {
        String name = deployedProcess("第一步");
        String id = name.replace(".bpmn", "");
        engine.start(id, java.util.Map.of());
        engine.start(id, java.util.Map.of());
        ModelVersion v1 = models.versionsOf(name).getFirst();
        await().atMost(Duration.ofSeconds(30)).until(() -> workbench.liveCounts(v1.id(), zhaomin()).tasks().getOrDefault("Task_Step", 0) == 2);
        assertThat(workbench.liveCounts(v1.id(), zhaomin()).cases()).isEmpty();

        ModelVersion lifecycle = models.current().stream().filter(v -> v.resourceName().equals("opportunity-lifecycle.bpmn")).findFirst().orElseThrow();
        WorkbenchService.LiveCounts counts = workbench.liveCounts(lifecycle.id(), zhaomin());
        Integer atNeedConfirmation = jdbc.sql("select count(*) from opportunity where status in ('OPEN', 'PAUSED') and stage = 'NEED_CONFIRMATION'")
                .query(Integer.class).single();
        assertThat(atNeedConfirmation).isPositive();
        assertThat(counts.cases()).containsEntry("Stage_NeedConfirmation", atNeedConfirmation);
        assertThat(counts.tasks()).isNotEmpty();
        assertThatThrownBy(() -> workbench.liveCounts(lifecycle.id(), users.find("zhangwei").orElseThrow())).isInstanceOf(UserFacingException.class);
    }

    @Autowired com.summit.workbench.service.ModelTranslations translations;

    @Test
    void theEnglishAnOwnerWritesForANewTaskIsWhatTheInboxShowsInEnglish() {
        String name = deployedProcess("现场考察");
        String id = name.replace(".bpmn", "");
        ModelVersion v1 = models.versionsOf(name).getFirst();
        String key = "bpmn." + id + ".Task_Step";
        assertThat(translations.texts(v1.id(), zhaomin())).filteredOn(t -> t.key().equals(key)).singleElement()
                .satisfies(t -> {
                    assertThat(t.original()).isEqualTo("现场考察");
                    assertThat(t.missing()).isTrue();
                });
        refused(() -> translations.save(v1.id(), java.util.Map.of("bpmn.some-other.Task", "Other"), zhaomin()), "“bpmn.some-other.Task”不是这个版本里的文字。");
        refused(() -> translations.save(v1.id(), java.util.Map.of(key, " "), zhaomin()), "“现场考察”的英文不能为空，最多 4000 个字符。");
        refused(() -> translations.save(v1.id(), java.util.Map.of(key, "Site visit"), users.find("zhangwei").orElseThrow()),
                "只有流程负责人和管理员可以使用流程工作台。");
        assertThat(messages.find(key, java.util.Locale.ENGLISH)).isEmpty();

        translations.save(v1.id(), java.util.Map.of(key, "Site visit", "bpmn." + id + ".name", "Workbench test"), zhaomin());
        assertThat(messages.find(key, java.util.Locale.ENGLISH)).contains("Site visit");
        assertThat(messages.find(key, Locales.ZH_CN)).as("Chinese comes from the model itself").isEmpty();
        assertThat(translations.texts(v1.id(), zhaomin())).filteredOn(t -> t.key().equals(key)).singleElement()
                .satisfies(t -> assertThat(t.english()).isEqualTo("Site visit"));
        long instance = engine.start(id, java.util.Map.of());
        SummitUser rep = users.find("zhangwei").orElseThrow();
        TaskRow row = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.inbox(rep, java.util.Locale.ENGLISH).stream()
                .filter(r -> r.task().processInstanceKey() == instance).findFirst(), Optional::isPresent).orElseThrow();
        assertThat(row.name()).isEqualTo("Site visit");
        assertThat(tasks.inbox(rep, Locales.ZH_CN).stream().filter(r -> r.task().processInstanceKey() == instance).findFirst().orElseThrow().name())
                .isEqualTo("现场考察");
    }

    @Test
    void theAuditTrailIsNeverEdited() {
        String name = deployedProcess("第一步");
        long id = changes.audit(name, zhaomin()).getFirst().id();
        assertThatThrownBy(() -> jdbc.sql("update workbench_audit set actor = 'someone' where id = :id").param("id", id).update())
                .hasMessageContaining("never edited");
        assertThatThrownBy(() -> jdbc.sql("delete from workbench_audit where id = :id").param("id", id).update())
                .hasMessageContaining("never edited");
        assertThat(changes.audit(name, zhaomin()).getFirst().actor()).isEqualTo("zhaomin");
    }

    private TaskRow reviewTask(ChangeRequest request, SummitUser who) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> tasks.inbox(who).stream()
                .filter(r -> r.task().bpmnProcessId().equals("model-change-approval"))
                .filter(r -> tasks.open(r.task().id(), who, Locales.ZH_CN).context().stream()
                        .anyMatch(c -> ("/workbench/request/" + request.id()).equals(c.href())))
                .findFirst(), Optional::isPresent).orElseThrow();
    }

    private void refused(ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(UserFacingException.class, e -> {
            if (message != null) {
                assertThat(messages.getTranslation(e.messageKey(), Locales.ZH_CN, e.arguments())).isEqualTo(message);
            }
        });
    }
}
