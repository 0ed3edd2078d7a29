package com.summit.approval.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The DMN {@code approval-route}: which departments review a deal, at which level (bpmn/approval-route.dmn). */
@ZeebeProcessTest
class ApprovalRouteDecisionTest {

    private ZeebeClient client;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void deploy() {
        client.newDeployResourceCommand().addResourceFile("bpmn/approval-route.dmn").send().join();
    }

    @Test
    void anOrdinaryDealIsReviewedByLegalFinanceAndTechnology() throws Exception {
        assertThat(route(deal(5_000_000, 15, "IMPORTANT", 30, false, false)))
                .containsExactly("LEGAL:REVIEWER", "FINANCE:REVIEWER", "TECH:REVIEWER");
    }

    @Test
    void aLowMarginALongPaymentTermOrALargeAmountNeedsTheFinanceHead() throws Exception {
        assertThat(route(deal(5_000_000, 6, "IMPORTANT", 30, false, false))).contains("FINANCE:HEAD");
        assertThat(route(deal(5_000_000, 15, "IMPORTANT", 90, false, false))).contains("FINANCE:HEAD");
        assertThat(route(deal(25_000_000, 15, "IMPORTANT", 30, false, false))).contains("FINANCE:HEAD");
    }

    @Test
    void nonStandardTermsNeedTheLegalHeadAndColdChainAddsOperations() throws Exception {
        assertThat(route(deal(5_000_000, 15, "ORDINARY", 30, true, false))).contains("LEGAL:HEAD");
        assertThat(route(deal(5_000_000, 15, "ORDINARY", 30, false, true))).contains("OPERATIONS:REVIEWER");
        assertThat(route(deal(5_000_000, 15, "ORDINARY", 30, false, false))).doesNotContain("OPERATIONS:REVIEWER", "LEGAL:HEAD");
    }

    @Test
    void aLargeStrategicDealNeedsTheTechnologyHead() throws Exception {
        assertThat(route(deal(36_000_000, 12, "STRATEGIC", 45, false, false))).contains("TECH:HEAD", "FINANCE:HEAD");
        assertThat(route(deal(36_000_000, 12, "IMPORTANT", 45, false, false))).doesNotContain("TECH:HEAD");
    }

    private static Map<String, Object> deal(long amount, double margin, String tier, int paymentDays, boolean nonStandard, boolean coldChain) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("amount", amount);
        facts.put("marginPercent", margin);
        facts.put("tier", tier);
        facts.put("paymentTermDays", paymentDays);
        facts.put("nonStandardTerms", nonStandard);
        facts.put("coldChain", coldChain);
        return facts;
    }

    private List<String> route(Map<String, Object> facts) throws Exception {
        String output = client.newEvaluateDecisionCommand().decisionId("approval-route").variables(facts).send().join().getDecisionOutput();
        List<Map<String, Object>> rows = json.readValue(output, new TypeReference<>() {});
        return rows == null ? List.of() : rows.stream().map(r -> r.get("department") + ":" + r.get("level")).toList();
    }
}
