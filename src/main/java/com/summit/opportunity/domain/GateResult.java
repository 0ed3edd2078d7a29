package com.summit.opportunity.domain;

import java.time.Instant;
import java.util.List;

/** One evaluation of a stage's exit gate: passed, or the conditions that are not met yet. */
public record GateResult(Stage stage, boolean passed, List<Unmet> unmet, Instant at) {

    /** An unmet condition: a scorecard level below what the stage needs, or a fact (PROFILE, TIER, …) not true yet. */
    public record Unmet(String condition, ScoreElement element, Integer required, Integer current) {

        public boolean isLevel() {
            return element != null;
        }
    }

    public GateResult {
        unmet = List.copyOf(unmet);
    }
}
