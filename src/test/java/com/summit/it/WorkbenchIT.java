package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.summit.base.UserFacingException;
import com.summit.base.i18n.Locales;
import com.summit.base.i18n.Messages;
import com.summit.engine.ModelStore;
import com.summit.engine.ModelVersion;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.workbench.service.WorkbenchService;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Where the models live: every version in PostgreSQL, the app's files as the seed, a changed file a proposal. */
class WorkbenchIT extends LocalAppIT {

    @Autowired WorkbenchService workbench;
    @Autowired com.summit.workbench.service.InstanceMigrations migrations;
    @Autowired ModelStore models;
    @Autowired UserService users;
    @Autowired Messages messages;
    @Autowired JdbcClient jdbc;
    @Autowired com.summit.engine.ProcessEngine engine;
    @Autowired com.summit.tasklist.service.TaskService tasks;

    @Test
    void everyFileOfTheAppIsTheFirstVersionOfItsModelAndIsWhatRuns() throws IOException {
        SummitUser owner = users.find("zhaomin").orElseThrow();
        Map<String, String> files = appFiles();
        List<WorkbenchService.ModelRow> rows = workbench.models(owner);
        assertThat(rows).extracting(WorkbenchService.ModelRow::resourceName).containsAll(files.keySet());
        WorkbenchService.ModelRow lifecycle = rows.stream().filter(r -> r.resourceName().equals("opportunity-lifecycle.bpmn")).findFirst().orElseThrow();
        assertThat(lifecycle.kind()).isEqualTo(ModelVersion.Kind.BPMN);
        assertThat(lifecycle.modelId()).isEqualTo("opportunity-lifecycle");
        assertThat(lifecycle.version()).isEqualTo(1);
        assertThat(lifecycle.deployedBy()).isEqualTo(ModelStore.SYSTEM);
        assertThat(rows.stream().filter(r -> r.resourceName().equals("stage-gate.dmn")).findFirst().orElseThrow().kind()).isEqualTo(ModelVersion.Kind.DMN);
        assertThat(rows.stream().filter(r -> r.resourceName().equals("opportunity-start.form")).findFirst().orElseThrow().modelId())
                .isEqualTo("opportunity-start");

        List<ModelVersion> versions = workbench.versions("opportunity-lifecycle.bpmn", owner);
        assertThat(versions).hasSize(1);
        ModelVersion seed = versions.getFirst();
        assertThat(seed.state()).isEqualTo(ModelVersion.State.DEPLOYED);
        assertThat(seed.origin()).isEqualTo(ModelVersion.Origin.SEED);
        assertThat(seed.comment()).isEqualTo("bpmn/opportunity-lifecycle.bpmn");
        assertThat(seed.content()).isEqualTo(files.get("opportunity-lifecycle.bpmn"));
        // the engine numbered it as Summit did
        assertThat(seed.engineVersion()).isEqualTo(1);
    }

    @Test
    void aChangedFileOfTheAppIsProposedOnceAndTheDeployedVersionStaysWhatStartsUp() {
        SummitUser owner = users.find("zhaomin").orElseThrow();
        String name = "workbench-seed-" + UUID.randomUUID().toString().substring(0, 6) + ".bpmn";
        String first = process(name, "第一版");
        String changed = process(name, "第二版");

        assertThat(models.registerFiles(List.of(new ModelStore.ModelFile(name, first)))).isEmpty();
        List<ModelVersion> proposed = models.registerFiles(List.of(new ModelStore.ModelFile(name, changed)));
        assertThat(proposed).singleElement().satisfies(v -> {
            assertThat(v.state()).isEqualTo(ModelVersion.State.PROPOSED);
            assertThat(v.origin()).isEqualTo(ModelVersion.Origin.FILE);
            assertThat(v.version()).as("a proposal has no number until it is deployed").isNull();
        });
        // the same file at the next start proposes nothing more, and the seed's own content nothing either
        assertThat(models.registerFiles(List.of(new ModelStore.ModelFile(name, changed)))).isEmpty();
        assertThat(models.registerFiles(List.of(new ModelStore.ModelFile(name, first)))).isEmpty();

        assertThat(workbench.versions(name, owner)).extracting(ModelVersion::state, ModelVersion::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ModelVersion.State.PROPOSED, null),
                        org.assertj.core.groups.Tuple.tuple(ModelVersion.State.DEPLOYED, 1));
        assertThat(workbench.models(owner)).filteredOn(r -> r.resourceName().equals(name)).singleElement()
                .satisfies(r -> assertThat(r.proposals()).isEqualTo(1));
        // what a restart deploys, to the embedded engine or to a cluster, is the deployed version, not the changed file
        for (boolean engineForgets : List.of(true, false)) {
            assertThat(models.startupDeployments(engineForgets).stream().flatMap(List::stream).filter(v -> v.resourceName().equals(name)))
                    .extracting(ModelVersion::content).containsExactly(first);
        }
    }

    @Test
    void theVersionsListCountsTheRunningInstancesOnEachVersion() {
        SummitUser owner = users.find("zhaomin").orElseThrow();
        SummitUser rep = users.find("zhangwei").orElseThrow();
        String name = "workbench-count-" + UUID.randomUUID().toString().substring(0, 6) + ".bpmn";
        String processId = name.replace(".bpmn", "");
        ModelVersion first = models.deployNew(name, process(name, "第一版"), ModelVersion.Origin.WORKBENCH, "初版", "v1", "zhaomin");
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.engineVersion()).isEqualTo(1);
        engine.start(processId, Map.of());
        engine.start(processId, Map.of());
        ModelVersion second = models.deployNew(name, process(name, "第二版"), ModelVersion.Origin.WORKBENCH, "改名", "v2", "zhaomin");
        assertThat(second.version()).isEqualTo(2);
        long onSecond = engine.start(processId, Map.of());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> tasks.inbox(rep).stream()
                .anyMatch(r -> r.task().processInstanceKey() == onSecond));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> migrations.runningByVersion(owner, name), counts -> counts.equals(Map.of(1, 2, 2, 1)));
        assertThat(migrations.runningByVersion(owner, "stage-gate.dmn")).as("a decision table has no instances").isEmpty();
        assertThatThrownBy(() -> migrations.runningByVersion(rep, name)).isInstanceOf(UserFacingException.class);
    }

    @Test
    void theCurrentModelsDownloadAsAZipWithTheRepositorysLayout() throws IOException {
        SummitUser admin = users.find("admin").orElseThrow();
        WorkbenchService.Download zip = workbench.currentModels(admin);
        assertThat(zip.fileName()).startsWith("summit-models-").endsWith(".zip");
        Map<String, String> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.bytes()), StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        appFiles().forEach((name, content) -> {
            String path = (name.endsWith(".form") ? "forms/" : "bpmn/") + name;
            assertThat(entries).as(path).containsEntry(path, content);
        });

        ModelVersion lifecycle = workbench.versions("opportunity-lifecycle.bpmn", admin).getLast();
        WorkbenchService.Download one = workbench.download(lifecycle.id(), admin);
        assertThat(one.fileName()).isEqualTo("opportunity-lifecycle.v1.bpmn");
        assertThat(new String(one.bytes(), StandardCharsets.UTF_8)).isEqualTo(lifecycle.content());
    }

    @Test
    void onlyProcessOwnersAndAdminsMayUseTheWorkbench() {
        long versionId = workbench.versions("stage-gate.dmn", users.find("zhaomin").orElseThrow()).getFirst().id();
        for (String username : List.of("zhangwei", "lina", "wangfang", "sunli")) {
            SummitUser user = users.find(username).orElseThrow();
            assertRefused(() -> workbench.models(user));
            assertRefused(() -> workbench.versions("stage-gate.dmn", user));
            assertRefused(() -> workbench.download(versionId, user));
            assertRefused(() -> workbench.currentModels(user));
            assertRefused(() -> workbench.check("x.bpmn", "<x/>", user, Locales.ZH_CN));
        }
    }

    @Test
    void aVersionIsNeverEditedNorDeleted() {
        long id = workbench.versions("stage-gate.dmn", users.find("zhaomin").orElseThrow()).getLast().id();
        String before = jdbc.sql("select content from model_version where id = :id").param("id", id).query(String.class).single();
        assertThatThrownBy(() -> jdbc.sql("update model_version set content = 'x' where id = :id").param("id", id).update())
                .hasMessageContaining("a model version is never edited");
        jdbc.sql("delete from model_version where id = :id").param("id", id).update();
        assertThat(jdbc.sql("select content from model_version where id = :id").param("id", id).query(String.class).single()).isEqualTo(before);
    }

    @Test
    void anUnknownModelOrVersionIsNotFoundInWords() {
        SummitUser owner = users.find("zhaomin").orElseThrow();
        assertThatThrownBy(() -> workbench.versions("no-such-model.bpmn", owner)).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(messages.getTranslation(e.messageKey(), Locales.ZH_CN, e.arguments())).isEqualTo("没有模型文件 no-such-model.bpmn。"));
        assertThatThrownBy(() -> workbench.download(-1, owner)).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(messages.getTranslation(e.messageKey(), Locales.EN, e.arguments())).isEqualTo("This version does not exist."));
    }

    @Test
    void theAppsOwnModelsPassSummitsChecksWithNoErrors() throws IOException {
        SummitUser owner = users.find("zhaomin").orElseThrow();
        for (Map.Entry<String, String> file : appFiles().entrySet()) {
            assertThat(workbench.check(file.getKey(), file.getValue(), owner, Locales.ZH_CN)).as(file.getKey())
                    .noneMatch(WorkbenchService.CheckResult::error);
        }
    }

    @Test
    void eachBadModelIsRefusedInWordsAtItsElementAndNothingIsStored() {
        SummitUser owner = users.find("zhaomin").orElseThrow();
        long versionsBefore = jdbc.sql("select count(*) from model_version").query(Long.class).single();
        String id = "check-" + UUID.randomUUID().toString().substring(0, 6);

        String noWorker = io.camunda.zeebe.model.bpmn.Bpmn.convertToString(io.camunda.zeebe.model.bpmn.Bpmn.createExecutableProcess(id)
                .startEvent("Start").serviceTask("Task_Unknown", t -> t.zeebeJobType("no-such-worker")).endEvent().done());
        assertThat(workbench.check(id + ".bpmn", noWorker, owner, Locales.ZH_CN)).singleElement().satisfies(r -> {
            assertThat(r.error()).isTrue();
            assertThat(r.elementId()).isEqualTo("Task_Unknown");
            assertThat(r.message()).isEqualTo("任务类型“no-such-worker”在本应用里没有处理程序：流程走到这里会一直停着。");
        });

        String noForm = io.camunda.zeebe.model.bpmn.Bpmn.convertToString(io.camunda.zeebe.model.bpmn.Bpmn.createExecutableProcess(id)
                .startEvent("Start").userTask("Task_Visit", t -> t.zeebeFormId("site-visit-missing").zeebeCandidateGroups("NOBODY_HERE"))
                .endEvent().done());
        assertThat(workbench.check(id + ".bpmn", noForm, owner, Locales.EN)).extracting(WorkbenchService.CheckResult::elementId,
                WorkbenchService.CheckResult::message).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("Task_Visit", "The linked form \"site-visit-missing\" does not exist."),
                org.assertj.core.groups.Tuple.tuple("Task_Visit", "The candidate group \"NOBODY_HERE\" has nobody in it: nobody could do the task."));

        String camundaUserTask = io.camunda.zeebe.model.bpmn.Bpmn.convertToString(io.camunda.zeebe.model.bpmn.Bpmn.createExecutableProcess(id)
                .startEvent("Start").userTask("Task_Native", t -> t.zeebeUserTask().zeebeAssignee("zhangwei")).endEvent().done());
        assertThat(workbench.check(id + ".bpmn", camundaUserTask, owner, Locales.ZH_CN)).singleElement().satisfies(r -> {
            assertThat(r.error()).as("a task nobody's inbox would show").isTrue();
            assertThat(r.elementId()).isEqualTo("Task_Native");
            assertThat(r.message()).contains("Camunda 用户任务").contains("Job worker");
        });

        String calls = io.camunda.zeebe.model.bpmn.Bpmn.convertToString(io.camunda.zeebe.model.bpmn.Bpmn.createExecutableProcess(id)
                .startEvent("Start").callActivity("Call_Missing", c -> c.zeebeProcessId("no-such-process"))
                .businessRuleTask("Decide_Missing", b -> b.zeebeCalledDecisionId("no-such-decision").zeebeResultVariable("r"))
                .callActivity("Call_Known", c -> c.zeebeProcessId("veto-approval"))
                .businessRuleTask("Decide_Known", b -> b.zeebeCalledDecisionId("stage-gate").zeebeResultVariable("r2")).endEvent().done());
        assertThat(workbench.check(id + ".bpmn", calls, owner, Locales.ZH_CN)).extracting(WorkbenchService.CheckResult::elementId,
                WorkbenchService.CheckResult::message).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("Call_Missing", "被调用的流程“no-such-process”不存在。"),
                org.assertj.core.groups.Tuple.tuple("Decide_Missing", "引用的决策“no-such-decision”不存在。"));

        assertThat(workbench.check("copy-of-lifecycle.bpmn", appFile("bpmn/opportunity-lifecycle.bpmn"), owner, Locales.ZH_CN))
                .filteredOn(WorkbenchService.CheckResult::error).singleElement().satisfies(r -> assertThat(r.message())
                        .isEqualTo("流程 ID“opportunity-lifecycle”已经属于另一个模型文件 opportunity-lifecycle.bpmn：一个流程只能有一个文件。"));

        assertThat(workbench.check(id + ".bpmn", "<html><body>不是流程</body></html>", owner, Locales.ZH_CN)).singleElement()
                .satisfies(r -> assertThat(r.message()).startsWith("这不是一个能读的 BPMN 流程模型："));

        String badFeel = appFile("bpmn/stage-gate.dmn").replaceFirst("<text>([^<]*)</text>", "<text>&gt;= (((</text>");
        assertThat(workbench.check("stage-gate.dmn", badFeel, owner, Locales.ZH_CN)).singleElement().satisfies(r -> {
            assertThat(r.error()).isTrue();
            assertThat(r.message()).startsWith("决策表无法被 DMN 引擎解析：").containsIgnoringCase("FEEL");
        });

        assertThat(workbench.check(id + ".form", "{\"components\": \"nope\"}", owner, Locales.ZH_CN)).singleElement()
                .satisfies(r -> assertThat(r.message()).isEqualTo("这不是 form-js 表单（需要 \"type\": \"default\" 和 \"components\" 列表）。"));
        assertThat(workbench.check(id + ".form", "{not json", owner, Locales.EN)).singleElement()
                .satisfies(r -> assertThat(r.message()).startsWith("This is not JSON:"));

        String huge = "<?xml version=\"1.0\"?><!--" + "x".repeat(5 * 1024 * 1024) + "-->";
        assertThat(workbench.check(id + ".bpmn", huge, owner, Locales.ZH_CN)).singleElement()
                .satisfies(r -> assertThat(r.message()).isEqualTo("模型文件太大（5 MB）：最多 2 MB。"));
        assertThat(workbench.check("../etc/passwd", "x", owner, Locales.ZH_CN)).singleElement()
                .satisfies(r -> assertThat(r.message()).startsWith("文件名“../etc/passwd”不行"));

        assertThat(jdbc.sql("select count(*) from model_version").query(Long.class).single()).as("a check stores nothing").isEqualTo(versionsBefore);
    }

    private static String appFile(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(messages.getTranslation(e.messageKey(), Locales.ZH_CN, e.arguments()))
                        .isEqualTo("只有流程负责人和管理员可以使用流程工作台。"));
    }

    /** The model files in the repository: what the app seeds its database with. */
    private static Map<String, String> appFiles() throws IOException {
        Map<String, String> files = new HashMap<>();
        for (Path dir : List.of(Path.of("bpmn"), Path.of("forms"))) {
            try (Stream<Path> paths = Files.list(dir)) {
                for (Path p : paths.toList()) {
                    files.put(p.getFileName().toString(), Files.readString(p));
                }
            }
        }
        return files;
    }

    static String process(String resourceName, String taskName) {
        String id = resourceName.replace(".bpmn", "");
        return io.camunda.zeebe.model.bpmn.Bpmn.convertToString(io.camunda.zeebe.model.bpmn.Bpmn.createExecutableProcess(id).name("工作台测试")
                .startEvent().userTask("Task_Step", t -> t.name(taskName).zeebeAssignee("zhangwei")).endEvent().done());
    }
}
