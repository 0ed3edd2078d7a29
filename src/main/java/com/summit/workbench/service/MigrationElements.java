package com.summit.workbench.service;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The flow nodes of a process version, in the order of the file: what a migration maps. */
final class MigrationElements {

    private MigrationElements() {}

    static List<InstanceMigrations.Element> of(String bpmnXml) {
        var model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmnXml.getBytes(StandardCharsets.UTF_8)));
        return model.getModelElementsByType(FlowNode.class).stream()
                .map(n -> new InstanceMigrations.Element(n.getId(),
                        n.getName() == null || n.getName().isBlank() ? n.getId() : n.getName().strip(),
                        n.getElementType().getTypeName()))
                .toList();
    }
}
