package com.summit.workbench.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The engine's refusal of a deployment, element by element. */
class EngineRefusalTest {

    @Test
    void eachErrorIsTakenWithItsElement() {
        String message = """
                Command 'CREATE' rejected with code 'INVALID_ARGUMENT': Expected to deploy new resources, but encountered the following errors:
                'broken.bpmn': - Element: Task_Charge
                    - ERROR: Must have exactly one 'zeebe:taskDefinition' extension element
                - Element: Flow_Out
                    - ERROR: Condition expression is invalid
                    - WARNING: something minor
                """;
        assertThat(EngineRefusal.parse(message)).containsExactly(
                new EngineRefusal.Problem("Task_Charge", "Must have exactly one 'zeebe:taskDefinition' extension element"),
                new EngineRefusal.Problem("Flow_Out", "Condition expression is invalid"));
    }

    @Test
    void aRefusalWithoutElementsIsKeptWhole() {
        assertThat(EngineRefusal.parse("Command 'CREATE' rejected with code 'INVALID_ARGUMENT': the resource is empty"))
                .containsExactly(new EngineRefusal.Problem(null, "Command 'CREATE' rejected with code 'INVALID_ARGUMENT': the resource is empty"));
    }
}
