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
    @Autowired ModelStore models;
    @Autowired UserService users;
    @Autowired Messages messages;
    @Autowired JdbcClient jdbc;

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
