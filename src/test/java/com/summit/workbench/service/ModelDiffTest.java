package com.summit.workbench.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.summit.engine.ModelVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a change does to a model, element by element, as the reviewer reads it. */
class ModelDiffTest {

    private static String file(String path) throws IOException {
        return Files.readString(Path.of(path));
    }

    @Test
    void aSiteVisitAddedToStageThreeIsAnAddedTaskInsideItsStageWithItsFlows() throws IOException {
        String before = file("bpmn/opportunity-lifecycle.bpmn");
        String after = before.replace("<bpmn:sequenceFlow id=\"Stage_SolutionDesign_F1\" sourceRef=\"Stage_SolutionDesign_Start\" targetRef=\"Gateway_DesignSolution_Merge\" />",
                "<bpmn:userTask id=\"Task_SiteVisit\" name=\"现场考察\"><bpmn:extensionElements><zeebe:formDefinition formId=\"site-visit\" />"
                        + "<zeebe:assignmentDefinition assignee=\"=owner\" /></bpmn:extensionElements></bpmn:userTask>"
                        + "<bpmn:sequenceFlow id=\"Stage_SolutionDesign_F1\" sourceRef=\"Stage_SolutionDesign_Start\" targetRef=\"Task_SiteVisit\" />"
                        + "<bpmn:sequenceFlow id=\"Flow_AfterSiteVisit\" sourceRef=\"Task_SiteVisit\" targetRef=\"Gateway_DesignSolution_Merge\" />");
        assertThat(after).as("the stage's first flow was found and rewired").isNotEqualTo(before);
        List<ModelDiff.Change> changes = ModelDiff.of(ModelVersion.Kind.BPMN, before, after);
        assertThat(changes).filteredOn(c -> c.kind() == ModelDiff.Kind.ADDED).extracting(ModelDiff.Change::elementId, ModelDiff.Change::type,
                ModelDiff.Change::containerId).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Task_SiteVisit", "userTask", "Stage_SolutionDesign"),
                        org.assertj.core.groups.Tuple.tuple("Flow_AfterSiteVisit", "sequenceFlow", "Stage_SolutionDesign"));
        assertThat(changes).filteredOn(c -> c.kind() == ModelDiff.Kind.CHANGED).singleElement().satisfies(c -> {
            assertThat(c.elementId()).isEqualTo("Stage_SolutionDesign_F1");
            assertThat(c.parts()).containsExactly("@targetRef");
        });
        assertThat(changes).noneMatch(c -> c.kind() == ModelDiff.Kind.REMOVED);
    }

    @Test
    void aRenamedTaskAndAChangedFormLinkAreNamedAsSuch() throws IOException {
        String before = file("bpmn/customer-downgrade.bpmn");
        String after = before.replace("name=\"确认战略客户降级\"", "name=\"确认降级\"").replace("formId=\"customer-downgrade\"", "formId=\"downgrade-v2\"");
        assertThat(ModelDiff.of(ModelVersion.Kind.BPMN, before, after)).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ModelDiff.Kind.CHANGED);
            assertThat(c.elementId()).isEqualTo("Task_ConfirmDowngrade");
            assertThat(c.name()).isEqualTo("确认降级");
            assertThat(c.before()).isEqualTo("确认战略客户降级");
            assertThat(c.parts()).containsExactly("formDefinition", "name");
        });
    }

    @Test
    void aMovedShapeIsNoChange() throws IOException {
        String before = file("bpmn/customer-downgrade.bpmn");
        String after = before.replace("<dc:Bounds x=\"240\" y=\"80\"", "<dc:Bounds x=\"260\" y=\"90\"");
        assertThat(after).isNotEqualTo(before);
        assertThat(ModelDiff.of(ModelVersion.Kind.BPMN, before, after)).isEmpty();
    }

    @Test
    void aDecisionTableChangeIsReadRowByRow() throws IOException {
        String before = file("bpmn/stage-gate.dmn");
        java.util.regex.Matcher rule = java.util.regex.Pattern.compile("<rule id=\"([^\"]+)\">").matcher(before);
        assertThat(rule.find()).isTrue();
        String firstRule = rule.group(1);
        // the first rule's first input entry becomes something else; one rule is removed
        int start = before.indexOf("<rule id=\"" + firstRule + "\">");
        int entry = before.indexOf("<text>", before.indexOf("<inputEntry", start)) + "<text>".length();
        int entryEnd = before.indexOf("</text>", entry);
        String after = before.substring(0, entry) + "\"CHANGED_BY_TEST\"" + before.substring(entryEnd);
        assertThat(rule.find()).isTrue();
        String secondRule = rule.group(1);
        int s2 = after.indexOf("<rule id=\"" + secondRule + "\">");
        int e2 = after.indexOf("</rule>", s2) + "</rule>".length();
        after = after.substring(0, s2) + after.substring(e2);

        List<ModelDiff.Change> changes = ModelDiff.of(ModelVersion.Kind.DMN, before, after);
        assertThat(changes).extracting(ModelDiff.Change::kind, ModelDiff.Change::elementId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ModelDiff.Kind.CHANGED, firstRule), org.assertj.core.groups.Tuple.tuple(ModelDiff.Kind.REMOVED, secondRule));
        ModelDiff.Change changed = changes.getFirst();
        assertThat(changed.type()).isEqualTo("rule");
        assertThat(changed.parts()).containsExactly("entries");
        assertThat(changed.after()).startsWith("\"CHANGED_BY_TEST\"").contains(" → ");
        assertThat(changed.before()).doesNotContain("CHANGED_BY_TEST");
    }

    @Test
    void aFormsFieldsAddedRemovedAndRelabelledAreListed() throws IOException {
        String before = file("forms/customer-downgrade.form");
        String after = before.replace("\"label\": \"说明\"", "\"label\": \"理由\"")
                .replace("{ \"type\": \"textfield\", \"key\": \"toTierName\", \"label\": \"规则建议的新等级\", \"readonly\": true, \"id\": \"Field_toTier\" },", "")
                .replace("\"components\": [", "\"components\": [ { \"type\": \"datetime\", \"key\": \"visitDate\", \"dateLabel\": \"考察日期\", \"id\": \"Field_visitDate\" },");
        List<ModelDiff.Change> changes = ModelDiff.of(ModelVersion.Kind.FORM, before, after);
        assertThat(changes).extracting(ModelDiff.Change::kind, ModelDiff.Change::elementId).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(ModelDiff.Kind.ADDED, "Field_visitDate"),
                org.assertj.core.groups.Tuple.tuple(ModelDiff.Kind.CHANGED, "Field_note"),
                org.assertj.core.groups.Tuple.tuple(ModelDiff.Kind.REMOVED, "Field_toTier"));
        assertThat(changes).filteredOn(c -> c.kind() == ModelDiff.Kind.CHANGED).singleElement()
                .satisfies(c -> assertThat(c.parts()).containsExactly("label"));
    }

    @Test
    void aNewFileIsAllAdditions() throws IOException {
        assertThat(ModelDiff.of(ModelVersion.Kind.FORM, null, file("forms/customer-downgrade.form")))
                .isNotEmpty().allMatch(c -> c.kind() == ModelDiff.Kind.ADDED);
    }
}
