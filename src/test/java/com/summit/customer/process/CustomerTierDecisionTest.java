package com.summit.customer.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The DMN {@code customer-tier}: strategic / important / ordinary from 12 months of revenue and profit and the open pipeline. */
@ZeebeProcessTest
class CustomerTierDecisionTest {

    private ZeebeClient client;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void deploy() {
        client.newDeployResourceCommand().addResourceFile("bpmn/customer-tier.dmn").send().join();
    }

    @Test
    void profitOrRevenueMakesAStrategicCustomer() throws Exception {
        assertThat(tier(3_200_000, 20_000_000, 0)).containsEntry("tier", "STRATEGIC").containsEntry("reason", "PROFIT");
        assertThat(tier(1_000_000, 35_000_000, 0)).containsEntry("tier", "STRATEGIC").containsEntry("reason", "REVENUE");
    }

    @Test
    void aLargePipelineLiftsAProfitableCustomerToStrategicButNotAnUnprofitableOne() throws Exception {
        assertThat(tier(600_000, 5_000_000, 25_000_000)).containsEntry("tier", "STRATEGIC").containsEntry("reason", "PIPELINE");
        assertThat(tier(100_000, 1_000_000, 25_000_000)).containsEntry("tier", "IMPORTANT").containsEntry("reason", "PIPELINE");
    }

    @Test
    void theMiddleIsImportantAndTheRestOrdinary() throws Exception {
        assertThat(tier(900_000, 6_000_000, 0)).containsEntry("tier", "IMPORTANT").containsEntry("reason", "PROFIT");
        assertThat(tier(500_000, 9_000_000, 0)).containsEntry("tier", "IMPORTANT").containsEntry("reason", "REVENUE");
        assertThat(tier(100_000, 2_000_000, 1_000_000)).containsEntry("tier", "ORDINARY").containsEntry("reason", "BELOW");
        assertThat(tier(0, 0, 0)).containsEntry("tier", "ORDINARY");
    }

    private Map<String, Object> tier(long profit, long revenue, long pipeline) throws Exception {
        Map<String, Object> facts = new HashMap<>();
        facts.put("profit12m", profit);
        facts.put("revenue12m", revenue);
        facts.put("pipeline", pipeline);
        String output = client.newEvaluateDecisionCommand().decisionId("customer-tier").variables(facts).send().join().getDecisionOutput();
        return json.readValue(output, new TypeReference<>() {});
    }
}
