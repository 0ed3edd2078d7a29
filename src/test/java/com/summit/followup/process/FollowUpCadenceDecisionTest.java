package com.summit.followup.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The DMN {@code follow-up-cadence}: how many days may pass between two follow-ups, by the customer's tier. */
@ZeebeProcessTest
class FollowUpCadenceDecisionTest {

    private ZeebeClient client;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void deploy() {
        client.newDeployResourceCommand().addResourceFile("bpmn/follow-up-cadence.dmn").send().join();
    }

    @Test
    void strategicCustomersEveryWeekImportantOnesEveryTwoWeeksOthersEveryMonth() throws Exception {
        assertThat(cadence("STRATEGIC")).containsEntry("cadenceDays", 7).containsEntry("graceDays", 1);
        assertThat(cadence("IMPORTANT")).containsEntry("cadenceDays", 14).containsEntry("graceDays", 2);
        assertThat(cadence("ORDINARY")).containsEntry("cadenceDays", 30).containsEntry("graceDays", 3);
    }

    @Test
    void aCustomerNotYetTieredIsFollowedUpMonthly() throws Exception {
        assertThat(cadence(null)).containsEntry("cadenceDays", 30).containsEntry("graceDays", 3);
    }

    private Map<String, Object> cadence(String tier) throws Exception {
        Map<String, Object> facts = new HashMap<>();
        facts.put("tier", tier);
        String output = client.newEvaluateDecisionCommand().decisionId("follow-up-cadence").variables(facts).send().join().getDecisionOutput();
        return json.readValue(output, new TypeReference<>() {});
    }
}
