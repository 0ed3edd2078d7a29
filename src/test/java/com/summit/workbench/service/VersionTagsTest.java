package com.summit.workbench.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.summit.engine.ModelVersion;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeVersionTag;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A version tag set in the process itself, read back by Zeebe's own model API; the rest of the file as written. */
class VersionTagsTest {

    private static String tagOf(String xml) {
        var model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Process process = model.getModelElementsByType(Process.class).iterator().next();
        return process.getExtensionElements() == null ? null : process.getExtensionElements().getElementsQuery()
                .filterByType(ZeebeVersionTag.class).list().stream().map(ZeebeVersionTag::getValue).findFirst().orElse(null);
    }

    @Test
    void aProcessWithoutExtensionsGetsItsTag() throws IOException {
        String xml = Files.readString(Path.of("bpmn/customer-downgrade.bpmn"));
        String tagged = VersionTags.apply(ModelVersion.Kind.BPMN, xml, "2026-12 降级确认");
        assertThat(tagOf(tagged)).isEqualTo("2026-12 降级确认");
        assertThat(tagged.replaceFirst("<bpmn:extensionElements><zeebe:versionTag value=\"2026-12 降级确认\" /></bpmn:extensionElements>", ""))
                .isEqualTo(xml);
    }

    @Test
    void aTagSetBeforeIsReplacedNotDoubled() throws IOException {
        String xml = Files.readString(Path.of("bpmn/customer-downgrade.bpmn"));
        String twice = VersionTags.apply(ModelVersion.Kind.BPMN, VersionTags.apply(ModelVersion.Kind.BPMN, xml, "v2"), "v3");
        assertThat(tagOf(twice)).isEqualTo("v3");
        assertThat(twice.split("versionTag", -1)).hasSize(2);
    }

    @Test
    void theLifecycleWithItsOwnExtensionsKeepsThemAndGetsTheTag() throws IOException {
        String xml = Files.readString(Path.of("bpmn/opportunity-lifecycle.bpmn"));
        String tagged = VersionTags.apply(ModelVersion.Kind.BPMN, xml, "v2 <site visit> & \"more\"");
        assertThat(tagOf(tagged)).isEqualTo("v2 <site visit> & \"more\"");
        assertThat(ModelDiff.of(ModelVersion.Kind.BPMN, xml, tagged)).singleElement().satisfies(c -> assertThat(c.elementId())
                .isEqualTo("opportunity-lifecycle")).satisfies(c -> assertThat(c.parts()).contains("versionTag"));
    }

    @Test
    void decisionTablesAndFormsAreLeftAsTheyAre() throws IOException {
        String dmn = Files.readString(Path.of("bpmn/stage-gate.dmn"));
        assertThat(VersionTags.apply(ModelVersion.Kind.DMN, dmn, "v2")).isEqualTo(dmn);
        assertThat(VersionTags.apply(ModelVersion.Kind.BPMN, dmn, " ")).isEqualTo(dmn);
    }
}
