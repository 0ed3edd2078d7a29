package com.summit.tasklist.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A user task gives back to its process the fields its form lets the user edit, and who submitted them: nothing the
 * browser adds, and no display value. Its output mappings say so in the model, for the engine to enforce.
 */
class UserTaskOutputsTest {

    @Test
    void everyUserTaskMapsOutExactlyItsFormsEditableFieldsAndWhoCompletedIt() throws IOException {
        Map<String, List<String>> editable = editableFieldsOfEveryForm();
        Map<String, List<String>> mismatches = new LinkedHashMap<>();
        int tasks = 0;
        try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
            for (Path model : models.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
                var instance = Bpmn.readModelFromFile(model.toFile());
                for (UserTask task : instance.getModelElementsByType(UserTask.class)) {
                    tasks++;
                    ZeebeFormDefinition form = task.getSingleExtensionElement(ZeebeFormDefinition.class);
                    assertThat(form).as("the form of %s in %s", task.getId(), model).isNotNull();
                    List<String> expected = new ArrayList<>(editable.getOrDefault(form.getFormId(), List.of()));
                    assertThat(expected).as("the editable fields of form %s", form.getFormId()).isNotEmpty();
                    expected.add("completedBy");
                    ZeebeIoMapping io = task.getSingleExtensionElement(ZeebeIoMapping.class);
                    List<String> targets = new ArrayList<>();
                    if (io != null) {
                        for (ZeebeOutput out : io.getOutputs()) {
                            assertThat(out.getSource()).as("%s maps %s from the value of the same name", task.getId(), out.getTarget())
                                    .isEqualTo("=" + out.getTarget());
                            targets.add(out.getTarget());
                        }
                    }
                    if (!targets.equals(expected)) {
                        mismatches.put(model.getFileName() + " " + task.getId(), targets);
                    }
                }
            }
        }
        assertThat(tasks).as("user tasks in bpmn/").isGreaterThanOrEqualTo(12);
        assertThat(mismatches).as("user tasks whose outputs are not their form's editable fields and completedBy").isEmpty();
    }

    private static Map<String, List<String>> editableFieldsOfEveryForm() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, List<String>> fields = new HashMap<>();
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(f -> f.toString().endsWith(".form")).toList()) {
                JsonNode root = json.readTree(form.toFile());
                List<String> keys = new ArrayList<>();
                editable(root.path("components"), keys);
                fields.put(root.path("id").asText(), keys);
            }
        }
        return fields;
    }

    private static void editable(JsonNode components, List<String> keys) {
        for (JsonNode c : components) {
            editable(c.path("components"), keys);
            if (c.hasNonNull("key") && !c.path("readonly").asBoolean(false) && !c.path("disabled").asBoolean(false)) {
                keys.add(c.get("key").asText());
            }
        }
    }
}
