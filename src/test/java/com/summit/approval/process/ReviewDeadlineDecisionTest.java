package com.summit.approval.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The DMN {@code review-deadline}: how many business days a department has for its review, by tier. */
@ZeebeProcessTest
class ReviewDeadlineDecisionTest {

    private ZeebeClient client;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void deploy() {
        client.newDeployResourceCommand().addResourceFile("bpmn/review-deadline.dmn").send().join();
    }

    @Test
    void aStrategicCustomersReviewIsDueInOneBusinessDayOthersInTwo() throws Exception {
        assertThat(deadline("STRATEGIC", "REVIEWER")).containsEntry("reviewDays", 1).containsEntry("escalateAfterDays", 1);
        assertThat(deadline("STRATEGIC", "HEAD")).containsEntry("reviewDays", 1);
        assertThat(deadline("IMPORTANT", "REVIEWER")).containsEntry("reviewDays", 2).containsEntry("escalateAfterDays", 1);
        assertThat(deadline("ORDINARY", "HEAD")).containsEntry("reviewDays", 2);
    }

    @Test
    void aCustomerNotYetTieredGetsTheDefault() throws Exception {
        assertThat(deadline(null, "REVIEWER")).containsEntry("reviewDays", 2);
    }

    private Map<String, Object> deadline(String tier, String level) throws Exception {
        Map<String, Object> facts = new HashMap<>();
        facts.put("tier", tier);
        facts.put("level", level);
        String output = client.newEvaluateDecisionCommand().decisionId("review-deadline").variables(facts).send().join().getDecisionOutput();
        return json.readValue(output, new TypeReference<>() {});
    }
}
