package com.summit.workbench.service;

/** What a new model file begins as: the smallest model of its kind that Summit's checks and the engine accept. */
final class EmptyModels {

    private EmptyModels() {}

    static String of(String resourceName) {
        int dot = resourceName.lastIndexOf('.');
        String id = resourceName.substring(0, dot);
        return switch (resourceName.substring(dot + 1)) {
            case "form" -> """
                    {
                      "$schema": "https://unpkg.com/@bpmn-io/form-json-schema@1.23.0/resources/schema.json",
                      "schemaVersion": 18,
                      "exporter": { "name": "Summit", "version": "0.1" },
                      "executionPlatform": "Camunda Cloud",
                      "executionPlatformVersion": "8.6.0",
                      "type": "default",
                      "id": "%s",
                      "components": []
                    }
                    """.formatted(id);
            case "bpmn" -> """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_%1$s" targetNamespace="http://summit.example/bpmn" exporter="Summit" exporterVersion="0.1" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.6.0">
                      <bpmn:process id="%1$s" name="%1$s" isExecutable="true">
                        <bpmn:startEvent id="StartEvent_1" name="开始">
                          <bpmn:outgoing>Flow_1</bpmn:outgoing>
                        </bpmn:startEvent>
                        <bpmn:endEvent id="EndEvent_1" name="结束">
                          <bpmn:incoming>Flow_1</bpmn:incoming>
                        </bpmn:endEvent>
                        <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="EndEvent_1" />
                      </bpmn:process>
                      <bpmndi:BPMNDiagram id="BPMNDiagram_1">
                        <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="%1$s">
                          <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1"><dc:Bounds x="152" y="102" width="36" height="36" /></bpmndi:BPMNShape>
                          <bpmndi:BPMNShape id="EndEvent_1_di" bpmnElement="EndEvent_1"><dc:Bounds x="352" y="102" width="36" height="36" /></bpmndi:BPMNShape>
                          <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1"><di:waypoint x="188" y="120" /><di:waypoint x="352" y="120" /></bpmndi:BPMNEdge>
                        </bpmndi:BPMNPlane>
                      </bpmndi:BPMNDiagram>
                    </bpmn:definitions>
                    """.formatted(id);
            default -> """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_%1$s" name="%1$s" namespace="http://summit.example/dmn" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.6.0">
                      <decision id="%1$s" name="%1$s">
                        <decisionTable id="DecisionTable_1" hitPolicy="FIRST">
                          <input id="Input_1" label="输入">
                            <inputExpression id="InputExpression_1" typeRef="string"><text>input</text></inputExpression>
                          </input>
                          <output id="Output_1" label="结果" name="result" typeRef="string" />
                          <rule id="Rule_1">
                            <inputEntry id="InputEntry_1"><text>-</text></inputEntry>
                            <outputEntry id="OutputEntry_1"><text>"ok"</text></outputEntry>
                          </rule>
                        </decisionTable>
                      </decision>
                    </definitions>
                    """.formatted(id);
        };
    }
}
