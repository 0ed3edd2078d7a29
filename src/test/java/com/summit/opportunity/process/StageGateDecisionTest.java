package com.summit.opportunity.process;

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

/**
 * The DMN {@code stage-gate} (bpmn/stage-gate.dmn) on the real engine's DMN evaluation: for each stage, what
 * passes and what is named as unmet (METHODOLOGY §2's default exit milestones).
 */
@ZeebeProcessTest
class StageGateDecisionTest {

    private ZeebeClient client;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void deploy() {
        client.newDeployResourceCommand().addResourceFile("bpmn/stage-gate.dmn").send().join();
    }

    @Test
    void identificationNeedsAProfileATierAnOwnerAndAStatedNeed() throws Exception {
        assertThat(unmet(facts("IDENTIFICATION", 1, 0, 0, 0, 0))).isEmpty();
        Map<String, Object> facts = facts("IDENTIFICATION", 0, 0, 0, 0, 0);
        facts.put("profileComplete", false);
        facts.put("tierKnown", false);
        facts.put("ownerSet", false);
        assertThat(unmet(facts)).containsExactly("PROFILE", "TIER", "OWNER", "LEVEL:NEED:1");
    }

    @Test
    void needConfirmationNeedsNeedFourPowerThreeGoalsTwo() throws Exception {
        assertThat(unmet(facts("NEED_CONFIRMATION", 4, 3, 2, 0, 0))).isEmpty();
        assertThat(unmet(facts("NEED_CONFIRMATION", 3, 2, 1, 6, 6))).containsExactly("LEVEL:NEED:4", "LEVEL:POWER:3", "LEVEL:GOALS:2");
    }

    @Test
    void solutionDesignNeedsValueGoalsCollaborationAndThePassedReview() throws Exception {
        assertThat(unmet(facts("SOLUTION_DESIGN", 4, 3, 4, 4, 3))).isEmpty();
        Map<String, Object> facts = facts("SOLUTION_DESIGN", 6, 6, 3, 3, 2);
        facts.put("solutionReviewPassed", false);
        assertThat(unmet(facts)).containsExactly("LEVEL:VALUE:4", "LEVEL:GOALS:4", "LEVEL:COLLABORATION:3", "SOLUTION_REVIEW");
    }

    @Test
    void proposalNeedsPowerAndValueFiveEveryVetoHolderAndThePrice() throws Exception {
        assertThat(unmet(facts("PROPOSAL_NEGOTIATION", 5, 5, 4, 5, 3))).isEmpty();
        Map<String, Object> facts = facts("PROPOSAL_NEGOTIATION", 6, 4, 6, 4, 6);
        facts.put("vetoApprovalPassed", false);
        facts.put("priceApproved", false);
        assertThat(unmet(facts)).containsExactly("LEVEL:POWER:5", "LEVEL:VALUE:5", "VETO_APPROVAL", "PRICE_APPROVED");
    }

    @Test
    void signingNeedsPowerSixTheApprovalAndASignedContract() throws Exception {
        assertThat(unmet(facts("CONTRACT_SIGNING", 6, 6, 6, 6, 6))).isEmpty();
        Map<String, Object> facts = facts("CONTRACT_SIGNING", 6, 5, 6, 6, 6);
        facts.put("contractSigned", false);
        facts.put("vetoApprovalPassed", false);
        assertThat(unmet(facts)).containsExactly("LEVEL:POWER:6", "VETO_APPROVAL", "CONTRACT_SIGNED");
    }

    @Test
    void signingWaitsUntilEveryConditionOfTheApprovalsIsMet() throws Exception {
        Map<String, Object> facts = facts("CONTRACT_SIGNING", 6, 6, 6, 6, 6);
        facts.put("conditionsMet", false);
        assertThat(unmet(facts)).containsExactly("APPROVAL_CONDITIONS");
        facts.put("stage", "PROPOSAL_NEGOTIATION");
        assertThat(unmet(facts)).as("conditions are a checklist of the contract stage only").isEmpty();
    }

    /** Every fact true, the levels as given. */
    private static Map<String, Object> facts(String stage, int need, int power, int goals, int value, int collaboration) {
        Map<String, Object> facts = new HashMap<>(Map.of("stage", stage, "need", need, "power", power, "goals", goals,
                "value", value, "collaboration", collaboration));
        for (String fact : List.of("profileComplete", "tierKnown", "ownerSet", "solutionReviewPassed", "vetoApprovalPassed",
                "priceApproved", "conditionsMet", "contractSigned")) {
            facts.put(fact, true);
        }
        return facts;
    }

    private List<String> unmet(Map<String, Object> facts) throws Exception {
        String output = client.newEvaluateDecisionCommand().decisionId("stage-gate").variables(facts).send().join().getDecisionOutput();
        List<Map<String, Object>> rows = json.readValue(output, new TypeReference<>() {});
        if (rows == null) { // no rule matched: nothing unmet
            return List.of();
        }
        return rows.stream().map(r -> r.get("element") == null ? (String) r.get("condition")
                : r.get("condition") + ":" + r.get("element") + ":" + ((Number) r.get("required")).intValue()).toList();
    }
}
