package com.summit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Gateway;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The processes in {@code bpmn/}, as bpmnlint's {@code fake-join} rule reads them: a flow node that is not a gateway
 * has at most one incoming flow (a join goes through a merging gateway, so the diagram says what the engine does),
 * and every flow node and flow is drawn.
 */
class SeedModelsTest {

    static Stream<Path> processes() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("processes")
    void noStepJoinsFlowsWithoutAGatewayAndEveryElementIsDrawn(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        List<String> fakeJoins = model.getModelElementsByType(FlowNode.class).stream()
                .filter(n -> !(n instanceof Gateway) && n.getIncoming().size() > 1).map(FlowNode::getId).toList();
        assertThat(fakeJoins).as(file + ": steps with more than one incoming flow").isEmpty();
        List<String> drawn = Stream.concat(model.getModelElementsByType(BpmnShape.class).stream().map(s -> s.getBpmnElement().getId()),
                model.getModelElementsByType(BpmnEdge.class).stream().map(e -> e.getBpmnElement().getId())).toList();
        List<String> undrawn = Stream.concat(model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId),
                model.getModelElementsByType(SequenceFlow.class).stream().map(SequenceFlow::getId)).filter(id -> !drawn.contains(id)).toList();
        assertThat(undrawn).as(file + ": elements without a shape or an edge").isEmpty();
    }
}
