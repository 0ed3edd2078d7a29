package com.summit.opportunity.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The DMN {@code stage-duration}: days a deal may stay in a stage before it counts as stalled, by tier. */
@ZeebeProcessTest
class StageDurationDecisionTest {

    private ZeebeClient client;

    @BeforeEach
    void deploy() {
        client.newDeployResourceCommand().addResourceFile("bpmn/stage-duration.dmn").send().join();
    }

    @Test
    void strategicDealsGetMoreTimeToFindTheRealNeedAndLessToCloseAProposal() {
        assertThat(days("IDENTIFICATION", "STRATEGIC")).isEqualTo("14");
        assertThat(days("NEED_CONFIRMATION", "ORDINARY")).isEqualTo("30");
        assertThat(days("PROPOSAL_NEGOTIATION", "STRATEGIC")).isEqualTo("30");
        assertThat(days("PROPOSAL_NEGOTIATION", "ORDINARY")).isEqualTo("14");
        assertThat(days("CONTRACT_SIGNING", "IMPORTANT")).isEqualTo("14");
    }

    @Test
    void anythingElseGetsThirtyDays() {
        assertThat(days("SOMETHING_NEW", "UNKNOWN")).isEqualTo("30");
    }

    /** The decision's targetDays (its output is a context: days and the basis). */
    private String days(String stage, String tier) {
        String output = client.newEvaluateDecisionCommand().decisionId("stage-duration").variables(Map.of("stage", stage, "tier", tier))
                .send().join().getDecisionOutput();
        return output.replaceAll(".*\"targetDays\":\\s*([0-9]+).*", "$1");
    }
}
